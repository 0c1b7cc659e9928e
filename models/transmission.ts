// Transmission from an SMR site to a campus: route, voltage class, I²R loss and planning cost.
// Rules: DESIGN.md "Transmission" (binding). Figures: reference-data/siting-criteria.md §2.1
// (losses, [L]–[M]) and §2.2 (costs, 2024–2026 $, planning-level, mostly [L]).
import { LINE_LIFE_YEARS } from './economics.ts';
import { invalidInput } from './errors.ts';
import { lineOutage, type LineOutage } from './transmission/reliability.ts';
import {
  CAMPUS_SUBSTATION_USD,
  CONTINGENCY_SHARE,
  AFUDC_SHARE,
  DOUBLE_CIRCUIT_COST_RATIO,
  LINE_COST_GUIDE_NOTE,
} from './transmission/cost-guide.ts';
import { greatCircleKm, KM_PER_MI } from './units.ts';

export { lineOutage, type LineOutage };

export type LineKind = 'co-located' | 'gen-tie' | 'ac' | 'hvdc';
export interface LineInput {
  fromLat: number;
  fromLon: number;
  toLat: number;
  toLon: number;
  transferMw: number;
  /** Route length ÷ great-circle distance; default ROUTING_FACTOR (scale it for sensitivities). */
  routingFactor?: number;
  /** 2: double circuit, each path able to carry the whole transfer (redundancy). Default 1. */
  redundancy?: 1 | 2;
}

/** Where a line's capital goes (USD); capexUsd is their sum. */
export interface LineCost {
  /** Conductors and towers at the planning $/mi (double-circuit towers × 1.36). */
  lineUsd: number;
  /** Cost guide contingency on the line (MISO: 20%). */
  contingencyUsd: number;
  /** Financing during construction on line + contingency (MISO: 7.5% AFUDC). */
  afudcUsd: number;
  /** The plant-end switchyard and, for a line, the campus-end substation. */
  substationsUsd: number;
  /** HVDC converter pair (it replaces both substations). */
  convertersUsd: number;
}
export interface LinePlan {
  greatCircleKm: number;
  routeKm: number;
  kind: LineKind;
  /** AC class 345/500/765; HVDC pole voltage (525 or 640); null when co-located. */
  voltageKv: number | null;
  /** Parallel circuits (HVDC: bipoles) needed so loadability covers the transfer. */
  circuits: number;
  /** 1 single path; 2 double circuit: two paths, each of `circuits` circuits. */
  redundancy: 1 | 2;
  /** Constant fraction of the power sent that is lost, at the rated transfer (0..1). */
  lossFraction: number;
  capexUsd: number;
  cost: LineCost;
  /** Sustained forced outages of the path (null when co-located: no line to lose). */
  outage: LineOutage | null;
  lifeYears: number;
  assumptions: string[];
}

/** MISO MTEP exploratory estimates: route = straight line + 30% (siting-criteria §2.2, [M]). */
export const ROUTING_FACTOR = 1.3;
/** DESIGN.md: within 5 km (great-circle) the SMR ties into the campus switchyard. */
export const CO_LOCATED_MAX_KM = 5;
/** DESIGN.md: 16 km ≈ the "< 10 mi" gen-tie row of siting-criteria §2.2. */
export const GEN_TIE_MAX_KM = 16;
/** DESIGN.md: HVDC when the route is ≥ 500 km and the transfer ≥ 1 GW. */
export const HVDC_MIN_ROUTE_KM = 500;
export const HVDC_MIN_TRANSFER_MW = 1000;

/** SIL (§2.1 [M]; 765 kV: midpoint of 2,200–2,400), R per phase of the bundle, $/mi midpoint. */
const AC_CLASSES = [
  { kv: 345, silMw: 400, ohmPerKm: 0.036, usdPerMi: 3.5e6 }, // 2×954 ACSR; $2.5–4.5M/mi 1-circuit
  { kv: 500, silMw: 900, ohmPerKm: 0.015, usdPerMi: 4e6 }, // 3×1590 ACSR; $3–5M/mi
  { kv: 765, silMw: 2300, ohmPerKm: 0.013, usdPerMi: 6.5e6 }, // 6-bundle; $5–8M/mi
] as const;
/** Bipoles: §2.1 rows ±500 kV 3 GW, ±640 kV 4 GW; R_pole midpoints of 0.008–0.015, 0.006–0.010. */
const HVDC_CLASSES = [
  { poleKv: 525, maxMw: 3000, ohmPerKmPole: 0.0115 },
  { poleKv: 640, maxMw: 4000, ohmPerKmPole: 0.008 },
] as const;
/** §2.1: ~1.5–2% for a point-to-point pair of converter stations; midpoint. */
export const HVDC_CONVERTER_LOSS_FRACTION = 0.0175;
const HVDC_LINE_USD_PER_MI = 4e6; // §2.2 ±525–640 kV overhead, line only, $3–5M/mi
const CONVERTER_PAIR_USD_PER_KW = 550; // §2.2 VSC pair, $400–700/kW
const GEN_TIE_USD_PER_MI = 2e6; // §2.2 gen-tie, $1–3M/mi
const SUBSTATION_USD = 50e6; // §2.2 switchyard/substation, $20–80M

const COST_NOTE =
  'Costs: midpoints of the siting-criteria §2.2 ranges (2024–2026 $, planning-level, low ' +
  'confidence): 345 kV $3.5M/mi, 500 kV $4M/mi, 765 kV $6.5M/mi per circuit, gen-tie $2M/mi, ' +
  'HVDC $4M/mi per bipole + converter pair $550/kW (which replaces the substations), and for AC ' +
  'and gen-tie lines the $50M plant-end substation (a co-located site pays only that) and the ' +
  'campus-end substation of the cost guide; ' +
  `life ${LINE_LIFE_YEARS} years.`;
const LOSS_NOTE =
  'Loss: P·R·L/V² per circuit at the rated transfer, applied as a constant fraction (R per phase ' +
  'of the bundle: 345 kV 0.036, 500 kV 0.015, 765 kV 0.013 ohm/km; siting-criteria §2.1); no ' +
  'corona, reactive or transformer loss.';

/**
 * St Clair multiple of SIL (§2.1 [M]): 3 up to 80 km, 1.5 at 300 km, 1 from 480 km; linear
 * between the anchors (our interpolation).
 */
export function loadabilityMultiple(routeKm: number): number {
  if (routeKm <= 80) return 3;
  if (routeKm <= 300) return 3 - (1.5 * (routeKm - 80)) / 220;
  if (routeKm < 480) return 1.5 - (0.5 * (routeKm - 300)) / 180;
  return 1;
}

/** AC loss fraction P·R·L/V² with the transfer split over equal parallel circuits; capped at 1. */
export function lineLossFraction(
  transferMw: number,
  routeKm: number,
  voltageKv: number,
  circuits = 1,
): number {
  const cls = AC_CLASSES.find((c) => c.kv === voltageKv);
  if (!cls) throw invalidInput('voltageKv', voltageKv, 'must be an AC class: 345, 500 or 765');
  const wattsPerCircuit = (transferMw * 1e6) / circuits;
  return Math.min(1, (wattsPerCircuit * cls.ohmPerKm * routeKm) / (voltageKv * 1e3) ** 2);
}

/**
 * HVDC bipole: loss 2·I²·R_pole·L with I = P/(2·V_pole), i.e. a fraction P·R·L/(2·V_pole²) per
 * bipole, plus the converter pair; capped at 1.
 */
export function hvdcLossFraction(
  transferMw: number,
  routeKm: number,
  poleKv: number,
  bipoles = 1,
): number {
  const cls = HVDC_CLASSES.find((c) => c.poleKv === poleKv);
  if (!cls) throw invalidInput('poleKv', poleKv, 'must be an HVDC pole voltage: 525 or 640');
  const wattsPerBipole = (transferMw * 1e6) / bipoles;
  const line = (wattsPerBipole * cls.ohmPerKmPole * routeKm) / (2 * (poleKv * 1e3) ** 2);
  return Math.min(1, line + HVDC_CONVERTER_LOSS_FRACTION);
}

function checkInput(input: LineInput): void {
  const coords = [
    ['fromLat', input.fromLat, 90],
    ['fromLon', input.fromLon, 180],
    ['toLat', input.toLat, 90],
    ['toLon', input.toLon, 180],
  ] as const;
  for (const [field, value, limit] of coords) {
    if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > limit) {
      throw invalidInput(field, value, `must be a number in -${limit}..${limit}`);
    }
  }
  const { transferMw, routingFactor } = input;
  if (typeof transferMw !== 'number' || !Number.isFinite(transferMw) || transferMw <= 0) {
    throw invalidInput('transferMw', transferMw, 'must be a positive number of MW');
  }
  // Below 1 is not a physical route, but the tornado's -30% distance swing (1.3 × 0.7) needs it.
  if (routingFactor !== undefined && !(Number.isFinite(routingFactor) && routingFactor > 0)) {
    throw invalidInput('routingFactor', routingFactor, 'must be a positive number');
  }
  if (input.redundancy !== undefined && input.redundancy !== 1 && input.redundancy !== 2) {
    throw invalidInput('circuits', input.redundancy, 'must be 1 or 2');
  }
}

/** Line $ with the cost guide's contingency and AFUDC, plus substations and converters. */
function costOf(lineUsd: number, substationsUsd: number, convertersUsd = 0): LineCost {
  const contingencyUsd = lineUsd * CONTINGENCY_SHARE;
  const afudcUsd = (lineUsd + contingencyUsd) * AFUDC_SHARE;
  return { lineUsd, contingencyUsd, afudcUsd, substationsUsd, convertersUsd };
}

const totalOf = (c: LineCost): number =>
  c.lineUsd + c.contingencyUsd + c.afudcUsd + c.substationsUsd + c.convertersUsd;

/** Route, voltage, circuits, loss and cost of the line carrying `transferMw` between two points. */
export function planLine(input: LineInput): LinePlan {
  checkInput(input);
  const gcKm = greatCircleKm(input.fromLat, input.fromLon, input.toLat, input.toLon);
  const transferMw = input.transferMw;
  const redundancy = input.redundancy ?? 1;
  const base = { greatCircleKm: gcKm, lifeYears: LINE_LIFE_YEARS, redundancy };
  const towers = redundancy === 2 ? DOUBLE_CIRCUIT_COST_RATIO : 1;

  if (gcKm <= CO_LOCATED_MAX_KM) {
    const cost = costOf(0, SUBSTATION_USD);
    return {
      ...base,
      routeKm: gcKm,
      kind: 'co-located',
      voltageKv: null,
      circuits: 1,
      lossFraction: 0,
      capexUsd: totalOf(cost),
      cost,
      outage: null,
      assumptions: [
        `Co-located: ${gcKm.toFixed(1)} km <= ${CO_LOCATED_MAX_KM} km great-circle (DESIGN.md), ` +
          'switchyard only at the $50M substation midpoint (siting-criteria §2.2, $20–80M, ' +
          'planning-level, low confidence).',
        'Co-located loss 0: the design net MWe is taken at the plant high-voltage bus, so its ' +
          'step-up transformer (~0.3–0.5%) is inside it, as for every other line kind.',
      ],
    };
  }

  const routingFactor = input.routingFactor ?? ROUTING_FACTOR;
  const routeKm = routingFactor * gcKm;
  const routeMi = routeKm / KM_PER_MI;
  const assumptions = [
    `Route: ${routingFactor} × ${gcKm.toFixed(1)} km great-circle = ${routeKm.toFixed(1)} km ` +
      '(default 1.3: MISO MTEP exploratory rule, straight line + 30%, siting-criteria §2.2).',
    COST_NOTE,
    LINE_COST_GUIDE_NOTE,
  ];

  if (routeKm >= HVDC_MIN_ROUTE_KM && transferMw >= HVDC_MIN_TRANSFER_MW) {
    const bipoles = Math.ceil(transferMw / HVDC_CLASSES[1].maxMw);
    const cls = HVDC_CLASSES.find((c) => transferMw / bipoles <= c.maxMw) ?? HVDC_CLASSES[1];
    assumptions.push(
      `HVDC: route >= ${HVDC_MIN_ROUTE_KM} km and transfer >= ${HVDC_MIN_TRANSFER_MW} MW ` +
        `(DESIGN.md); ±${cls.poleKv} kV bipole (±525 kV up to 3 GW, ±640 kV up to 4 GW per ` +
        `bipole, siting-criteria §2.1), ${bipoles} bipole(s).`,
      `HVDC loss: 2·I²·R_pole·L with I = P/(2·V_pole), R_pole ${cls.ohmPerKmPole} ohm/km ` +
        '(midpoint of the §2.1 range), + 1.75% for the converter pair (midpoint of ~1.5–2%).',
    );
    const cost = costOf(
      bipoles * HVDC_LINE_USD_PER_MI * routeMi * towers,
      0,
      CONVERTER_PAIR_USD_PER_KW * transferMw * 1000,
    );
    const outage = lineOutage('hvdc', cls.poleKv, routeKm, bipoles, redundancy);
    assumptions.push(outage.note);
    return {
      ...base,
      routeKm,
      kind: 'hvdc',
      voltageKv: cls.poleKv,
      circuits: bipoles,
      lossFraction: hvdcLossFraction(transferMw, routeKm, cls.poleKv, bipoles * redundancy),
      capexUsd: totalOf(cost),
      cost,
      outage,
      assumptions,
    };
  }

  const multiple = loadabilityMultiple(routeKm);
  const covering = AC_CLASSES.find((c) => c.silMw * multiple >= transferMw);
  const cls = covering ?? AC_CLASSES[2];
  const circuits = covering ? 1 : Math.ceil(transferMw / (cls.silMw * multiple));
  const kind: LineKind = gcKm <= GEN_TIE_MAX_KM ? 'gen-tie' : 'ac';
  const usdPerMi = kind === 'gen-tie' ? GEN_TIE_USD_PER_MI : cls.usdPerMi;
  assumptions.push(
    `Voltage: lowest AC class whose St Clair loadability covers ${transferMw} MW: SIL ` +
      `400/900/2,300 MW at 345/500/765 kV × ${multiple.toFixed(2)} at ${routeKm.toFixed(0)} km ` +
      '(×3 to 80 km, ×1.5 at 300 km, ×1 from 480 km, linear between) → ' +
      `${circuits} × ${cls.kv} kV circuit(s); parallel circuits costed as separate lines.`,
    LOSS_NOTE,
  );
  if (kind === 'gen-tie') {
    assumptions.push(
      `Gen-tie: ${gcKm.toFixed(1)} km great-circle is within ${GEN_TIE_MAX_KM} km (DESIGN.md), so ` +
        'the gen-tie $2M/mi applies at any voltage, plus the $50M substation. The 1.3 routing ' +
        'factor applies here too: a short route detours round site and parcel boundaries at ' +
        'least as much as a long one, and route length then stays continuous at 16 km.',
    );
  }
  const cost = costOf(
    circuits * usdPerMi * routeMi * towers,
    SUBSTATION_USD + CAMPUS_SUBSTATION_USD[cls.kv],
  );
  const outage = lineOutage(kind, cls.kv, routeKm, circuits, redundancy);
  assumptions.push(outage.note);
  return {
    ...base,
    routeKm,
    kind,
    voltageKv: cls.kv,
    circuits,
    lossFraction: lineLossFraction(transferMw, routeKm, cls.kv, circuits * redundancy),
    capexUsd: totalOf(cost),
    cost,
    outage,
    assumptions,
  };
}
