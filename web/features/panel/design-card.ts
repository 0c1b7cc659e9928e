// A design's key facts as a card: net output, type, fuel, earliest COD, capital cost, EPZ and
// cooling, each number tagged "source" or "assumption" with its note as the tooltip.
import type { Design, Sourced } from '../../../models/records.ts';
import { formatMiles, formatUsdPerKw, formatWhole } from '../../format.ts';
import { confidenceBadge, h } from '../../ui/dom.ts';

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

export function designCard(design: Design): HTMLElement {
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
