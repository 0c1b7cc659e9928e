// The CLI's progress bar on a TTY (the same bar as `evaluate`'s), for `report`: the Monte
// Carlo trials first, then the PDF's sections. Nothing is written when stderr is not a TTY.

export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export function progressBar(done: number, total: number, unit: string): string {
  const width = 30;
  const filled = Math.round((Math.min(done, total) / Math.max(1, total)) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${unit}`;
}

/** A bar per stage on one line each; `end()` finishes the last one. */
export function progressReporter(stream: ProgressStream) {
  let open = false;
  let stage = '';
  return {
    update(label: string, done: number, total: number, unit: string) {
      if (!stream.isTTY) return;
      if (open && stage !== label) stream.write('\n');
      stage = label;
      open = true;
      // Pad so a shorter line wipes the end of a longer one.
      stream.write(`\r${`${label} ${progressBar(done, total, unit)}`.padEnd(60)}`);
    },
    end() {
      if (stream.isTTY && open) stream.write('\n');
      open = false;
    },
  };
}
