// The Coverage tab's options form without the DOM: text → value or a message in the user's
// terms, target reliability spoken in %, and the patch each value makes to the options.
import { describe, expect, it } from 'vitest';
import {
  FIELDS,
  fieldText,
  gridModePatch,
  parseField,
  placeholderOf,
  prune,
  rangeText,
  yearPatch,
} from '../../web/features/coverage/option-fields.ts';

describe('parseField', () => {
  it('reads an empty field as the server default', () => {
    expect(parseField(FIELDS.trials, '')).toEqual({ ok: true, value: undefined });
    expect(parseField(FIELDS.gasMw, '   ')).toEqual({ ok: true, value: undefined });
  });

  it('takes trials as a whole number in 20–5,000, with or without separators', () => {
    expect(parseField(FIELDS.trials, '1,000')).toEqual({ ok: true, value: 1000 });
    expect(parseField(FIELDS.trials, '20')).toEqual({ ok: true, value: 20 });
    expect(parseField(FIELDS.trials, '10')).toEqual({
      ok: false,
      message: 'Trials must be 20–5,000',
    });
    expect(parseField(FIELDS.trials, '5001')).toEqual({
      ok: false,
      message: 'Trials must be 20–5,000',
    });
    expect(parseField(FIELDS.trials, '250.5')).toEqual({
      ok: false,
      message: 'Trials must be a whole number, 20–5,000',
    });
    expect(parseField(FIELDS.trials, 'many')).toEqual({
      ok: false,
      message: 'Trials must be a number, 20–5,000',
    });
  });

  it('speaks target reliability in % and sends a fraction', () => {
    expect(parseField(FIELDS.target, '99.9')).toEqual({ ok: true, value: 0.999 });
    expect(parseField(FIELDS.target, '99.999%')).toEqual({ ok: true, value: 0.99999 });
    expect(parseField(FIELDS.target, '50')).toEqual({ ok: true, value: 0.5 });
    const outside = { ok: false, message: 'Target reliability must be 50–99.999%' };
    expect(parseField(FIELDS.target, '99.9999')).toEqual(outside);
    expect(parseField(FIELDS.target, '0.999')).toEqual(outside);
  });

  it('refuses negative MW and MWh at the field', () => {
    for (const f of [FIELDS.gasMw, FIELDS.batteryMw, FIELDS.batteryMwh, FIELDS.importLimit]) {
      const parsed = parseField(f, '-5');
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.message).toBe(`${f.label} cannot be negative`);
    }
    expect(parseField(FIELDS.gasMw, '0')).toEqual({ ok: true, value: 0 });
    expect(parseField(FIELDS.gasMw, '100001')).toEqual({
      ok: false,
      message: 'Gas backup must be 0–100,000 MW',
    });
    expect(parseField(FIELDS.batteryMwh, '2000000')).toEqual({
      ok: false,
      message: 'Battery energy must be 0–1,000,000 MWh',
    });
  });

  it('allows the negative prices the server allows, within its limits', () => {
    expect(parseField(FIELDS.exportPrice, '−20')).toEqual({ ok: true, value: -20 });
    expect(parseField(FIELDS.importPrice, '-2000')).toEqual({
      ok: false,
      message: 'Import price must be −1,000–10,000 $/MWh',
    });
  });
});

describe('field text and placeholders', () => {
  it('shows the option in the field’s units and an unset one as empty', () => {
    expect(fieldText(FIELDS.target, { targetReliability: 0.999 })).toBe('99.9');
    expect(fieldText(FIELDS.target, { targetReliability: 0.99999 })).toBe('99.999');
    expect(fieldText(FIELDS.trials, {})).toBe('');
    expect(fieldText(FIELDS.batteryMwh, { backup: { battery: { mwh: 400 } } })).toBe('400');
  });

  it('names the default an empty field stands for', () => {
    expect(placeholderOf(FIELDS.trials)).toBe('500 (default)');
    expect(placeholderOf(FIELDS.target)).toBe('99.9 (default)');
    expect(placeholderOf(FIELDS.importPrice)).toBe('85 (default)');
    expect(placeholderOf(FIELDS.gasMw, '312')).toBe('312 (default, sized to the target)');
  });

  it('writes ranges with separators and units', () => {
    expect(rangeText(FIELDS.importLimit)).toBe('0–100,000 MW');
  });
});

describe('patches', () => {
  it('keeps the other backup fields when one changes, and drops emptied objects', () => {
    const options = { backup: { gas: { mw: 200 }, battery: { mw: 50, mwh: 100 } } };
    expect(FIELDS.batteryMwh.patch(options, 200)).toEqual({
      backup: { gas: { mw: 200 }, battery: { mw: 50, mwh: 200 } },
    });
    expect(FIELDS.gasMw.patch(options, undefined)).toEqual({
      backup: { battery: { mw: 50, mwh: 100 } },
    });
    expect(FIELDS.gasMw.patch({ backup: { gas: { mw: 200 } } }, undefined)).toEqual({
      backup: undefined,
    });
  });

  it('keeps the grid mode and its other prices when one price changes', () => {
    const options = { grid: { mode: 'connected' as const, importPriceUsdPerMwh: 90 } };
    expect(FIELDS.exportPrice.patch(options, 30)).toEqual({
      grid: { mode: 'connected', importPriceUsdPerMwh: 90, exportPriceUsdPerMwh: 30 },
    });
    expect(FIELDS.importLimit.patch({}, 500)).toEqual({
      grid: { mode: 'connected', importLimitMw: 500 },
    });
  });

  it('drops the grid options when islanded (the default) and keeps them when connected', () => {
    const options = { grid: { mode: 'connected' as const, importLimitMw: 300 } };
    expect(gridModePatch(options, 'islanded')).toEqual({ grid: undefined });
    expect(gridModePatch({}, 'connected')).toEqual({ grid: { mode: 'connected' } });
    expect(gridModePatch(options, 'connected')).toEqual(options);
  });

  it('reads the year select, empty for the server default', () => {
    expect(yearPatch('')).toEqual({ year: undefined });
    expect(yearPatch('2032')).toEqual({ year: 2032 });
  });

  it('prunes undefined keys', () => {
    expect(prune({ a: 1, b: undefined })).toEqual({ a: 1 });
    expect(prune({ a: undefined })).toBeUndefined();
  });
});
