// Shared TypeBox schemas: the error body every route may answer, and loose GeoJSON shapes.
import { Type } from 'typebox';

export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      details: Type.Optional(Type.Unknown()),
    }),
  },
  {
    $id: 'ErrorBody',
    description: 'Every failure: a stable code and a message naming the bad value.',
  },
);

export const Confidence = Type.Union([
  Type.Literal('high'),
  Type.Literal('medium'),
  Type.Literal('low'),
]);

export const PointFeature = Type.Object({
  type: Type.Literal('Feature'),
  id: Type.Optional(Type.Union([Type.String(), Type.Number()])),
  geometry: Type.Object({
    type: Type.Literal('Point'),
    coordinates: Type.Array(Type.Number(), { minItems: 2, maxItems: 3 }),
  }),
  properties: Type.Record(Type.String(), Type.Unknown()),
});

export const FeatureCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(Type.Unknown()),
});

export const IdParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 100, pattern: '^[a-z0-9][a-z0-9-]*$' }),
});

/** Errors a read-only data route can answer. */
export const dataErrors = { 400: ErrorBody, 404: ErrorBody };
