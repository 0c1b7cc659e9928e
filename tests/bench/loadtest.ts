// `npm run loadtest`: the real server as a child process on loopback, 60 s of mixed load at 50
// connections (health, data GETs, small evaluates, scenario writes and reads, small screens)
// after a 10 s warm-up. Fails on any error or unexpected status (429/503 are designed answers,
// counted and reported) or RSS growth of 10% or more over the measured minute. Prints a table
// of each route's requests, p50/p99/max latency and non-2xx count, from the same run.
import { readFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import autocannon from 'autocannon';
import { startServerProcess } from '../helpers/server-process.ts';

const small = (seed: number) =>
  JSON.stringify({
    campus: { id: 'xai-colossus-1' },
    deployments: [{ designId: 'bwrx-300', units: 4, lat: 35.0751, lon: -90.1626 }],
    options: { trials: 100, seed },
  });
const json = { 'content-type': 'application/json' };
const scenario = JSON.stringify({
  name: 'load test',
  campus: { id: 'xai-colossus-1' },
  deployments: [{ designId: 'bwrx-300', units: 4, lat: 35.0751, lon: -90.1626 }],
});
const screen = JSON.stringify({
  campus: { id: 'coreweave-lancaster' },
  designId: 'bwrx-300',
  radiusKm: 100,
});
let seed = 0;

/**
 * The route of the answer being counted. autocannon calls a request's onResponse and then, with
 * nothing in between, emits 'response' with the latency (lib/httpClient.js, 8.0.0); one process,
 * no workers, so the label set by the one is the label of the other.
 */
let answered = '';
const labelled = (label: string | ((headers: IncomingHttpHeaders) => string)) => ({
  onResponse: (_status: number, _body: string, _context: object, headers?: IncomingHttpHeaders) => {
    answered = typeof label === 'string' ? label : label(headers ?? {});
  },
});
const requests: autocannon.Request[] = [
  { method: 'GET', path: '/api/health', ...labelled('GET /api/health') },
  { method: 'GET', path: '/api/designs', ...labelled('GET /api/designs') },
  { method: 'GET', path: '/api/campuses', ...labelled('GET /api/campuses') },
  // A new seed now and then: mostly cache hits, some computed (x-cache tells them apart).
  {
    method: 'POST',
    path: '/api/evaluate',
    headers: json,
    setupRequest: (r) => ({ ...r, body: small((seed += 1) % 50) }),
    ...labelled((h) => `POST /api/evaluate (${h['x-cache'] === 'hit' ? 'cached' : 'computed'})`),
  },
  {
    method: 'POST',
    path: '/api/scenarios',
    headers: json,
    body: scenario,
    ...labelled('POST /api/scenarios'),
  },
  { method: 'GET', path: '/api/scenarios', ...labelled('GET /api/scenarios') },
  {
    method: 'POST',
    path: '/api/screen',
    headers: json,
    body: screen,
    ...labelled('POST /api/screen'),
  },
];

interface RouteStats {
  latencyMs: number[];
  non2xx: number;
}
const quantileMs = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;

function routeTable(byRoute: Map<string, RouteStats>): string {
  const rows = [...byRoute].map(([route, { latencyMs, non2xx }]) => {
    const sorted = [...latencyMs].sort((a, b) => a - b);
    return [
      route,
      String(sorted.length),
      quantileMs(sorted, 0.5).toFixed(1),
      quantileMs(sorted, 0.99).toFixed(1),
      (sorted.at(-1) ?? NaN).toFixed(1),
      String(non2xx),
    ];
  });
  const header = ['route', 'requests', 'p50 ms', 'p99 ms', 'max ms', 'non-2xx'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const rssMiB = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

const server = await startServerProcess({ env: { DATABASE_URL: 'sqlite::memory:' } });
const pid = server.child.pid as number;
const run = (duration: number, byRoute?: Map<string, RouteStats>) =>
  // The callback form returns the instance, whose 'response' event carries each latency.
  new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: server.url, connections: 50, duration, requests, timeout: 20 },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTimeMs) => {
      if (!byRoute) return;
      const stats = byRoute.get(answered) ?? { latencyMs: [], non2xx: 0 };
      stats.latencyMs.push(responseTimeMs);
      if (statusCode < 200 || statusCode > 299) stats.non2xx += 1;
      byRoute.set(answered, stats);
      answered = '(unlabelled)';
    });
  });
try {
  await run(10);
  const rssBefore = rssMiB(pid);
  const byRoute = new Map<string, RouteStats>();
  const result = await run(60, byRoute);
  const rssAfter = rssMiB(pid);
  const designed =
    (result.statusCodeStats?.['429']?.count ?? 0) + (result.statusCodeStats?.['503']?.count ?? 0);
  const unexpected = result.non2xx - designed;
  const growth = (rssAfter - rssBefore) / rssBefore;
  console.log(
    `loadtest: ${result.requests.total} requests in 60 s (${result.requests.average.toFixed(0)} req/s), ` +
      `latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms; ` +
      `errors ${result.errors}, timeouts ${result.timeouts}, 429/503 ${designed}, other non-2xx ${unexpected}; ` +
      `status codes ${JSON.stringify(result.statusCodeStats)}; RSS ${rssBefore.toFixed(0)} → ${rssAfter.toFixed(0)} MiB (${(growth * 100).toFixed(1)}%)`,
  );
  console.log(routeTable(byRoute));
  if (result.errors > 0 || result.timeouts > 0 || unexpected > 0 || growth >= 0.1)
    process.exitCode = 1;
} finally {
  await server.stop();
}
