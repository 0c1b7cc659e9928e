// Number formats shared by panels and popups (UX.md "Every number": units always shown,
// thousands separators, MW to whole numbers, % to one decimal).
const WHOLE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const ONE_DECIMAL = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

export const formatMw = (mw: number): string => `${WHOLE.format(mw)} MW`;
export const formatWhole = (value: number): string => WHOLE.format(value);
export const formatPercent = (fraction: number): string => `${ONE_DECIMAL.format(fraction * 100)}%`;
// Distances in miles only where the rule is written in miles (EPZ radii, NRC RG 4.7).
const UP_TO_TWO_DECIMALS = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
export const formatMiles = (miles: number): string => `${UP_TO_TWO_DECIMALS.format(miles)} mi`;
export const formatUsdPerKw = (usdPerKw: number): string => `$${WHOLE.format(usdPerKw)}/kW`;

const CAMPUS_KIND_LABELS: Record<string, string> = {
  'ai-training': 'AI training campus',
  'ai-inference': 'AI inference campus',
  'ai-mixed': 'AI campus (training and inference)',
  fab: 'Semiconductor fab',
};
export const campusKindLabel = (kind: string): string => CAMPUS_KIND_LABELS[kind] ?? kind;

/** "partially-operating" → "partially operating": statuses arrive as slugs or free text. */
export const humanize = (text: string): string => text.replace(/-/g, ' ');

export const formatGwh = (gwh: number): string => `${WHOLE.format(gwh)} GWh`;
/** PUE is a ratio near 1: two decimals show the differences that matter (1.15 vs 1.26). */
export const formatPue = (pue: number): string => pue.toFixed(2);

/** Miles to one decimal, for map labels ("2.0 mi to boundary"). */
export const formatMilesTenths = (miles: number): string => `${ONE_DECIMAL.format(miles)} mi`;
export const formatKm = (km: number): string => `${WHOLE.format(km)} km`;
/** People, whole and separated: "18,702 people". */
export const formatPeople = (people: number): string =>
  `${WHOLE.format(people)} ${Math.round(people) === 1 ? 'person' : 'people'}`;

const COMPACT_USD = new Intl.NumberFormat('en-US', {
  notation: 'compact',
  maximumFractionDigits: 2,
  minimumFractionDigits: 0,
});
/** "$4.88B", "$312M": capital costs where the last dollar means nothing. */
export const formatUsdCompact = (usd: number): string => `$${COMPACT_USD.format(usd)}`;

/** Energy in MWh, whole and separated: "12,480 MWh". */
export const formatMwh = (mwh: number): string => `${WHOLE.format(mwh)} MWh`;
/** Costs per MWh to the dollar: "$112/MWh". */
export const formatUsdPerMwh = (usd: number): string => `$${WHOLE.format(usd)}/MWh`;
/** Hours a year, one decimal below 10 (a mean over trials), whole above: "3.4 h", "126 h". */
export const formatHours = (hours: number): string =>
  `${hours < 10 ? ONE_DECIMAL.format(hours) : WHOLE.format(hours)} h`;
/** Millions of dollars to one decimal, sign kept: "$412.3M", "−$38.0M". */
export const formatUsdMillions = (usd: number): string =>
  `${usd < 0 ? '−' : ''}$${ONE_DECIMAL.format(Math.abs(usd) / 1e6)}M`;
