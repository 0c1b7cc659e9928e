// `npm run loadtest`: the real server as a child process on loopback, 60 s of mixed load at 50
// connections (health, data GETs, small evaluates, scenario writes and reads, small screens)
// after a 10 s warm-up. Fails on any error or unexpected status (429/503 are designed answers,
// counted and reported) or RSS growth of 10% or more over the measured minute.
import { readFileSync } from 'node:fs';
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
const requests: autocannon.Request[] = [
  { method: 'GET', path: '/api/health' },
  { method: 'GET', path: '/api/designs' },
  { method: 'GET', path: '/api/campuses' },
  // A new seed now and then: mostly cache hits, some computed.
  {
    method: 'POST',
    path: '/api/evaluate',
    headers: json,
    setupRequest: (r) => ({ ...r, body: small((seed += 1) % 50) }),
  },
  { method: 'POST', path: '/api/scenarios', headers: json, body: scenario },
  { method: 'GET', path: '/api/scenarios' },
  { method: 'POST', path: '/api/screen', headers: json, body: screen },
];

const rssMiB = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

const server = await startServerProcess({ env: { DATABASE_URL: 'sqlite::memory:' } });
const pid = server.child.pid as number;
const run = (duration: number) =>
  autocannon({ url: server.url, connections: 50, duration, requests, timeout: 20 });
try {
  await run(10);
  const rssBefore = rssMiB(pid);
  const result = await run(60);
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
  if (result.errors > 0 || result.timeouts > 0 || unexpected > 0 || growth >= 0.1)
    process.exitCode = 1;
} finally {
  await server.stop();
}
