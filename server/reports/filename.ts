// The Content-Disposition of a download, from the scenario's name made safe (issue 11): no path
// separators, control characters or quotes, spaces collapsed, at most 100 characters, and
// "scenario" when nothing is left. `filename=` carries an ASCII fallback; `filename*` (RFC 6266,
// RFC 8187) the UTF-8 name, percent-encoded.

const MAX_CHARS = 100;
const FALLBACK = 'scenario';

/** The scenario's name as a file name stem (no extension), Unicode kept. */
export function safeFileStem(name: string | null | undefined): string {
  const cleaned = (name ?? '')
    .normalize('NFC')
    // Control characters (C0, DEL, C1), path separators, quotes and the characters Windows
    // forbids in file names.
    .replace(/[\u0000-\u001f\u007f-\u009f/\\"'`<>:*?|]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    // No hidden files, no ".." left over.
    .replace(/^[.\s]+|[.\s]+$/g, '');
  const chars = Array.from(cleaned).slice(0, MAX_CHARS).join('').trim();
  return chars || FALLBACK;
}

/** An ASCII version of a stem, for clients that ignore filename*: accents dropped, others "_". */
function asciiStem(stem: string): string {
  const ascii = stem
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/[%;,]/g, '_')
    .replace(/_+/g, '_')
    .trim();
  return /[A-Za-z0-9]/.test(ascii) ? ascii : FALLBACK;
}

/** RFC 8187 value-chars: encodeURIComponent leaves ' ( ) * ! unescaped, which 8187 does not allow for '()*. */
const encodeRfc8187 = (text: string): string =>
  encodeURIComponent(text).replace(
    /['()*!]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

/** `attachment; filename="<ascii>.<ext>"; filename*=UTF-8''<percent-encoded>.<ext>` */
export function contentDisposition(name: string | null | undefined, extension: string): string {
  const stem = safeFileStem(name);
  return `attachment; filename="${asciiStem(stem)}.${extension}"; filename*=UTF-8''${encodeRfc8187(stem)}.${extension}`;
}
