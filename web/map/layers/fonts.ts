// Label fonts. The style has no `glyphs` URL, so MapLibre draws text with local fonts and reads
// each `text-font` entry as a CSS font family. It takes the weight from a word in the FIRST
// entry ("Bold" → 700), so the bold stack leads with a name that only carries the weight.
export const LABEL_FONT_REGULAR = ['Helvetica Neue', 'Arial', 'Liberation Sans', 'sans-serif'];
export const LABEL_FONT_BOLD = [
  'Sans Bold',
  'Helvetica Neue',
  'Arial',
  'Liberation Sans',
  'sans-serif',
];
