// The Pareto front of evaluated fleets: lower cost and higher reliability are both better; a
// fleet is on the front when no other is at least as good on both and better on one.
export interface Point {
  costUsdPerMwh: number;
  servedEnergyFraction: number;
}

export function paretoFront<T extends Point>(points: readonly T[]): T[] {
  const sorted = [...points].sort(
    (a, b) => a.costUsdPerMwh - b.costUsdPerMwh || b.servedEnergyFraction - a.servedEnergyFraction,
  );
  const front: T[] = [];
  let best = -Infinity;
  for (const p of sorted) {
    if (p.servedEnergyFraction > best) {
      front.push(p);
      best = p.servedEnergyFraction;
    }
  }
  return front;
}
