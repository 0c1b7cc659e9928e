// The top bar's downloads (UX.md "A slim top bar"; issue 11): the open scenario, as it is on
// screen (saved or not), as a PDF siting report, hourly CSV, GeoJSON of its sites and lines, or
// JSON that imports again (with the optimisation it was loaded from, if any); and "Import
// scenario" for such a JSON file, which is saved (POST /api/scenarios validates it and names any
// bad field) and opened.
import './reports.css';
import type { ReportFormat } from '../../api/reports-client.ts';
import { streamReport } from '../../api/reports-client.ts';
import type { ScenariosClient } from '../../api/scenarios-client.ts';
import type { ScenarioSaveInput } from '../../api/scenario-types.ts';
import { scenarioInput } from '../../state/scenario.ts';
import type { Store } from '../../state/store.ts';
import { h } from '../../ui/dom.ts';
import { safeFileStem } from '../../../server/reports/filename.ts';
import type { SaveController } from '../scenarios/save-controller.ts';
import { createDownloadStatus, downloadTask } from './download-status.ts';
import { saveFile } from './save-file.ts';

const ITEMS: { testid: string; label: string; detail: string; format: ReportFormat | 'json' }[] = [
  {
    testid: 'report-pdf',
    label: 'Siting report (PDF)',
    detail: 'Verdict, map, demand, coverage, siting, cost and sources',
    format: 'pdf',
  },
  {
    testid: 'report-csv',
    label: 'Hourly data (CSV)',
    detail: '8,760 hours: demand, supply, served, shortfall',
    format: 'csv',
  },
  {
    testid: 'report-geojson',
    label: 'Sites and lines (GeoJSON)',
    detail: 'Campus, reactors with their figures, lines',
    format: 'geojson',
  },
  {
    testid: 'report-json',
    label: 'Scenario (JSON)',
    detail: 'Imports again with “Import scenario”',
    format: 'json',
  },
];

const NOTHING_TO_DOWNLOAD = 'Choose a campus and place a reactor first';

export interface DownloadsDeps {
  client: ScenariosClient;
  saves: SaveController;
}

/** The file's JSON as a scenario body, or a message saying why it is not one. */
export function parseScenarioFile(text: string): ScenarioSaveInput | string {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as ScenarioSaveInput)
      : 'the file is not a JSON object';
  } catch (error) {
    return `the file is not JSON (${(error as Error).message})`;
  }
}

export function createDownloadsMenu(store: Store, deps: DownloadsDeps): HTMLElement {
  const status = createDownloadStatus();
  const toggle = h(
    'button',
    {
      type: 'button',
      class: 'button downloads-toggle',
      'data-testid': 'downloads',
      'aria-haspopup': 'menu',
      'aria-expanded': 'false',
    },
    'Download',
  );
  const file = h('input', {
    type: 'file',
    accept: '.json,application/json',
    hidden: true,
    'data-testid': 'scenario-import-file',
  });
  const items = ITEMS.map((item) => {
    const button = h(
      'button',
      { type: 'button', role: 'menuitem', class: 'downloads-item', 'data-testid': item.testid },
      h('span', { class: 'downloads-label' }, item.label),
      h('span', { class: 'downloads-detail' }, item.detail),
    );
    button.addEventListener('click', () => {
      close();
      download(item.format);
    });
    return button;
  });
  const importItem = h(
    'button',
    { type: 'button', role: 'menuitem', class: 'downloads-item', 'data-testid': 'scenario-import' },
    h('span', { class: 'downloads-label' }, 'Import scenario (JSON)…'),
    h('span', { class: 'downloads-detail' }, 'Saved as a new scenario and opened'),
  );
  importItem.addEventListener('click', () => {
    close();
    file.click();
  });
  const menu = h(
    'div',
    { class: 'downloads-menu', role: 'menu', 'aria-label': 'Downloads', hidden: true },
    ...items,
    h('hr', { class: 'downloads-rule' }),
    importItem,
  );

  const open = () => {
    const input = scenarioInput(store.get().scenario);
    for (const item of items) {
      item.disabled = input === null;
      item.title = input === null ? NOTHING_TO_DOWNLOAD : '';
    }
    menu.hidden = false;
    toggle.setAttribute('aria-expanded', 'true');
    (items.find((i) => !i.disabled) ?? importItem).focus();
  };
  function close() {
    menu.hidden = true;
    toggle.setAttribute('aria-expanded', 'false');
  }
  toggle.addEventListener('click', () => (menu.hidden ? open() : close()));
  menu.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      close();
      toggle.focus();
    }
  });
  document.addEventListener('pointerdown', (event) => {
    if (!menu.hidden && !element.contains(event.target as Node)) close();
  });

  function download(format: ReportFormat | 'json') {
    const input = scenarioInput(store.get().scenario);
    if (!input) return;
    if (format === 'json') {
      // What GET /api/scenarios/:id/export.json gives for a saved one, the optimisation the
      // placements came from included: POST /api/scenarios takes it.
      const { optimisation } = store.get().scenario;
      const file: ScenarioSaveInput = optimisation ? { ...input, optimisation } : input;
      const body = `${JSON.stringify(file, null, 2)}\n`;
      saveFile(`${safeFileStem(input.name)}.json`, new Blob([body], { type: 'application/json' }));
      return;
    }
    void status.run(
      downloadTask((onProgress, signal) => streamReport(format, input, onProgress, signal)),
    );
  }

  file.addEventListener('change', () => {
    const chosen = file.files?.[0];
    file.value = '';
    if (!chosen) return;
    void status.run(async () => {
      const parsed = parseScenarioFile(await chosen.text());
      if (typeof parsed === 'string') throw new Error(`${chosen.name}: ${parsed}`);
      const saved = await deps.client.create(parsed);
      await deps.saves.open(saved.id);
      await deps.saves.refreshList();
      return `Imported “${saved.name}” as a new scenario`;
    }, `Importing ${chosen.name}…`);
  });

  const element = h(
    'div',
    { class: 'downloads', role: 'group', 'aria-label': 'Downloads' },
    toggle,
    menu,
    file,
    status.element,
  );
  return element;
}
