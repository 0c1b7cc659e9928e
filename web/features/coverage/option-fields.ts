// The scenario options form's fields without the DOM: each field's words, unit and limits in
// the user's terms (target reliability in %), text → value or a message said at the field, and
// the options patch a value makes (nested grid and backup objects kept whole, emptied ones
// dropped so the server applies its default). Limits and defaults are the model's own.
import { DEFAULTS } from '../../../models/scenario/defaults.ts';
import {
  DEFAULT_TARGET_RELIABILITY,
  DEFAULT_TRIALS,
  EVALUATE_LIMITS as L,
} from '../../../models/scenario/inputs.ts';
import type { EvaluateOptionsInput as Options } from '../../api/scenario-types.ts';

export type Patch = Partial<Options>;

export interface NumberField {
  id: string;
  testId: string;
  label: string;
  /** Shown after the input and in messages: '%', 'MW', 'MWh', '$/MWh' or ''. */
  unit: string;
  /** Limits in the field's own units (% for the target). */
  min: number;
  max: number;
  integer: boolean;
  /** Field units per option unit: 100 for a fraction spoken in %. */
  scale: number;
  /** What an empty field means (the server's default), shown as the placeholder. */
  defaultText: string;
  /** The tooltip: what the option is and where its default comes from. */
  help: string;
  get(options: Options): number | undefined;
  patch(options: Options, value: number | undefined): Patch;
}

export type Parsed = { ok: true; value: number | undefined } | { ok: false; message: string };

/** The object without its undefined keys, or undefined when none are left. */
export function prune<T extends object>(value: T): T | undefined {
  const kept = Object.entries(value).filter(([, v]) => v !== undefined);
  return kept.length ? (Object.fromEntries(kept) as T) : undefined;
}

type Grid = NonNullable<Options['grid']>;
type Backup = NonNullable<Options['backup']>;

const gridPatch = (o: Options, key: keyof Grid, value: number | undefined): Patch => ({
  grid: prune({ ...o.grid, mode: o.grid?.mode ?? 'connected', [key]: value }),
});
const gridField = (
  o: Options,
  key: 'importLimitMw' | 'importPriceUsdPerMwh' | 'exportPriceUsdPerMwh',
) => o.grid?.[key];

function backupPatch(
  o: Options,
  part: 'gas' | 'battery',
  key: 'mw' | 'mwh',
  value: number | undefined,
): Patch {
  const inner = prune({
    ...(o.backup?.[part] as Record<string, number> | undefined),
    [key]: value,
  });
  return { backup: prune({ ...o.backup, [part]: inner } as Backup) };
}

const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });
const unitAfter = (unit: string) => (unit === '%' ? '%' : unit ? ` ${unit}` : '');
/** "20–5,000", "50–99.999%", "0–100,000 MW", "−1,000–10,000 $/MWh". */
export const rangeText = (f: NumberField): string =>
  `${number.format(f.min).replace('-', '−')}–${number.format(f.max)}${unitAfter(f.unit)}`;

const mw = (id: string, testId: string, label: string, max: number, unit = 'MW') => ({
  id,
  testId,
  label,
  unit,
  min: 0,
  max,
  integer: false,
  scale: 1,
});

export const FIELDS = {
  trials: {
    id: 'trials',
    testId: 'option-trials',
    label: 'Trials',
    unit: '',
    min: L.trialsMin,
    max: L.trialsMax,
    integer: true,
    scale: 1,
    defaultText: `${DEFAULT_TRIALS}`,
    help: 'Monte Carlo years of reactor outages; more trials steady the P05 and the tails.',
    get: (o) => o.trials,
    patch: (_o, trials) => ({ trials }),
  },
  target: {
    id: 'target',
    testId: 'option-target',
    label: 'Target reliability',
    unit: '%',
    min: L.targetReliabilityMin * 100,
    max: L.targetReliabilityMax * 100,
    integer: false,
    scale: 100,
    defaultText: `${DEFAULT_TARGET_RELIABILITY * 100}`,
    help: 'The share of trial-hours the reactors plus backup must serve; gas is sized to reach it.',
    get: (o) => o.targetReliability,
    patch: (_o, targetReliability) => ({ targetReliability }),
  },
  importLimit: {
    ...mw('importLimit', 'option-import-limit', 'Import limit', L.mwMax),
    defaultText: 'campus peak',
    help: 'The most the grid connection can import in an hour; default the campus facility peak.',
    get: (o) => gridField(o, 'importLimitMw'),
    patch: (o, v) => gridPatch(o, 'importLimitMw', v),
  },
  importPrice: {
    ...mw('importPrice', 'option-import-price', 'Import price', L.priceUsdPerMwhMax, '$/MWh'),
    min: L.priceUsdPerMwhMin,
    defaultText: `${DEFAULTS.importPriceUsdPerMwh.value}`,
    help: `Price paid for grid imports. Default: ${DEFAULTS.importPriceUsdPerMwh.note}.`,
    get: (o) => gridField(o, 'importPriceUsdPerMwh'),
    patch: (o, v) => gridPatch(o, 'importPriceUsdPerMwh', v),
  },
  exportPrice: {
    ...mw('exportPrice', 'option-export-price', 'Export price', L.priceUsdPerMwhMax, '$/MWh'),
    min: L.priceUsdPerMwhMin,
    defaultText: `${DEFAULTS.exportPriceUsdPerMwh.value}`,
    help: `Price received for surplus exported. Default: ${DEFAULTS.exportPriceUsdPerMwh.note}.`,
    get: (o) => gridField(o, 'exportPriceUsdPerMwh'),
    patch: (o, v) => gridPatch(o, 'exportPriceUsdPerMwh', v),
  },
  gasMw: {
    ...mw('gasMw', 'option-gas-mw', 'Gas backup', L.mwMax),
    defaultText: 'sized to the target',
    help: "Backup gas turbines; default: the reactors' shortfall at the target reliability.",
    get: (o) => o.backup?.gas?.mw,
    patch: (o, v) => backupPatch(o, 'gas', 'mw', v),
  },
  batteryMw: {
    ...mw('batteryMw', 'option-battery-mw', 'Battery power', L.mwMax),
    defaultText: 'sized',
    help: "Battery power; default: the larger of the training swing and the largest unit's trip.",
    get: (o) => o.backup?.battery?.mw,
    patch: (o, v) => backupPatch(o, 'battery', 'mw', v),
  },
  batteryMwh: {
    ...mw('batteryMwh', 'option-battery-mwh', 'Battery energy', L.mwhMax, 'MWh'),
    defaultText: 'power × 1 h',
    help: 'Battery energy; default one hour at its power.',
    get: (o) => o.backup?.battery?.mwh,
    patch: (o, v) => backupPatch(o, 'battery', 'mwh', v),
  },
} satisfies Record<string, NumberField>;

export type FieldId = keyof typeof FIELDS;

/** The placeholder of an empty field: the default it stands for, marked as one. */
export const placeholderOf = (f: NumberField, sized?: string): string =>
  sized ? `${sized} (default, ${f.defaultText})` : `${f.defaultText} (default)`;

/** Text typed at the field → the option's value (undefined: empty, the default) or a message. */
export function parseField(f: NumberField, text: string): Parsed {
  const clean = text
    .replace(/[,\s_]/g, '')
    .replace('−', '-')
    .replace(/%$/, '');
  if (clean === '') return { ok: true, value: undefined };
  const shown = Number(clean);
  const range = rangeText(f);
  if (!Number.isFinite(shown))
    return { ok: false, message: `${f.label} must be a number, ${range}` };
  if (shown < 0 && f.min >= 0) return { ok: false, message: `${f.label} cannot be negative` };
  if (f.integer && !Number.isInteger(shown)) {
    return { ok: false, message: `${f.label} must be a whole number, ${range}` };
  }
  if (shown < f.min || shown > f.max) return { ok: false, message: `${f.label} must be ${range}` };
  return { ok: true, value: Number((shown / f.scale).toPrecision(12)) };
}

/** The field's text for the options' value ('' when the default applies). */
export function fieldText(f: NumberField, options: Options): string {
  const value = f.get(options);
  return value === undefined ? '' : String(Number((value * f.scale).toPrecision(12)));
}

/** Islanded drops the grid options (the server default); connected keeps any typed before. */
export const gridModePatch = (o: Options, mode: 'islanded' | 'connected'): Patch =>
  mode === 'islanded' ? { grid: undefined } : { grid: { ...o.grid, mode } };

/** The year select's value ('' : the server's default year) → the options patch. */
export const yearPatch = (value: string): Patch => ({
  year: value === '' ? undefined : Number(value),
});
