// Tables that break across pages between rows (never inside one) and repeat their header row
// at the top of each page they continue on.
import {
  COLOR,
  CONTENT_WIDTH,
  PAGE,
  bottomLimit,
  newPage,
  textHeight,
  write,
  type Report,
} from './layout.ts';

export interface Column {
  header: string;
  /** Share of the content width; shares are normalised. */
  width: number;
  align?: 'left' | 'right' | 'center';
}

export interface Cell {
  text: string;
  color?: string;
  bold?: boolean;
}

const PAD_X = 4;
const PAD_Y = 3;

export function table(
  r: Report,
  columns: readonly Column[],
  rows: readonly (string | Cell)[][],
  size = 8,
): void {
  const { doc } = r;
  const share = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => (c.width / share) * CONTENT_WIDTH);
  const xs = widths.map((_, i) => PAGE.left + widths.slice(0, i).reduce((s, w) => s + w, 0));
  const cell = (c: string | Cell): Cell => (typeof c === 'string' ? { text: c } : c);
  const heightOf = (cells: Cell[], bold: boolean) =>
    Math.max(
      ...cells.map((c, i) => textHeight(r, c.text, widths[i] - 2 * PAD_X, size, bold || c.bold)),
    ) +
    2 * PAD_Y;

  const header = columns.map((c) => ({ text: c.header, bold: true }));
  const headerHeight = heightOf(header, true);
  const drawRow = (cells: Cell[], y: number, h: number, fill: string | null) => {
    if (fill) doc.rect(PAGE.left, y, CONTENT_WIDTH, h).fill(fill);
    cells.forEach((c, i) => {
      write(
        r,
        c.text,
        { x: xs[i] + PAD_X, y: y + PAD_Y },
        {
          size,
          bold: c.bold,
          color: c.color,
          width: widths[i] - 2 * PAD_X,
          align: columns[i].align ?? 'left',
        },
      );
    });
    doc
      .moveTo(PAGE.left, y + h)
      .lineTo(PAGE.left + CONTENT_WIDTH, y + h)
      .lineWidth(0.4)
      .stroke(COLOR.rule);
  };
  const drawHeader = () => {
    const y = doc.y;
    drawRow(header, y, headerHeight, '#e3e8ef');
    doc.y = y + headerHeight;
  };

  // The header never sits alone at the foot of a page.
  const first = rows.length ? heightOf(rows[0].map(cell), false) : 0;
  if (doc.y + headerHeight + first > bottomLimit()) newPage(r);
  drawHeader();
  rows.forEach((raw, k) => {
    const cells = raw.map(cell);
    const h = heightOf(cells, false);
    if (doc.y + h > bottomLimit()) {
      newPage(r);
      drawHeader();
    }
    const y = doc.y;
    drawRow(cells, y, h, k % 2 === 1 ? COLOR.fill : null);
    doc.y = y + h;
  });
  doc.x = PAGE.left;
  doc.y += 6;
}

/** A two-column table of label and value. */
export function facts(r: Report, rows: readonly [string, string][], size = 8.5): void {
  table(
    r,
    [
      { header: 'Figure', width: 2 },
      { header: 'Value', width: 3 },
    ],
    rows.map(([a, b]) => [a, b]),
    size,
  );
}
