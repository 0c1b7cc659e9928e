// Bounded quoting for error messages: a message names the field and shows at most
// QUOTE_MAX_CHARS of the bad value, so a 1 MB (or a 100,000-level deep) value gives a small
// error and never throws while being described.

export const QUOTE_MAX_CHARS = 100;
/** The longest message any error body carries (field + quote + reason fit well inside). */
export const MESSAGE_MAX_CHARS = 300;
const ELLIPSIS = '…';
// Deeper than this a quote shows "…": the quote is cut at 100 characters long before anyway.
const QUOTE_MAX_DEPTH = 4;

/** Cut text to max characters, never splitting a surrogate pair, marking the cut with "…". */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end) + ELLIPSIS;
}

/** JSON-like text of a value, at most `max` characters of it; never throws. */
export function quote(value: unknown, max: number = QUOTE_MAX_CHARS): string {
  let out = '';
  // Stops writing once past the budget; the caller truncates the overshoot.
  const write = (text: string): boolean => {
    out += text;
    return out.length <= max;
  };
  const walk = (v: unknown, depth: number): boolean => {
    if (typeof v === 'string') return write(JSON.stringify(v.slice(0, max + 1)));
    if (v === null || typeof v === 'number' || typeof v === 'boolean') return write(String(v));
    if (v === undefined) return write('undefined');
    if (typeof v !== 'object') return write(typeof v);
    if (depth >= QUOTE_MAX_DEPTH) return write(ELLIPSIS);
    if (Array.isArray(v)) {
      if (!write('[')) return false;
      for (let i = 0; i < v.length; i++) {
        if (i > 0 && !write(',')) return false;
        if (!walk(v[i], depth + 1)) return false;
      }
      return write(']');
    }
    if (!write('{')) return false;
    let first = true;
    for (const key of Object.keys(v)) {
      if (!first && !write(',')) return false;
      first = false;
      if (!write(`${JSON.stringify(key.slice(0, max + 1))}:`)) return false;
      if (!walk((v as Record<string, unknown>)[key], depth + 1)) return false;
    }
    return write('}');
  };
  walk(value, 0);
  return truncate(out, max);
}

/** A field path shown in a message: bounded like a value (a key may itself be 1 MB). */
export function fieldName(path: string): string {
  return truncate(path, QUOTE_MAX_CHARS);
}

/** Every message leaving the server is at most MESSAGE_MAX_CHARS characters. */
export function boundMessage(message: string): string {
  return truncate(message, MESSAGE_MAX_CHARS - 1);
}
