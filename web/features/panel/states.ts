// Loading and error states (UX.md "States that must be designed"): skeleton rows while data
// loads; on failure a short message saying what failed and what to do, with a retry.
import './states.css';
import { h } from '../../ui/dom.ts';

export function skeleton(rows = 4, label = 'Loading…'): HTMLElement {
  return h(
    'div',
    { class: 'skeleton', role: 'status', 'aria-live': 'polite', 'aria-busy': 'true' },
    h('span', { class: 'visually-hidden' }, label),
    ...Array.from({ length: rows }, (_, i) =>
      h('div', {
        class: 'skeleton-row',
        style: `width:${92 - ((i * 17) % 40)}%`,
        'aria-hidden': 'true',
      }),
    ),
  );
}

export function errorState(what: string, message: string, onRetry: () => void): HTMLElement {
  const retry = h('button', { type: 'button', class: 'button' }, 'Try again');
  retry.addEventListener('click', onRetry);
  return h(
    'div',
    { class: 'error-state', role: 'alert' },
    h('p', { class: 'error-title' }, `Could not load ${what}.`),
    h('p', {}, message),
    h('p', { class: 'muted' }, 'Check that the planner server is running, then try again.'),
    retry,
  );
}

/** The honest empty state of a feature that is not built yet: what will appear, and when. */
export function emptyState(title: string, ...lines: string[]): HTMLElement {
  return h(
    'div',
    { class: 'empty-state' },
    h('p', { class: 'empty-title' }, title),
    ...lines.map((line) => h('p', {}, line)),
  );
}
