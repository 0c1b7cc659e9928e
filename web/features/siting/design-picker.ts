// The Siting tab's design: the Reactors tab's choice when there is one, else bwrx-300 (the
// server's default for a check). Once the user picks here, the Reactors tab no longer moves it.
import type { Design } from '../../../models/records.ts';
import { formatWhole } from '../../format.ts';
import type { AppState, Store } from '../../state/store.ts';
import { h, replaceChildren } from '../../ui/dom.ts';

export const DEFAULT_SITING_DESIGN_ID = 'bwrx-300';

export interface DesignPicker {
  element: HTMLSelectElement;
  designId(): string;
  designName(): string;
}

function optionText(design: Design): string {
  const mwe =
    typeof design.netMwe.value === 'number' ? `${formatWhole(design.netMwe.value)} MWe` : '';
  return [design.name, mwe].filter(Boolean).join(' · ');
}

export function createDesignPicker(store: Store, onChange: () => void): DesignPicker {
  const select = h('select', { id: 'siting-design', 'data-testid': 'siting-design' });
  let chosenHere = false;
  let designs: Design[] = [];

  const wanted = (state: AppState) =>
    chosenHere ? select.value : (state.selectedDesignId ?? DEFAULT_SITING_DESIGN_ID);

  const render = (state: AppState) => {
    const id = wanted(state);
    if (state.designs.status === 'ready') {
      designs = state.designs.data;
      replaceChildren(select, ...designs.map((d) => h('option', { value: d.id }, optionText(d))));
    } else {
      replaceChildren(select, h('option', { value: id }, id));
    }
    select.value = id;
  };
  select.addEventListener('change', () => {
    chosenHere = true;
    onChange();
  });
  store.subscribe((state, previous) => {
    const followed = !chosenHere && state.selectedDesignId !== previous.selectedDesignId;
    if (state.designs !== previous.designs || followed) render(state);
    if (followed) onChange();
  });
  render(store.get());
  return {
    element: select,
    designId: () => select.value || DEFAULT_SITING_DESIGN_ID,
    designName: () => designs.find((d) => d.id === select.value)?.name ?? select.value,
  };
}
