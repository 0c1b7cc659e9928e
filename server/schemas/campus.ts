// TypeBox schemas of a campus as a request names it: a bundled campus by id, a campus drawn
// by the user, or a bundled campus with edits (id plus the changed fields). Field limits here
// give a 400 that names the field; rules that need the data (accelerator ids) are the model's.
import { Type } from 'typebox';
import { Confidence } from './common.ts';
import { CAMPUS_KINDS } from '../../models/records.ts';

export const PhaseSpec = Type.Object(
  {
    start: Type.String({
      pattern: '^\\d{4}-(0[1-9]|1[0-2])$',
      description: "First month online, 'YYYY-MM' (its first hour).",
    }),
    rampMonths: Type.Optional(Type.Number({ minimum: 0, maximum: 120 })),
    itMw: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 100_000 })),
    facilityMw: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 100_000 })),
    accelerator: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
    count: Type.Optional(Type.Integer({ minimum: 1, maximum: 50_000_000 })),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
    confidence: Type.Optional(Confidence),
  },
  { additionalProperties: false },
);

export const CampusInput = Type.Object(
  {
    id: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    kind: Type.Optional(Type.Enum(CAMPUS_KINDS)),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    utcOffsetHours: Type.Optional(Type.Number({ minimum: -12, maximum: 14 })),
    pue: Type.Optional(Type.Number({ minimum: 1, maximum: 3 })),
    trainingShare: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    phases: Type.Optional(Type.Array(PhaseSpec, { maxItems: 50 })),
  },
  {
    additionalProperties: true,
    description:
      'A bundled campus `{ id }`, a drawn campus `{ lat, lon, phases, ... }`, or a bundled campus with edits (`id` plus the fields that change).',
  },
);
