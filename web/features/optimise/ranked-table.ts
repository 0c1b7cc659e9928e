// The ranked fleets (issue 13 "UI"): one row per fleet the optimiser checked in the Monte
// Carlo, cheapest first, with its $/MWh, served energy, whether it meets the target (in words,
// not only colour) and the reason it ranks where it does. The fleet cell is a button: it loads
// that fleet onto the map.
import { formatUsdPerMwh } from '../../format.ts';
import { h } from '../../ui/dom.ts';
import { fleetKey, fleetText, formatServedPercent, type Names } from './fleet-format.ts';
import type { RankedFleet } from './optimise-client.ts';

export function rankedTable(
  ranked: readonly RankedFleet[],
  names: Names,
  selectedKey: string | null,
  onPick: (key: string) => void,
): HTMLElement {
  const rows = ranked.map((fleet, i) => {
    const key = fleetKey(fleet.deployments);
    const pick = h(
      'button',
      {
        type: 'button',
        class: 'optimise-fleet',
        'data-testid': 'optimise-fleet',
        title: 'Load this fleet onto the map',
      },
      fleetText(fleet.deployments, names),
    );
    pick.addEventListener('click', () => onPick(key));
    return h(
      'tr',
      {
        'data-testid': 'optimise-ranked-row',
        'data-key': key,
        class: key === selectedKey ? 'selected' : undefined,
        'aria-selected': String(key === selectedKey),
      },
      h('td', { class: 'num' }, i + 1),
      h('td', {}, pick, h('div', { class: 'optimise-reason muted' }, fleet.reason)),
      h('td', { class: 'num' }, formatUsdPerMwh(fleet.deliveredCostUsdPerMwh)),
      h('td', { class: 'num' }, formatServedPercent(fleet.servedEnergyFraction)),
      h(
        'td',
        {},
        h(
          'span',
          { class: `badge ${fleet.meetsTarget ? 'badge-pass' : 'badge-fail'}` },
          fleet.meetsTarget ? 'yes' : 'no',
        ),
      ),
    );
  });
  return h(
    'table',
    { class: 'optimise-ranked', 'data-testid': 'optimise-ranked' },
    h('caption', { class: 'muted' }, 'Fleets checked in the Monte Carlo, cheapest first'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, '#'),
        h('th', { scope: 'col' }, 'Fleet · why it ranks here'),
        h('th', { scope: 'col', class: 'num' }, '$/MWh'),
        h('th', { scope: 'col', class: 'num' }, 'Served'),
        h('th', { scope: 'col' }, 'Meets'),
      ),
    ),
    h('tbody', {}, ...rows),
  );
}
