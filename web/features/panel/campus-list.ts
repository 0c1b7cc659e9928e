// The Campus tab before a choice: every campus, largest planned load first, one click (or
// Enter) to select. Unknown MW sorts last and says so rather than showing zero.
import type { CampusFeature } from '../../api/client.ts';
import { campusPlannedMw, shortCampusName } from '../../map/campus-mw.ts';
import { formatMw } from '../../format.ts';
import { h } from '../../ui/dom.ts';

export function campusList(campuses: CampusFeature[], onSelect: (id: string) => void): HTMLElement {
  const rows = campuses
    .map((feature) => ({
      campus: feature.properties,
      planned: campusPlannedMw(feature.properties),
    }))
    .sort((a, b) => (b.planned.mw ?? -1) - (a.planned.mw ?? -1));
  return h(
    'div',
    { class: 'campus-list' },
    h(
      'p',
      { class: 'section-lead' },
      `${campuses.length} campuses, largest planned load first. Choose one to see its figures and sources.`,
    ),
    h(
      'ul',
      {},
      ...rows.map(({ campus, planned }) => {
        const button = h(
          'button',
          { type: 'button', class: 'campus-row', title: planned.basis },
          h('span', { class: 'campus-row-name' }, shortCampusName(campus.name)),
          h('span', { class: 'campus-row-state muted' }, campus.state ?? ''),
          h(
            'span',
            { class: 'campus-row-mw' },
            planned.mw === null ? 'MW not published' : formatMw(planned.mw),
          ),
        );
        button.addEventListener('click', () => onSelect(campus.id));
        return h('li', {}, button);
      }),
    ),
  );
}
