// DOM building without innerHTML: every data value reaches the page as text, never as markup,
// so a campus or site name cannot inject HTML.
import './ui.css';

type Attrs = Record<string, string | number | boolean | undefined | null>;
export type Child = Node | string | number | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') element.className = String(value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** A text badge: the confidence word is always written out, colour only reinforces it. */
export function confidenceBadge(confidence: string | undefined): HTMLElement {
  const level = confidence ?? 'unknown';
  return h(
    'span',
    { class: `badge badge-${level}`, title: `Data confidence: ${level}` },
    `${level} confidence`,
  );
}

/** A dl-style row of label and value, used in panels and popups alike. */
export function factRow(label: string, ...value: Child[]): HTMLElement {
  return h('div', { class: 'fact' }, h('dt', {}, label), h('dd', {}, ...value));
}

/**
 * Scrolls the nearest scrolling ancestor (the panel) so `element` sits at its top. Unlike
 * scrollIntoView it never scrolls the page itself, which would shift the whole workspace.
 */
export function scrollToTop(element: Element, scroller = element.closest('.tabpanels')): void {
  if (!scroller) return;
  const offset = element.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
  scroller.scrollTo({ top: scroller.scrollTop + offset, behavior: 'smooth' });
}
