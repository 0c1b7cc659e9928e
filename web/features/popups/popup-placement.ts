// Where a popup opens: the anchor (the popup's corner or side at its point) that keeps its box
// on screen and clear of the selection (the selected campus, its placements). Pure: screen
// points in, a MapLibre anchor out.

export type Anchor =
  'top' | 'bottom' | 'left' | 'right' | 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';

export interface ScreenPoint {
  x: number;
  y: number;
}

/** A popup's usual size (.map-popup: 340 px wide, content at most 300 px tall) plus its tip. */
export const POPUP_BOX = { width: 350, height: 320 };
/** Selection points closer than this to the popup's own point are its subject: not avoided. */
const OWN_POINT_PX = 12;
/** Room kept around a selected point so its circle and label stay visible. */
const CLEARANCE_PX = 24;

/** The box a popup of `size` at `at` covers with `anchor` (MapLibre's meaning of anchors). */
export function popupBox(
  at: ScreenPoint,
  anchor: Anchor,
  size = POPUP_BOX,
): { left: number; top: number; right: number; bottom: number } {
  const { width: w, height: hgt } = size;
  const left = anchor.includes('left') ? at.x : anchor.includes('right') ? at.x - w : at.x - w / 2;
  const top = anchor.startsWith('top')
    ? at.y
    : anchor.startsWith('bottom')
      ? at.y - hgt
      : at.y - hgt / 2;
  return { left, top, right: left + w, bottom: top + hgt };
}

const ANCHORS: Anchor[] = [
  'bottom',
  'top',
  'left',
  'right',
  'bottom-left',
  'bottom-right',
  'top-left',
  'top-right',
];

/**
 * The anchor for a popup at `at` that covers none of `avoid` (with clearance) and stays inside
 * the `viewport`; among those, the one whose box centre is furthest from the nearest avoided
 * point. `undefined` when nothing needs avoiding (MapLibre then picks by the screen edges).
 */
export function anchorAway(
  at: ScreenPoint,
  avoid: readonly ScreenPoint[],
  viewport: { width: number; height: number },
  size = POPUP_BOX,
): Anchor | undefined {
  const others = avoid.filter((p) => Math.hypot(p.x - at.x, p.y - at.y) > OWN_POINT_PX);
  const covers = (anchor: Anchor) => {
    const box = popupBox(at, anchor, size);
    return others.some(
      (p) =>
        p.x > box.left - CLEARANCE_PX &&
        p.x < box.right + CLEARANCE_PX &&
        p.y > box.top - CLEARANCE_PX &&
        p.y < box.bottom + CLEARANCE_PX,
    );
  };
  if (others.length === 0 || !(['bottom', 'top'] as Anchor[]).some(covers)) return undefined;
  let best: { anchor: Anchor; score: number } | undefined;
  for (const anchor of ANCHORS) {
    const box = popupBox(at, anchor, size);
    const inside =
      box.left >= 0 && box.top >= 0 && box.right <= viewport.width && box.bottom <= viewport.height;
    const centre = { x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 };
    const nearest = Math.min(...others.map((p) => Math.hypot(p.x - centre.x, p.y - centre.y)));
    // Clear of the selection matters most, then staying on screen, then distance.
    const score = (covers(anchor) ? 0 : 2e6) + (inside ? 1e6 : 0) + nearest;
    if (!best || score > best.score) best = { anchor, score };
  }
  return best?.anchor;
}
