// Tabs whose models are not connected yet: say what will appear and how to get there, never
// show made-up numbers (UX.md "Empty" state).
import { h } from '../../ui/dom.ts';
import { emptyState } from './states.ts';

const UPCOMING = {
  coverage: [
    'No reactors placed yet',
    'Place reactors from the Reactors tab. Coverage will then lead with the share of the campus load they cover (e.g. "covers 97.8% of 2032 load"), then firm MW, loss-of-load hours, backup needed and delivered $/MWh.',
    'Charts: a week of supply against demand, the load-duration curve and the timeline gap by year.',
  ],
  scenarios: [
    'No saved scenarios',
    'Save the campus and its reactors as a named scenario, reopen it later, duplicate it, or compare scenarios side by side with differences highlighted.',
  ],
} as const;

export function createUpcomingSection(which: keyof typeof UPCOMING): HTMLElement {
  const [title, ...lines] = UPCOMING[which];
  return h('div', { class: 'section-inner' }, emptyState(title, ...lines));
}
