// One download at a time with its progress in words and a bar (issue 11): while a report
// builds the status reads "Evaluating the scenario…", "Drawing section 4 of 9…"; then
// "Downloaded <file>" or the server's error. Cancel aborts the stream (the server stops
// writing once the client goes).
import { isAbort } from '../../api/client.ts';
import type { ReportProgress, ReportResult } from '../../api/reports-client.ts';
import { h, replaceChildren } from '../../ui/dom.ts';
import { progressShare, progressWords } from './progress-words.ts';
import { base64Blob, saveFile } from './save-file.ts';

type OnProgress = (progress: ReportProgress) => void;
export type StartDownload = (onProgress: OnProgress, signal: AbortSignal) => Promise<ReportResult>;
/** Some work with progress; it resolves to what the status then says ("Downloaded …"). */
export type Task = (onProgress: OnProgress, signal: AbortSignal) => Promise<string>;

export interface DownloadStatus {
  element: HTMLElement;
  /** Runs one task; a second call while one runs cancels the first. */
  run(task: Task, firstWords?: string): Promise<boolean>;
  busy(): boolean;
}

/** The task of fetching a file and handing it to the browser. */
export const downloadTask =
  (start: StartDownload): Task =>
  async (onProgress, signal) => {
    const result = await start(onProgress, signal);
    // Chromium can still be closing the stream's request in this task; a download started
    // now cancels it (net::ERR_ABORTED). The next task is after it.
    await new Promise((resolve) => setTimeout(resolve, 0));
    signal.throwIfAborted();
    saveFile(result.filename, base64Blob(result.base64, result.contentType));
    return `Downloaded ${result.filename}`;
  };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createDownloadStatus(testid = 'report-progress'): DownloadStatus {
  const element = h('div', {
    class: 'download-status',
    'data-testid': testid,
    'aria-live': 'polite',
  });
  let running: AbortController | null = null;

  const showProgress = (share: number, words: string, abort: AbortController) => {
    const fill = h('span', { class: 'download-fill' });
    fill.style.width = `${Math.round(share * 100)}%`;
    const cancel = h(
      'button',
      {
        type: 'button',
        class: 'button button-quiet button-small',
        'data-testid': `${testid}-cancel`,
      },
      'Cancel',
    );
    cancel.addEventListener('click', () => abort.abort());
    replaceChildren(
      element,
      h(
        'div',
        {
          class: 'download-bar',
          role: 'progressbar',
          'aria-label': 'Report progress',
          'aria-valuemin': 0,
          'aria-valuemax': 100,
          'aria-valuenow': Math.round(share * 100),
          'aria-valuetext': words,
        },
        fill,
      ),
      h('span', { class: 'download-words' }, words),
      cancel,
    );
    element.dataset.state = 'running';
  };

  const showEnd = (state: 'done' | 'failed', text: string) => {
    replaceChildren(
      element,
      // The whole text on hover: the top bar cuts a long one (a field path) short.
      h(
        'span',
        { class: 'download-words', role: state === 'failed' ? 'alert' : undefined, title: text },
        text,
      ),
    );
    element.dataset.state = state;
  };

  async function run(task: Task, firstWords = 'Asking the server…'): Promise<boolean> {
    running?.abort();
    const abort = new AbortController();
    running = abort;
    showProgress(0, firstWords, abort);
    try {
      const said = await task((p) => {
        if (running === abort) showProgress(progressShare(p), progressWords(p), abort);
      }, abort.signal);
      if (running !== abort) return false;
      showEnd('done', said);
      return true;
    } catch (error) {
      if (running === abort)
        showEnd('failed', isAbort(error) ? 'Cancelled.' : `Failed: ${messageOf(error)}`);
      return false;
    } finally {
      if (running === abort) running = null;
    }
  }

  return { element, run, busy: () => running !== null };
}
