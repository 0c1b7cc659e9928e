// "New campus": the button arms map placement; the next map click asks for a name inline in
// the panel (no modal, UX.md), then the campus is created there with one empty phase to fill.
import './campus.css';
import type { CampusFeature } from '../../api/client.ts';
import { h, replaceChildren } from '../../ui/dom.ts';
import { DRAWN_CAMPUS_DEFAULTS } from './draft.ts';

export interface LngLat {
  lng: number;
  lat: number;
}

export interface NewCampusHooks {
  /** Arms map placement; returns a function that disarms it. */
  arm(onPlace: (at: LngLat) => void, onCancel: () => void): () => void;
  create(campus: CampusFeature): void;
}

const coordinates = ({ lng, lat }: LngLat): string =>
  `${Math.abs(lat).toFixed(3)}° ${lat >= 0 ? 'N' : 'S'}, ${Math.abs(lng).toFixed(3)}° ${lng >= 0 ? 'E' : 'W'}`;

let created = 0;

export function drawnCampus(name: string, at: LngLat): CampusFeature {
  created += 1;
  const id = `user-campus-${created}`;
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [at.lng, at.lat] },
    properties: {
      id,
      name,
      kind: DRAWN_CAMPUS_DEFAULTS.kind,
      // Display only: the request leaves it out, so the server applies round(lon / 15) and
      // says so in its assumptions (DESIGN.md "Campus spec").
      utcOffsetHours: Math.round(at.lng / 15),
      pue: DRAWN_CAMPUS_DEFAULTS.pue,
      trainingShare: DRAWN_CAMPUS_DEFAULTS.trainingShare,
      phases: [],
      publishedTotals: [],
      assumptions: [`Drawn on the map at ${coordinates(at)}; its load is the phases entered here.`],
      sources: [],
      confidence: 'low',
      userDrawn: true,
    },
  };
}

export function createNewCampus(hooks: NewCampusHooks): { button: HTMLElement; slot: HTMLElement } {
  const slot = h('div', { class: 'new-campus-slot', 'aria-live': 'polite' });
  const button = h(
    'button',
    { type: 'button', class: 'button', 'data-testid': 'campus-new', 'aria-pressed': 'false' },
    '+ New campus',
  );
  let disarm: (() => void) | null = null;

  const reset = () => {
    disarm?.();
    disarm = null;
    button.setAttribute('aria-pressed', 'false');
    button.textContent = '+ New campus';
    replaceChildren(slot);
  };

  const askName = (at: LngLat) => {
    disarm = null;
    button.setAttribute('aria-pressed', 'false');
    button.textContent = '+ New campus';
    const input = h('input', {
      type: 'text',
      id: 'new-campus-name',
      'data-testid': 'campus-new-name',
      maxlength: 200,
      placeholder: `Campus ${created + 1}`,
      autocomplete: 'off',
    });
    const cancel = h('button', { type: 'button', class: 'button button-quiet' }, 'Cancel');
    cancel.addEventListener('click', reset);
    const form = h(
      'form',
      { class: 'new-campus-form' },
      h('label', { for: 'new-campus-name', class: 'field-label' }, 'Name the new campus'),
      h('p', { class: 'muted' }, `At ${coordinates(at)}`),
      h(
        'div',
        { class: 'inline-row' },
        input,
        h(
          'button',
          { type: 'submit', class: 'button button-primary', 'data-testid': 'campus-new-create' },
          'Create',
        ),
        cancel,
      ),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const name = input.value.trim() || input.placeholder;
      reset();
      hooks.create(drawnCampus(name, at));
    });
    form.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') reset();
    });
    replaceChildren(slot, form);
    input.focus();
  };

  button.addEventListener('click', () => {
    if (disarm) return reset();
    reset();
    button.setAttribute('aria-pressed', 'true');
    button.textContent = 'Cancel placing';
    replaceChildren(
      slot,
      h('p', { class: 'placing-note' }, 'Click the map where the new campus is. Escape cancels.'),
    );
    disarm = hooks.arm(askName, reset);
  });
  return { button, slot };
}
