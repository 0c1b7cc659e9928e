// How big a campus circle is. The map expressions and the legend both come from these
// constants, so they always agree. The size does not change with zoom, so the legend's circles
// are true at every scale.
import type {
  DataDrivenPropertyValueSpecification,
  ExpressionSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import { CAMPUS_MW_PROPERTY } from '../campus-mw.ts';

// Proportional symbols: circle AREA tracks MW (radius ∝ √MW), so a 5 GW campus reads as five
// times a 1 GW one, not twenty-five. 100 MW → 6.5 px, 1 GW → 14 px, 5 GW → 28 px.
export const CAMPUS_RADIUS = { basePx: 3, pxPerSqrtMw: 0.35, unknownMwPx: 5 } as const;
export const CAMPUS_SIZE_LEGEND_MW = [100, 1000, 5000] as const;
/** The selection ring sits this far outside the circle. */
export const SELECTION_RING_GAP_PX = 4;

export const campusRadiusPx = (mw: number | null): number =>
  mw === null
    ? CAMPUS_RADIUS.unknownMwPx
    : CAMPUS_RADIUS.basePx + CAMPUS_RADIUS.pxPerSqrtMw * Math.sqrt(mw);

/** Radius from the feature's MW, or the small default when no MW is published. */
const radiusPx: ExpressionSpecification = [
  'case',
  ['==', ['typeof', ['get', CAMPUS_MW_PROPERTY]], 'number'],
  [
    '+',
    CAMPUS_RADIUS.basePx,
    ['*', CAMPUS_RADIUS.pxPerSqrtMw, ['sqrt', ['get', CAMPUS_MW_PROPERTY]]],
  ],
  CAMPUS_RADIUS.unknownMwPx,
];

export const campusRadius = (extraPx = 0): DataDrivenPropertyValueSpecification<number> =>
  extraPx === 0 ? radiusPx : ['+', radiusPx, extraPx];

/** Label offset in 12 px ems: clear of the circle and its selection ring. */
export const campusLabelOffsetEm = (): DataDrivenPropertyValueSpecification<number> => [
  '/',
  ['+', radiusPx, SELECTION_RING_GAP_PX + 3],
  12,
];
