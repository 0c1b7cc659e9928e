// Page chrome and text flow of the PDF report: US Letter, a header and footer on every page but
// the title page, page numbers ("Page 3 of 9") drawn once all pages exist, and a cursor that
// starts a new page before a block would run into the footer.
import PDFDocument from 'pdfkit';
import { FONT, fontRuns, registerFonts } from './fonts.ts';
import { dateLong } from './format.ts';

export const PAGE = { width: 612, height: 792, left: 54, right: 54, top: 72, bottom: 66 };
export const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
export const COLOR = {
  text: '#1f2933',
  muted: '#5f6b7a',
  rule: '#c9d1db',
  fill: '#f1f4f8',
  demand: '#2f3e50',
  supply: '#1f77b4',
  gap: '#d62728',
  pass: '#1a7f37',
  fail: '#c62828',
  accent: '#e07b00',
} as const;

export interface Report {
  doc: PDFKit.PDFDocument;
  /** Shown in every page's header. */
  title: string;
  generatedAt: Date;
}

export function newReport(title: string, generatedAt: Date): Report {
  const doc = new PDFDocument({
    size: 'LETTER',
    bufferPages: true,
    autoFirstPage: false,
    margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
    info: {
      Title: `Siting report: ${title}`,
      Author: 'SMR campus planner',
      Subject: 'Screening-level siting report for small modular reactors powering a campus',
      // Fixed from the input, so the same input gives the same bytes (the file ID hashes it).
      CreationDate: generatedAt,
      ModDate: generatedAt,
    },
  });
  registerFonts(doc);
  doc.font(FONT.regular);
  return { doc, title, generatedAt };
}

export interface TextOptions extends PDFKit.Mixins.TextOptions {
  bold?: boolean;
  size?: number;
  color?: string;
}

/** Text at (x, y) or at the cursor, with CJK runs drawn in the fallback font. */
export function write(
  r: Report,
  text: string,
  at?: { x: number; y: number },
  opts: TextOptions = {},
) {
  const { bold, size = 9, color = COLOR.text, ...options } = opts;
  const { doc } = r;
  const main = bold ? FONT.bold : FONT.regular;
  doc.font(main).fontSize(size).fillColor(color);
  const runs = fontRuns(doc, text);
  runs.forEach((run, i) => {
    doc.font(run.fallback ? FONT.fallback : main);
    const o = { ...options, continued: i < runs.length - 1 || options.continued === true };
    if (i === 0 && at) doc.text(run.text, at.x, at.y, o);
    else doc.text(run.text, o);
  });
  doc.font(FONT.regular);
}

/** Height of the text in a box `width` wide, in the body font. */
export function textHeight(r: Report, text: string, width: number, size = 9, bold = false) {
  r.doc.font(bold ? FONT.bold : FONT.regular).fontSize(size);
  return r.doc.heightOfString(text, { width });
}

export const bottomLimit = () => PAGE.height - PAGE.bottom;

/** A new page when fewer than `height` points are left above the footer. */
export function ensureSpace(r: Report, height: number): void {
  if (r.doc.y + height > bottomLimit()) newPage(r);
}

export function newPage(r: Report): void {
  r.doc.addPage();
  r.doc.x = PAGE.left;
  r.doc.y = PAGE.top;
}

/** A section starts on a new page under its title. */
export function section(r: Report, title: string, lead?: string): void {
  newPage(r);
  write(r, title, { x: PAGE.left, y: PAGE.top }, { bold: true, size: 17 });
  r.doc.moveDown(0.3);
  if (lead) paragraph(r, lead, { color: COLOR.muted });
  r.doc.moveDown(0.4);
}

export function heading(r: Report, title: string): void {
  ensureSpace(r, 60);
  r.doc.moveDown(0.6);
  write(r, title, { x: PAGE.left, y: r.doc.y }, { bold: true, size: 11.5 });
  r.doc.moveDown(0.3);
}

export function paragraph(r: Report, text: string, opts: TextOptions = {}): void {
  const size = opts.size ?? 9;
  ensureSpace(r, size * 2.6);
  write(r, text, { x: PAGE.left, y: r.doc.y }, { width: CONTENT_WIDTH, lineGap: 1.5, ...opts });
  r.doc.moveDown(0.35);
}

export function bullets(r: Report, items: readonly string[], size = 8.5): void {
  for (const item of items) {
    ensureSpace(r, size * 2.6);
    const y = r.doc.y;
    write(r, '•', { x: PAGE.left + 2, y }, { size });
    write(r, item, { x: PAGE.left + 12, y }, { size, width: CONTENT_WIDTH - 12, lineGap: 1 });
    r.doc.moveDown(0.25);
  }
}

/** Boxes of label over value, four to a row. */
export function keyFigures(r: Report, items: readonly { label: string; value: string }[]): void {
  const perRow = 4;
  const gap = 8;
  const w = (CONTENT_WIDTH - gap * (perRow - 1)) / perRow;
  const h = 50;
  for (let i = 0; i < items.length; i += perRow) {
    ensureSpace(r, h + gap);
    const y = r.doc.y;
    items.slice(i, i + perRow).forEach((item, j) => {
      const x = PAGE.left + j * (w + gap);
      r.doc.rect(x, y, w, h).fill(COLOR.fill);
      write(
        r,
        item.label,
        { x: x + 7, y: y + 6 },
        { size: 7.5, color: COLOR.muted, width: w - 14 },
      );
      write(
        r,
        item.value,
        { x: x + 7, y: y + 29 },
        { size: 12, bold: true, width: w - 14, lineBreak: false },
      );
    });
    r.doc.x = PAGE.left;
    r.doc.y = y + h + gap;
  }
}

/** Header and footer with page numbers on every page but the first (the title page). */
export function drawChrome(r: Report): void {
  const { doc } = r;
  const range = doc.bufferedPageRange();
  const total = range.count;
  for (let i = range.start; i < range.start + total; i++) {
    doc.switchToPage(i);
    // Writing inside the margins must not flow onto a new page.
    const saved = doc.page.margins;
    doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
    const footerY = PAGE.height - PAGE.bottom + 22;
    const opts = { size: 7.5, color: COLOR.muted, lineBreak: false } as const;
    if (i > range.start) {
      write(
        r,
        r.title,
        { x: PAGE.left, y: 40 },
        { ...opts, width: CONTENT_WIDTH - 110, ellipsis: true },
      );
      write(
        r,
        'SMR campus siting report',
        { x: PAGE.left, y: 40 },
        { ...opts, width: CONTENT_WIDTH, align: 'right' },
      );
      doc
        .moveTo(PAGE.left, 52)
        .lineTo(PAGE.width - PAGE.right, 52)
        .lineWidth(0.5)
        .stroke(COLOR.rule);
    }
    doc
      .moveTo(PAGE.left, footerY - 6)
      .lineTo(PAGE.width - PAGE.right, footerY - 6)
      .lineWidth(0.5)
      .stroke(COLOR.rule);
    write(
      r,
      `Screening tool, not a licensing analysis · generated ${dateLong(r.generatedAt)}`,
      { x: PAGE.left, y: footerY },
      opts,
    );
    write(
      r,
      `Page ${i - range.start + 1} of ${total}`,
      { x: PAGE.left, y: footerY },
      { ...opts, width: CONTENT_WIDTH, align: 'right' },
    );
    doc.page.margins = saved;
  }
}

/** The finished document's bytes. */
export function finish(r: Report): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    r.doc.on('data', (c: Buffer) => chunks.push(c));
    r.doc.on('end', () => resolve(Buffer.concat(chunks)));
    r.doc.on('error', reject);
    r.doc.end();
  });
}
