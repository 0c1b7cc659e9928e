// The Pareto chart (issue 13 "UI"): delivered $/MWh against served energy, one point per fleet
// the optimiser checked, the front of fleets no other beats on both drawn as a line, the
// target as a dashed rule, the chosen fleet ringed. A point is a keyboard-reachable button:
// clicking it (or Enter) loads that fleet.
import { linearScale, niceTicks } from '../../charts/geometry.ts';
import { chartRoot, plotFrame, s, xAxis, yAxis } from '../../charts/svg.ts';
import { formatUsdPerMwh } from '../../format.ts';
import { formatServedPercent } from './fleet-format.ts';

export interface ParetoPoint {
  key: string;
  costUsdPerMwh: number;
  servedFraction: number;
  onFront: boolean;
  meetsTarget: boolean;
  label: string;
}

export interface ParetoSpec {
  widthPx: number;
  points: ParetoPoint[];
  targetFraction: number | null;
  selectedKey: string | null;
  onPick(key: string): void;
}

const HEIGHT_PX = 220;

export function paretoChart(spec: ParetoSpec): SVGSVGElement {
  const frame = { ...plotFrame(spec.widthPx, HEIGHT_PX), left: 58 };
  const served = spec.points.map((p) => p.servedFraction * 100);
  if (spec.targetFraction !== null) served.push(spec.targetFraction * 100);
  const costs = spec.points.map((p) => p.costUsdPerMwh);
  const pad = (lo: number, hi: number, min: number) => {
    const span = Math.max(hi - lo, min);
    return [lo - span * 0.08, hi + span * 0.08] as const;
  };
  const [x0, x1] = pad(Math.min(...served), Math.max(...served), 0.1);
  const [y0, y1] = pad(Math.min(...costs), Math.max(...costs), 1);
  const xTicks = niceTicks(x0, x1, 4).filter((t) => t >= x0 && t <= x1);
  const yTicks = niceTicks(y0, y1, 4).filter((t) => t >= y0 && t <= y1);
  const x = linearScale([x0, x1], [frame.left, frame.width - frame.right]);
  const y = linearScale([y0, y1], [frame.height - frame.bottom, frame.top]);
  const front = spec.points
    .filter((p) => p.onFront)
    .sort((a, b) => a.servedFraction - b.servedFraction);
  const summary =
    `Pareto chart: ${spec.points.length} fleets, delivered cost against served energy; ` +
    `${front.length} on the front of cost against reliability.`;
  const root = chartRoot(frame, summary, 'pareto-chart');
  const decimals = x1 - x0 < 1 ? 2 : 1;
  root.append(
    yAxis(
      frame,
      y,
      yTicks.map((value) => ({ value, label: `$${Math.round(value)}` })),
      '$/MWh delivered',
    ),
    xAxis(
      frame,
      x,
      xTicks.map((value) => ({ value, label: `${value.toFixed(decimals)}%` })),
      'Served energy (Monte Carlo)',
    ),
  );
  if (spec.targetFraction !== null) {
    const tx = x(spec.targetFraction * 100);
    root.append(
      s('line', {
        class: 'pareto-target',
        x1: tx,
        x2: tx,
        y1: frame.top,
        y2: frame.height - frame.bottom,
      }),
      s(
        'text',
        { class: 'pareto-target-label', x: tx - 4, y: frame.top + 10, 'text-anchor': 'end' },
        'target',
      ),
    );
  }
  if (front.length > 1) {
    const d = front
      .map((p, i) => `${i ? 'L' : 'M'}${x(p.servedFraction * 100)},${y(p.costUsdPerMwh)}`)
      .join('');
    root.append(s('path', { class: 'pareto-front', d }));
  }
  // The chosen fleet last, so its ring sits on top.
  const ordered = [...spec.points].sort(
    (a, b) => Number(a.key === spec.selectedKey) - Number(b.key === spec.selectedKey),
  );
  for (const point of ordered) {
    const words = `${point.label}: ${formatUsdPerMwh(point.costUsdPerMwh)}, ${formatServedPercent(point.servedFraction)} served${point.meetsTarget ? ', meets the target' : ', misses the target'}. Load onto the map.`;
    const dot = s(
      'circle',
      {
        class: `pareto-point${point.onFront ? ' on-front' : ''}${point.meetsTarget ? ' meets' : ' misses'}${point.key === spec.selectedKey ? ' selected' : ''}`,
        cx: x(point.servedFraction * 100),
        cy: y(point.costUsdPerMwh),
        r: point.key === spec.selectedKey ? 7 : 5,
        tabindex: 0,
        role: 'button',
        'aria-label': words,
        'data-testid': 'optimise-pareto-point',
        'data-key': point.key,
      },
      s('title', {}, words),
    );
    dot.addEventListener('click', () => spec.onPick(point.key));
    dot.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      spec.onPick(point.key);
    });
    root.append(dot);
  }
  return root;
}
