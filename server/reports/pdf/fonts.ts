// The report's fonts, shipped in server/reports/fonts/ (never read from the system): DejaVu Sans
// covers Latin, Greek, Cyrillic and most symbols; Droid Sans Fallback draws what DejaVu lacks
// (CJK), run by run, so every name stays text in the PDF.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FONT_DIR = fileURLToPath(new URL('../fonts/', import.meta.url));

export const FONT = { regular: 'body', bold: 'bold', fallback: 'fallback' } as const;

interface FontFiles {
  regular: Buffer;
  bold: Buffer;
  fallback: Buffer;
}
let files: FontFiles | undefined;

function fontFiles(): FontFiles {
  files ??= {
    regular: readFileSync(`${FONT_DIR}DejaVuSans.ttf`),
    bold: readFileSync(`${FONT_DIR}DejaVuSans-Bold.ttf`),
    fallback: readFileSync(`${FONT_DIR}DroidSansFallbackFull.ttf`),
  };
  return files;
}

export function registerFonts(doc: PDFKit.PDFDocument): void {
  const f = fontFiles();
  doc.registerFont(FONT.regular, f.regular);
  doc.registerFont(FONT.bold, f.bold);
  doc.registerFont(FONT.fallback, f.fallback);
}

export interface Run {
  text: string;
  fallback: boolean;
}

/** fontkit's font behind pdfkit's current font (not in @types/pdfkit). */
interface WithFontkit {
  _font?: { font?: { hasGlyphForCodePoint?: (cp: number) => boolean } };
}

const covered = new Map<number, boolean>();

/** Whether DejaVu Sans has a glyph for the code point; asks the font once per code point. */
function dejaVuHas(doc: PDFKit.PDFDocument, cp: number): boolean {
  if (cp < 0x250) return true;
  let has = covered.get(cp);
  if (has === undefined) {
    const font = (doc as unknown as WithFontkit)._font?.font;
    has = font?.hasGlyphForCodePoint ? font.hasGlyphForCodePoint(cp) : true;
    covered.set(cp, has);
  }
  return has;
}

/** The text cut into runs DejaVu draws and runs the fallback draws; the current font is DejaVu. */
export function fontRuns(doc: PDFKit.PDFDocument, text: string): Run[] {
  const runs: Run[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    // Spaces and joiners stay in the current run.
    const fallback = cp > 0x20 && !dejaVuHas(doc, cp);
    const last = runs[runs.length - 1];
    if (last && (last.fallback === fallback || cp <= 0x20)) last.text += ch;
    else runs.push({ text: ch, fallback });
  }
  return runs;
}
