import { describe, expect, it } from 'vitest';
import { contentDisposition, safeFileStem } from '../../server/reports/filename.ts';

describe('report file names', () => {
  it('strips path separators, control characters and quotes, and collapses spaces', () => {
    expect(safeFileStem('../../etc/passwd')).toBe('etc passwd');
    expect(safeFileStem('a\\b\u0000c\nd\t"e"  \'f\'')).toBe('a b c d e f');
    expect(safeFileStem('<script>alert(1)</script>')).toBe('script alert(1) script');
  });

  it('keeps accents and CJK, caps the length at 100 characters and falls back to "scenario"', () => {
    expect(safeFileStem('Colossus · Tōkyō 東京')).toBe('Colossus · Tōkyō 東京');
    expect(Array.from(safeFileStem('東'.repeat(300)))).toHaveLength(100);
    expect(safeFileStem('  /// .. ')).toBe('scenario');
    expect(safeFileStem('')).toBe('scenario');
    expect(safeFileStem(undefined)).toBe('scenario');
  });

  it('sends an ASCII filename and the UTF-8 name percent-encoded', () => {
    expect(contentDisposition('Tōkyō 東京 (draft)', 'pdf')).toBe(
      `attachment; filename="Tokyo _ (draft).pdf"; filename*=UTF-8''T%C5%8Dky%C5%8D%20%E6%9D%B1%E4%BA%AC%20%28draft%29.pdf`,
    );
    expect(contentDisposition('東京', 'csv')).toBe(
      `attachment; filename="scenario.csv"; filename*=UTF-8''%E6%9D%B1%E4%BA%AC.csv`,
    );
    // Only printable ASCII in the header value.
    expect(contentDisposition('a\u2028b"c;d', 'csv')).toMatch(/^[\x20-\x7e]+$/);
  });
});
