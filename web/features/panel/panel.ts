// The right-hand panel: tabs Campus, Reactors, Coverage, Siting, Optimise, Scenarios (UX.md order,
// Optimise from issue 13), with
// the ARIA tabs pattern (arrow keys move between tabs, each tab controls one tabpanel).
import './panel.css';
import type { Store } from '../../state/store.ts';
import { h } from '../../ui/dom.ts';
import { createCampusSection, type CampusActions } from './campus-section.ts';
import {
  createSitingSection,
  type SitingActions,
  type SitingSection,
} from '../siting/siting-section.ts';
import {
  createReactorsSection,
  type ReactorsActions,
  type ReactorsSection,
} from './reactors-section.ts';

export type PanelTab = 'campus' | 'reactors' | 'coverage' | 'siting' | 'optimise' | 'scenarios';

export interface PanelActions extends CampusActions {
  siting: SitingActions;
  reactors: ReactorsActions;
}

/** Sections built by their own features (live coverage, the optimiser, saved scenarios). */
export interface PanelSlots {
  coverage: HTMLElement;
  optimise: HTMLElement;
  scenarios: HTMLElement;
}

export interface Panel {
  element: HTMLElement;
  showTab(tab: PanelTab): void;
  activeTab(): PanelTab;
  siting: SitingSection;
  reactors: ReactorsSection;
}

export function createPanel(store: Store, actions: PanelActions, slots: PanelSlots): Panel {
  const siting = createSitingSection(store, actions.siting);
  const reactors = createReactorsSection(store, actions.reactors);
  const sections: [PanelTab, string, HTMLElement][] = [
    ['campus', 'Campus', createCampusSection(store, actions)],
    ['reactors', 'Reactors', reactors.element],
    ['coverage', 'Coverage', slots.coverage],
    ['siting', 'Siting', siting.element],
    ['optimise', 'Optimise', slots.optimise],
    ['scenarios', 'Scenarios', slots.scenarios],
  ];

  const tabs = sections.map(([id, label]) =>
    h(
      'button',
      {
        type: 'button',
        role: 'tab',
        id: `tab-${id}`,
        'aria-controls': `tabpanel-${id}`,
        'data-tab': id,
      },
      label,
    ),
  );
  const panels = sections.map(([id, , content]) =>
    h(
      'section',
      { role: 'tabpanel', id: `tabpanel-${id}`, 'aria-labelledby': `tab-${id}`, class: 'tabpanel' },
      content,
    ),
  );

  let active: PanelTab = 'campus';
  const showTab = (tab: PanelTab) => {
    active = tab;
    sections.forEach(([id], i) => {
      const selected = id === tab;
      tabs[i].setAttribute('aria-selected', String(selected));
      tabs[i].tabIndex = selected ? 0 : -1;
      panels[i].hidden = !selected;
    });
  };

  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => showTab(sections[i][0]));
    tab.addEventListener('keydown', (event) => {
      const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      if (step === 0) return;
      const next = (i + step + tabs.length) % tabs.length;
      showTab(sections[next][0]);
      tabs[next].focus();
      event.preventDefault();
    });
  });
  showTab('campus');

  const element = h(
    'aside',
    { class: 'panel', 'aria-label': 'Planner panel' },
    h('div', { role: 'tablist', class: 'tabs', 'aria-label': 'Planner sections' }, ...tabs),
    h('div', { class: 'tabpanels' }, ...panels),
  );
  return { element, showTab, activeTab: () => active, siting, reactors };
}
