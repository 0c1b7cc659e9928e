// The report downloads (issue 11): query and params of the report routes, the GeoJSON export as
// TypeBox (RFC 7946: positions [lon, lat]; the test checks an export against it), and the
// binary/text 2xx bodies for OpenAPI.
import { Type, type Static } from 'typebox';

export const REPORT_FORMATS = ['pdf', 'csv', 'geojson'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_CONTENT_TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  geojson: 'application/geo+json; charset=utf-8',
};

export const ReportFormatQuery = Type.Object(
  {
    format: Type.Enum(REPORT_FORMATS, { description: 'pdf, csv or geojson' }),
  },
  { additionalProperties: false },
);
export type ReportFormatQueryT = Static<typeof ReportFormatQuery>;

export const ReportParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  format: Type.Enum(REPORT_FORMATS, { description: 'The file extension: pdf, csv or geojson' }),
});
export type ReportParamsT = Static<typeof ReportParams>;

/** RFC 7946 position, [longitude, latitude]. */
const Position = Type.Tuple([
  Type.Number({ minimum: -180, maximum: 180 }),
  Type.Number({ minimum: -90, maximum: 90 }),
]);
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) =>
  Type.Union([t, Type.Null()]);
const N = Type.Number();

export const CampusFeatureProperties = Type.Object({
  kind: Type.Literal('campus'),
  id: Nullable(Type.String()),
  name: Type.String(),
  state: Nullable(Type.String()),
  year: Type.Integer(),
  peakMw: N,
  meanMw: N,
  annualGwh: N,
  nameplateMw: N,
  servedEnergyFraction: N,
  servedEnergyFractionP05: N,
  servedEnergyFractionAfterBackup: N,
  lossOfLoadHours: N,
  firmCapacityMw: N,
  lcoeUsdPerMwh: Nullable(N),
  deliveredCostUsdPerMwh: Nullable(N),
});

export const DeploymentFeatureProperties = Type.Object({
  kind: Type.Literal('deployment'),
  deployment: Type.Integer({ minimum: 1, description: '1-based, as in the request' }),
  design: Type.String({ description: 'Design id' }),
  designName: Type.String(),
  units: Type.Integer(),
  nameplateMw: N,
  siteId: Nullable(Type.String()),
  state: Nullable(Type.String()),
  distanceKm: N,
  voltageKv: Nullable(N),
  lineKind: Type.String(),
  lossFraction: N,
  capexUsd: N,
  transmissionCapexUsd: N,
  lcoeUsdPerMwh: N,
  codYear: Type.Integer(),
  lifetimeAvailability: N,
  sitingPass: Nullable(Type.Boolean()),
  sitingFailed: Type.Array(Type.String(), { description: 'Ids of the hard checks that fail' }),
});

export const LineFeatureProperties = Type.Object({
  kind: Type.Literal('line'),
  deployment: Type.Integer({ minimum: 1 }),
  lineKind: Type.String({ description: 'co-located, gen-tie, ac or hvdc' }),
  to: Type.Union([Type.Literal('campus'), Type.Literal('interconnection')]),
  toName: Nullable(Type.String()),
  plantId: Nullable(Type.String()),
  kv: Nullable(N),
  km: N,
  circuits: Type.Integer(),
  lossFraction: N,
  transmissionCapexUsd: N,
});

const feature = <
  G extends ReturnType<typeof Type.Object>,
  P extends ReturnType<typeof Type.Object>,
>(
  geometry: G,
  properties: P,
) =>
  Type.Object({
    type: Type.Literal('Feature'),
    id: Type.String(),
    geometry,
    properties,
  });

export const ReportGeoJson = Type.Object(
  {
    type: Type.Literal('FeatureCollection'),
    name: Type.String(),
    features: Type.Array(
      Type.Union([
        feature(
          Type.Object({ type: Type.Literal('Point'), coordinates: Position }),
          CampusFeatureProperties,
        ),
        feature(
          Type.Object({ type: Type.Literal('Point'), coordinates: Position }),
          DeploymentFeatureProperties,
        ),
        feature(
          Type.Object({
            type: Type.Literal('LineString'),
            coordinates: Type.Array(Position, { minItems: 2 }),
          }),
          LineFeatureProperties,
        ),
      ]),
      { minItems: 1 },
    ),
  },
  {
    $id: 'ReportGeoJson',
    description:
      'RFC 7946 FeatureCollection: the campus, each deployment with its metrics, and each transmission line (deployment → lineTo; none for a co-located deployment)',
  },
);
export type ReportGeoJsonBody = Static<typeof ReportGeoJson>;

/** OpenAPI: the 200 of a report route, one media type per format. */
export const ReportFileResponse = {
  description:
    'The file, with Content-Disposition: attachment and the scenario name made safe as its filename',
  content: {
    'application/pdf': { schema: Type.String({ format: 'binary' }) },
    'text/csv': {
      schema: Type.String({
        description:
          'Header + 8,760 rows: hour, local_standard_time, campus_demand_mw, delivered_supply_mw_mean, served_mw, shortfall_mw, surplus_mw, dep<n>_<design>_x<units>_mw_est…',
      }),
    },
    'application/geo+json': { schema: ReportGeoJson },
  },
};

/** POST /api/report/compare: 2–4 saved scenarios, in column order (the first is the baseline). */
export const COMPARE_REPORT_MIN = 2;
export const COMPARE_REPORT_MAX = 4;
export const CompareReportRequest = Type.Object(
  {
    scenarioIds: Type.Array(Type.String({ format: 'uuid' }), {
      minItems: COMPARE_REPORT_MIN,
      maxItems: COMPARE_REPORT_MAX,
      uniqueItems: true,
      description: 'Saved scenario ids; the first is the baseline the others are compared with',
    }),
  },
  { additionalProperties: false },
);
export type CompareReportRequestBody = Static<typeof CompareReportRequest>;

/** The stages a streamed report goes through, in order. */
export const REPORT_STAGES = ['evaluating', 'drawing'] as const;

/** `event: progress` of a streamed report. */
export const ReportProgressEvent = Type.Object({
  stage: Type.Enum(REPORT_STAGES),
  /** Scenarios evaluated, or sections drawn, so far. */
  done: Type.Integer({ minimum: 0 }),
  total: Type.Integer({ minimum: 1 }),
});
export type ReportProgress = Static<typeof ReportProgressEvent>;

/** `event: result` of a streamed report: the file itself, base64, with its name and type. */
export const ReportResultEvent = Type.Object({
  filename: Type.String({ description: 'The scenario name made safe, with the extension' }),
  contentType: Type.String(),
  base64: Type.String({ description: 'The file, base64 (RFC 4648)' }),
});
export type ReportResult = Static<typeof ReportResultEvent>;

export const REPORT_STREAM_DESCRIPTION =
  'Server-sent events: `progress` ({ stage: "evaluating" | "drawing", done, total }) as the ' +
  'scenario is evaluated and each section drawn, then one `result` ({ filename, contentType, ' +
  'base64 }) or one `error` ({ error: { code, message } }). A bad request answers 4xx JSON ' +
  'before any event.';
