// Plain-text tables for the terminal: numbers right-aligned, text left-aligned.
export function table(rows: (string | number)[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) =>
          typeof cell === 'number'
            ? String(cell).padStart(widths[i])
            : String(cell).padEnd(widths[i]),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export const fmt = (value: number | null | undefined, digits = 0): string =>
  value == null || !Number.isFinite(value)
    ? '—'
    : value.toLocaleString('en-US', {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });

export const pct = (fraction: number, digits = 1): string => `${fmt(fraction * 100, digits)}%`;
