// Wires a number input to its check (campus-fields.ts): a message at the field, aria-invalid and
// aria-describedby while the value is refused, and the value passed on only when it is valid,
// so an invalid value never reaches the draft or the server.
import { h } from '../../ui/dom.ts';
import { checkField, type FieldSpec } from './campus-fields.ts';

let nextId = 0;

/** Reports which inputs are refused and why (null: valid again). */
export type ReportValidity = (input: HTMLInputElement, message: string | null) => void;

export function checkedInput(
  input: HTMLInputElement,
  spec: () => FieldSpec,
  onValue: (value: number | null) => void,
  report: ReportValidity,
): HTMLElement {
  const message = h('small', {
    class: 'field-error',
    id: `field-error-${++nextId}`,
    'data-testid': 'field-error',
    hidden: true,
  });
  const described = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  input.setAttribute('aria-describedby', [...described, message.id].join(' '));
  const { min, max } = spec();
  input.min = String(min);
  input.max = String(max);
  input.addEventListener('input', () => {
    const result = checkField(input.value, spec(), input.validity.badInput);
    message.textContent = result.error ?? '';
    message.hidden = result.error === null;
    if (result.error === null) input.removeAttribute('aria-invalid');
    else input.setAttribute('aria-invalid', 'true');
    report(input, result.error);
    if (result.error === null) onValue(result.value);
  });
  return message;
}
