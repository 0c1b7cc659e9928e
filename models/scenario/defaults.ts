// Labelled defaults of the evaluation's grid, backup, reliability-cost and economics options
// (DESIGN.md "Backup (revised)", "Grid (revised)", "Sources (revised)", "Economics"). Each is an
// assumption with its source; every one used is echoed in `assumptions`.

/** The enums of the evaluate options, defined once (server/schemas imports them). */
export const GRID_MODES = ['islanded', 'connected'] as const;
export type GridMode = (typeof GRID_MODES)[number];
export const DISPATCH_SOURCES = ['battery', 'gas', 'grid'] as const;
export type DispatchSource = (typeof DISPATCH_SOURCES)[number];
export const TAX_CREDITS = ['none', 'itc', 'ptc'] as const;
export type TaxCredit = (typeof TAX_CREDITS)[number];

export interface Default {
  value: number;
  note: string;
}

export const DEFAULTS = {
  vollUsdPerMwh: {
    value: 10_000,
    note: 'MISO value of lost load, $10,000/MWh from 30 Sep 2025 (FERC-approved); ERCOT/PUCT adopted $35,685/MWh in 2024, a useful sensitivity',
  },
  gasForcedOutageRate: {
    value: 0.07,
    note: 'assumption: 7% for cycled combustion turbines (NERC State of Reliability 2024 reports elevated forced outages of cycled gas units; GADS EFORd not read)',
  },
  gasMttrHours: {
    value: 48,
    note: 'assumption: mean combustion-turbine forced-outage repair of 2 days',
  },
  gasUnitMw: {
    value: 50,
    note: 'assumption: backup gas is built as 50 MW aeroderivative units (LM6000 class), each failing on its own',
  },
  gasHeatRateMmbtuPerMwh: {
    value: 9.447,
    note: 'EIA AEO2026 Electricity Market Module assumptions, Table 3: aeroderivative combustion turbine 9,447 Btu/kWh (Sargent & Lundy, Jan 2024)',
  },
  gasFuelPriceUsdPerMmbtu: {
    value: 4,
    note: 'assumption: delivered gas $4.00/MMBtu (EIA STEO 2025: Henry Hub $3.61, power sector ~$3.84)',
  },
  gasVariableOmUsdPerMwh: { value: 5, note: 'assumption: combustion-turbine variable O&M $5/MWh' },
  batteryRoundTripEfficiency: {
    value: 0.85,
    note: 'NREL ATB utility-scale Li-ion round-trip efficiency 85% (AC-AC)',
  },
  gridAvailability: {
    value: 0.9999,
    note: 'assumption: a transmission-level service is out ~0.9 h a year (interruptions of transmission-served loads are rare: < 10 min/yr of transmission-caused outage is typical)',
  },
  gridMttrHours: {
    value: 2,
    note: 'assumption: mean grid interruption 2 h (hourly model resolution)',
  },
  importPriceUsdPerMwh: {
    value: 85,
    note: 'assumption: US industrial retail price ~8.5 ¢/kWh in 2025 (EIA: 8.06 ¢ in 2023, 2025 prices 5–15% above 2024)',
  },
  exportPriceUsdPerMwh: {
    value: 40,
    note: 'EIA STEO Jan 2025: average 2025 wholesale price ~$40/MWh at 11 hubs',
  },
  waccReal: { value: 0.07, note: 'DESIGN.md: real WACC 7% (siting-criteria §3 worked example)' },
  foakPremium: {
    value: 1.5,
    note: "assumption: the first unit of a design costs 1.5 × the published figure. OPG Darlington's budget gives 1.48 (unit 1 with the shared C$1.6B, C$25,700/kW, against the 4-unit average C$17,400/kW); EIA AEO2026 uses 1.10 as a floor for optimism bias; literature 1.1–2.3",
  },
  learningRate: {
    value: 0.05,
    note: 'EIA AEO2026 Electricity Market Module, Table 5: advanced nuclear learning 5% per doubling for the first 3 doublings (literature 3–10%)',
  },
  decommissioningUsdPerKw: {
    value: 1000,
    note: 'assumption: $1,000/kW (2025 $), ~$300M for a 300 MWe unit, above the 10 CFR 50.75(c) minimum (~$86M in 1986 $ for a small PWR, escalated ~3×); Part 53 licensees must estimate site-specifically',
  },
  decommissioningFundRate: {
    value: 0.02,
    note: '10 CFR 50.75(e)(1): a decommissioning trust may credit up to 2% real earnings a year (sinking fund rate)',
  },
  itcShare: {
    value: 0.3,
    note: 'IRC §48E clean electricity investment credit, 30% with prevailing wage and apprenticeship (kept for nuclear by P.L. 119-21, July 2025)',
  },
  ptcUsdPerMwh: {
    value: 30,
    note: 'IRC §45Y clean electricity production credit, 3.0 ¢/kWh for 2025 with prevailing wage (IRS, 90 FR 41477, Aug 2025), for 10 years from service',
  },
  energyCommunityBonus: {
    value: 0.1,
    note: 'IRS Notice 2023-29 energy-community bonus: +10 points of ITC or +10% of PTC; coal-closure tracts (a coal unit retired after 2009) qualify. Here a deployment within 3 km of a coal site in geo-data is taken to qualify (proxy for the census-tract test)',
  },
  constructionYears: {
    value: 4,
    note: 'assumption: construction starts 4 years before COD, for the P.L. 119-21 phase-down of §45Y/§48E (100% if begun by 2033, 75% in 2034, 50% in 2035, 0 from 2036)',
  },
  ptcYears: { value: 10, note: 'IRC §45Y(b)(1): 10 years from placed-in-service' },
} as const satisfies Record<string, Default>;

/** P.L. 119-21 phase-down of §45Y/§48E by the year construction begins. */
export function creditPhaseDown(constructionStartYear: number): number {
  if (constructionStartYear <= 2033) return 1;
  if (constructionStartYear === 2034) return 0.75;
  if (constructionStartYear === 2035) return 0.5;
  return 0;
}

export const note = (name: string, d: Default): string => `${name} = ${d.value} (${d.note}).`;
