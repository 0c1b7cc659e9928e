// One placed deployment in the Reactors tab: design × units, COD year (editable), distance,
// voltage, loss, a siting badge and delete. Updates in place, so typing in its fields keeps
// focus while the answer for them comes back.
import type { Design } from '../../../models/records.ts';
import type { DeploymentResult } from '../../api/scenario-types.ts';
import { formatKm } from '../../format.ts';
import type { Placement } from '../../state/scenario.ts';
import { h, replaceChildren } from '../../ui/dom.ts';
import { checkLabel } from '../siting/check-format.ts';

export interface PlacementRowHooks {
  setUnits(key: string, units: number): void;
  setCodYear(key: string, codYear: number | undefined): void;
  remove(key: string): void;
  select(key: string): void;
}

export interface PlacementRow {
  element: HTMLElement;
  /** `pendingKm`: the straight-line distance to show until the answer for it arrives. */
  update(
    placement: Placement,
    design: Design | undefined,
    result: DeploymentResult | undefined,
    selected: boolean,
    pendingKm: number | null,
  ): void;
  /** While the marker is dragged: the distance under the pointer (loss waits for the answer). */
  showDragDistance(km: number): void;
}

const LOSS = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
export const COD_MIN = 2024;
export const COD_MAX = 2045;
export const UNITS_MAX = 100;

function sitingBadge(result: DeploymentResult | undefined): HTMLElement {
  const siting = result?.siting;
  if (!siting)
    return h(
      'span',
      { class: 'badge badge-unknown', 'data-testid': 'placement-siting' },
      'Siting: …',
    );
  const failed = siting.checks.filter((c) => c.pass === false && c.severity === 'hard');
  const warned = siting.checks.filter((c) => c.pass === false && c.severity !== 'hard');
  const title = [...failed, ...warned].map((c) => `${checkLabel(c.id)}: ${c.note}`).join('\n');
  if (failed.length > 0)
    return h(
      'span',
      { class: 'badge badge-fail', title, 'data-testid': 'placement-siting' },
      `Siting: fails ${failed.length}`,
    );
  return h(
    'span',
    {
      class: `badge ${warned.length ? 'badge-medium' : 'badge-high'}`,
      title: title || 'All siting checks pass',
      'data-testid': 'placement-siting',
    },
    warned.length ? `Siting: pass, ${warned.length} advisory` : 'Siting: pass',
  );
}

export function createPlacementRow(key: string, hooks: PlacementRowHooks): PlacementRow {
  const title = h('span', { class: 'placement-title' });
  const badge = h('span', {});
  const units = h('input', {
    type: 'number',
    min: '1',
    max: String(UNITS_MAX),
    step: '1',
    class: 'compact-input',
    'data-testid': 'placement-units',
    'aria-label': 'Units',
  });
  const cod = h('input', {
    type: 'number',
    min: String(COD_MIN),
    max: String(COD_MAX),
    step: '1',
    class: 'compact-input',
    'data-testid': 'placement-cod',
    'aria-label': 'Commercial operation year',
    placeholder: 'earliest',
  });
  const error = h('p', { class: 'field-error', role: 'alert', hidden: true });
  const distance = h('span', { 'data-testid': 'placement-distance' });
  const line = h('span', { 'data-testid': 'placement-line', class: 'muted' });
  const remove = h(
    'button',
    { type: 'button', class: 'button button-quiet', 'data-testid': 'placement-delete' },
    'Delete',
  );
  const element = h(
    'li',
    { class: 'placement', 'data-testid': 'placement', 'data-key': key, tabindex: '-1' },
    h('div', { class: 'placement-head' }, title, badge, remove),
    h(
      'div',
      { class: 'placement-fields' },
      h('label', {}, 'Units ', units),
      h('label', {}, 'COD ', cod),
    ),
    error,
    h('div', { class: 'placement-figures' }, distance, ' · ', line),
  );
  const fail = (message: string | null, input?: HTMLInputElement) => {
    error.hidden = message === null;
    error.textContent = message ?? '';
    for (const field of [units, cod]) field.removeAttribute('aria-invalid');
    if (input && message) input.setAttribute('aria-invalid', 'true');
  };
  units.addEventListener('change', () => {
    const value = Number(units.value);
    if (!Number.isInteger(value) || value < 1 || value > UNITS_MAX)
      return fail(`Units must be a whole number 1–${UNITS_MAX}`, units);
    fail(null);
    hooks.setUnits(key, value);
  });
  cod.addEventListener('change', () => {
    if (cod.value.trim() === '') {
      fail(null);
      return hooks.setCodYear(key, undefined);
    }
    const value = Number(cod.value);
    if (!Number.isInteger(value) || value < COD_MIN || value > COD_MAX)
      return fail(`COD year must be ${COD_MIN}–${COD_MAX}`, cod);
    fail(null);
    hooks.setCodYear(key, value);
  });
  remove.addEventListener('click', () => hooks.remove(key));
  element.addEventListener('click', (event) => {
    if (!(event.target instanceof HTMLInputElement) && event.target !== remove) hooks.select(key);
  });

  return {
    element,
    update(placement, design, result, selected, pendingKm) {
      const name = design?.name ?? placement.designId;
      title.textContent = `${placement.units} × ${name}`;
      remove.setAttribute('aria-label', `Delete ${placement.units} × ${name}`);
      if (document.activeElement !== units) units.value = String(placement.units);
      if (document.activeElement !== cod)
        cod.value = placement.codYear ? String(placement.codYear) : '';
      cod.placeholder = result ? String(result.codYear) : 'earliest';
      cod.title = result ? `Empty: the design's earliest realistic year (${result.codYear})` : '';
      replaceChildren(badge, sitingBadge(result));
      element.classList.toggle('is-selected', selected);
      if (result) {
        distance.textContent = formatKm(result.distanceKm);
        const kv = result.voltageKv === null ? 'co-located' : `${result.voltageKv} kV`;
        const to =
          result.lineTo.kind === 'interconnection' ? ` to ${result.lineTo.name ?? 'grid'}` : '';
        line.textContent = `${kv}${to} · ${LOSS.format(result.lossFraction * 100)}% loss`;
      } else {
        distance.textContent = pendingKm === null ? '' : formatKm(pendingKm);
        line.textContent = 'evaluating…';
      }
    },
    showDragDistance(km) {
      distance.textContent = formatKm(km);
      line.textContent = 'evaluating…';
    },
  };
}
