// A panel section whose code loads after `ready` (the map's first paint): a skeleton holds its
// place meanwhile, and a failed load says so with a retry, as UX.md's states ask.
import { h, replaceChildren } from '../../ui/dom.ts';
import { errorState, skeleton } from './states.ts';

export function lazySection(
  ready: Promise<unknown>,
  loadingLabel: string,
  load: () => Promise<HTMLElement>,
): HTMLElement {
  const slot = h('div', { class: 'lazy-section', 'aria-busy': 'true' }, skeleton(4, loadingLabel));
  const attempt = () =>
    load().then(
      (element) => {
        slot.setAttribute('aria-busy', 'false');
        replaceChildren(slot, element);
      },
      (error: unknown) => {
        console.warn(`${loadingLabel} failed:`, error);
        replaceChildren(
          slot,
          errorState('this section', String(error), () => {
            replaceChildren(slot, skeleton(4, loadingLabel));
            void attempt();
          }),
        );
      },
    );
  void ready.then(attempt);
  return slot;
}
