// The drag handle between map and panel: pointer drag or arrow keys set the panel width,
// kept between 360 px (UX.md minimum) and 60% of the window so the map never vanishes.
import { h } from '../../ui/dom.ts';

export const PANEL_MIN_WIDTH_PX = 360;
const PANEL_MAX_SHARE = 0.6;
const KEY_STEP_PX = 24;

export const clampPanelWidth = (widthPx: number, windowWidthPx: number): number =>
  Math.round(Math.max(PANEL_MIN_WIDTH_PX, Math.min(widthPx, windowWidthPx * PANEL_MAX_SHARE)));

export function createResizeHandle(
  workspace: HTMLElement,
  panel: HTMLElement,
  onResize: () => void,
): HTMLElement {
  const handle = h('div', {
    class: 'resize-handle',
    role: 'separator',
    tabindex: 0,
    'aria-orientation': 'vertical',
    'aria-label': 'Resize panel',
    'aria-valuemin': PANEL_MIN_WIDTH_PX,
  });

  const setWidth = (widthPx: number) => {
    const width = clampPanelWidth(widthPx, window.innerWidth);
    workspace.style.setProperty('--panel-width', `${width}px`);
    handle.setAttribute('aria-valuenow', String(width));
    onResize();
  };

  handle.addEventListener('pointerdown', (event) => {
    handle.setPointerCapture(event.pointerId);
    handle.classList.add('dragging');
  });
  handle.addEventListener('pointermove', (event) => {
    if (handle.hasPointerCapture(event.pointerId)) setWidth(window.innerWidth - event.clientX);
  });
  const stop = (event: PointerEvent) => {
    if (handle.hasPointerCapture(event.pointerId)) handle.releasePointerCapture(event.pointerId);
    handle.classList.remove('dragging');
  };
  handle.addEventListener('pointerup', stop);
  handle.addEventListener('pointercancel', stop);

  handle.addEventListener('keydown', (event) => {
    const width = panel.getBoundingClientRect().width;
    if (event.key === 'ArrowLeft') setWidth(width + KEY_STEP_PX);
    else if (event.key === 'ArrowRight') setWidth(width - KEY_STEP_PX);
    else return;
    event.preventDefault();
  });
  return handle;
}
