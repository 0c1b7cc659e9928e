// Reactor designs from smr-designs.json. Every number becomes { value, basis, note }: 'source'
// where the reference publishes it, else a labelled assumption from design-rules.ts. Siting
// distances and costs are built in design-siting.ts and design-economics.ts.
import type { Design, Sourced } from '../../models/records.ts';
import { economics } from './design-economics.ts';
import {
  assume,
  GROSS_TO_NET,
  isLwr,
  JUDGEMENTS,
  laterBoundYear,
  LWR_REFUEL_OUTAGE_DAYS,
  MAINTENANCE_DAYS_PER_YEAR,
  MTTR_HOURS,
  quoted,
  SAME_AS,
  source,
} from './design-rules.ts';
import { scaleOf, sitingDistances } from './design-siting.ts';
import type { RefDesign } from './reference.ts';

const round = (x: number): number => Math.round(x * 100) / 100;

function netMwe(ref: RefDesign): Sourced {
  if (ref.netMwe !== null) {
    const range = ref.netMweRange
      ? ` Marketed range ${ref.netMweRange[0]}–${ref.netMweRange[1]} MWe; the model uses the top rating.`
      : '';
    return source(ref.netMwe, `Published net rating.${range}${quoted(ref.netMweNote)}`);
  }
  if (ref.grossMwe === null) throw new Error(`design "${ref.id}": neither net nor gross MWe`);
  return assume(
    round(ref.grossMwe * GROSS_TO_NET),
    `No net rating published: gross ${ref.grossMwe} MWe × ${GROSS_TO_NET} (DESIGN.md default).${quoted(ref.netNote)}`,
  );
}

function storage(
  ref: RefDesign,
  net: number,
): Pick<Design, 'peakMwe' | 'peakDurationHours' | 'storageMwh'> {
  if (ref.peakMwe === null) return {};
  const hours = ref.peakDurationHours;
  if (hours === undefined) throw new Error(`design "${ref.id}": peakMwe without peakDurationHours`);
  return {
    peakMwe: source(ref.peakMwe, 'Published peak output with the molten-salt storage discharging.'),
    peakDurationHours: source(hours, 'Published duration of the peak output.'),
    storageMwh: source(
      round((ref.peakMwe - net) * hours),
      `derived: (peakMwe − netMwe) × peakDurationHours = (${ref.peakMwe} − ${net}) × ${hours}`,
    ),
  };
}

function refuelIntervalMonths(ref: RefDesign, online: boolean): Sourced {
  const interval = ref.refuelingIntervalMonths;
  if (Array.isArray(interval)) {
    return assume(
      interval[1],
      `Upper end of the published range ${interval[0]}–${interval[1]} months.`,
    );
  }
  if (typeof interval === 'number') {
    // Non-LWR refuelling notes describe the cycle itself (multi-year cores); LWR notes the outage.
    const note = isLwr(ref.type) ? '' : quoted(ref.refuelingOutageNote);
    return source(interval, `Published refuelling interval.${note}`);
  }
  if (online) {
    return assume(
      12,
      'On-line refuelling, so no refuelling outages; the interval is the planned-maintenance cycle, not published and assumed annual.',
    );
  }
  throw new Error(`design "${ref.id}": no refuelling interval and no judgement`);
}

function refuelOutageDays(ref: RefDesign, online: boolean): Sourced {
  const note = quoted(ref.refuelingOutageNote);
  if (typeof ref.refuelingOutageDays === 'number')
    return source(ref.refuelingOutageDays, `Published.${note}`);
  if (online)
    return assume(0, `On-line refuelling: no refuelling outage (DESIGN.md default).${note}`);
  if (isLwr(ref.type))
    return assume(LWR_REFUEL_OUTAGE_DAYS, `Not published; LWR default (DESIGN.md).${note}`);
  throw new Error(`design "${ref.id}": no refuelling outage and no judgement`);
}

function maintenanceDaysPerYear(online: boolean): Sourced {
  return online
    ? assume(
        MAINTENANCE_DAYS_PER_YEAR,
        'On-line refuelling leaves no outage to hold planned maintenance: 14 days a year (DESIGN.md default; frequency not published).',
      )
    : assume(0, 'Planned maintenance is done inside the refuelling outage.');
}

function earliestCodYear(ref: RefDesign): Sourced {
  const text = ref.foak.earliestCommercialOperation;
  const bound = text === null ? null : laterBoundYear(text);
  if (text === null || bound === null)
    throw new Error(`design "${ref.id}": no COD year in ${JSON.stringify(text)}`);
  return bound.range
    ? assume(bound.year, `Later bound of '${text}'.`)
    : source(bound.year, `The year published: '${text}'.`);
}

const DRY_COOLING = /air-cooled|\bdry\b|no water|^air\b/i;

export function buildDesign(ref: RefDesign, all: RefDesign[]): Design {
  const fallback = SAME_AS[ref.id] ? all.find((d) => d.id === SAME_AS[ref.id]) : undefined;
  // "As US460" / "Same methodology as US460": read the design it points to.
  const defers = (own: string | null) =>
    own !== null && fallback !== undefined && /^(as|same .* as) /i.test(own);
  const deferred = (own: string | null, other: string | null | undefined) =>
    defers(own) ? (other ?? null) : own;
  const epzVia = defers(ref.epzClaim)
    ? `Read from ${fallback?.id} (the reference says "${ref.epzClaim}"). `
    : '';
  const judged = JUDGEMENTS[ref.id] ?? {};
  const online = ref.onlineRefueling === true;
  const net = netMwe(ref);
  const scale = scaleOf(ref.type, net.value);
  const assumptionNote = ref.assumptionNote;
  const forcedOutageRate =
    ref.forcedOutageRateAssumption === null
      ? assume(
          isLwr(ref.type) ? 0.03 : 0.06,
          'Not given; DESIGN.md default: 0.03 LWR, 0.06 first-of-a-kind non-LWR.',
        )
      : assume(
          ref.forcedOutageRateAssumption,
          `Reference forcedOutageRateAssumption, itself a modelling assumption: ${assumptionNote}`,
        );
  return {
    id: ref.id,
    name: ref.name,
    vendor: ref.vendor,
    type: ref.type,
    typeDetail: ref.typeDetail,
    scale,
    fuelClass: ref.fuel.class,
    onlineRefuelling: online,
    dryCoolingCapable: DRY_COOLING.test(deferred(ref.cooling, fallback?.cooling) ?? ''),
    netMwe: net,
    ...(ref.grossMwe !== null && { grossMwe: source(ref.grossMwe, 'Published gross rating.') }),
    ...(ref.thermalMwt !== null && {
      thermalMwt: source(ref.thermalMwt, `Published thermal rating.${quoted(ref.thermalNote)}`),
    }),
    ...storage(ref, net.value),
    refuelIntervalMonths: judged.refuelIntervalMonths ?? refuelIntervalMonths(ref, online),
    refuelOutageDays: judged.refuelOutageDays ?? refuelOutageDays(ref, online),
    maintenanceDaysPerYear: judged.maintenanceDaysPerYear ?? maintenanceDaysPerYear(online),
    forcedOutageRate,
    mttrHours: assume(
      MTTR_HOURS,
      'Not published; one week to repair a forced outage (DESIGN.md default).',
    ),
    capacityFactor: assume(
      ref.capacityFactorAssumption,
      `Reference capacityFactorAssumption, shown for reference only (the model simulates availability): ${assumptionNote}`,
    ),
    earliestCodYear: judged.earliestCodYear ?? earliestCodYear(ref),
    ...sitingDistances(scale, deferred(ref.epzClaim, fallback?.epzClaim), epzVia),
    ...economics(ref, fallback),
    cooling: ref.cooling,
    epzClaim: ref.epzClaim ?? 'None published.',
    ...(ref.typicalPlant !== undefined && { typicalPlant: ref.typicalPlant }),
    foakProject: ref.foak.project,
    licensing: ref.licensing,
    sources: ref.sources,
    confidence: ref.confidence,
  };
}

export const buildDesigns = (refs: RefDesign[]): Design[] =>
  refs.map((ref) => buildDesign(ref, refs));
