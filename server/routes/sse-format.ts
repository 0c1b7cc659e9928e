// One server-sent event as text (https://html.spec.whatwg.org/multipage/server-sent-events.html):
// JSON data never holds a raw newline, so one data line is enough.
export const sseEvent = (event: string, data: unknown): string =>
  `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
