// Reactors tab: each design's key facts, every number tagged "source" or "assumption".
import type { Design, Sourced } from '../../../models/records.ts';
import { formatMiles, formatUsdPerKw, formatWhole } from '../../format.ts';
import type { AppState, Store } from '../../state/store.ts';
import { confidenceBadge, h, replaceChildren } from '../../ui/dom.ts';
import { emptyState, errorState, skeleton } from './states.ts';

/** A value with its provenance tag; the tooltip carries the note (what the source said). */
function sourced(value: Sourced | undefined, format: (v: number) => string): HTMLElement {
  if (!value || typeof value.value !== 'number')
    return h('span', { class: 'muted' }, 'not published');
  return h(
    'span',
    { class: 'sourced', title: value.note || undefined },
    format(value.value),
    ' ',
    h('span', { class: `basis basis-${value.basis}` }, value.basis),
  );
}

function fact(label: string, value: Node | string): HTMLElement {
  return h('div', { class: 'design-fact' }, h('dt', {}, label), h('dd', {}, value));
}

function designCard(design: Design): HTMLElement {
  return h(
    'li',
    { class: 'design-card' },
    h(
      'div',
      { class: 'design-title' },
      h('h3', {}, design.name),
      confidenceBadge(design.confidence),
    ),
    h('p', { class: 'muted' }, design.vendor),
    h(
      'dl',
      { class: 'design-facts' },
      fact(
        'Net output',
        sourced(design.netMwe, (v) => `${formatWhole(v)} MWe`),
      ),
      fact('Type', design.type),
      fact('Fuel', design.fuelClass),
      fact(
        'Earliest COD',
        sourced(design.earliestCodYear, (v) => String(v)),
      ),
      fact('Capital cost', sourced(design.capitalCostUsdPerKw, formatUsdPerKw)),
      fact('Plume EPZ', sourced(design.epzMi, formatMiles)),
      fact('Cooling', h('span', { class: 'clamp', title: design.cooling }, design.cooling)),
    ),
  );
}

export function createReactorsSection(store: Store, retry: () => void): HTMLElement {
  const body = h('div', { class: 'section-inner' });
  const render = ({ designs }: AppState) => {
    if (designs.status === 'loading')
      return replaceChildren(body, skeleton(8, 'Loading reactor designs…'));
    if (designs.status === 'error')
      return replaceChildren(body, errorState('reactor designs', designs.message, retry));
    replaceChildren(
      body,
      h(
        'p',
        { class: 'section-lead' },
        `${designs.data.length} designs. Capital cost is all-in 2025 USD per kW net; hover a figure for its note.`,
      ),
      h('ul', { class: 'design-list' }, ...designs.data.map(designCard)),
      emptyState(
        'Placing reactors comes next',
        'Choose a design and a number of units, then click the map to place them; each placement will list its distance, loss and siting checks here.',
      ),
    );
  };
  store.subscribe((state, previous) => {
    if (state.designs !== previous.designs) render(state);
  });
  render(store.get());
  return body;
}
