// Seeded request fuzzer (issue 12): bodies mutated from valid ones, weird ids, queries and
// headers, for every API route, driven through app.inject. It checks the error contract: no
// 5xx, every non-2xx `{ error: { code, message } }` with a short message, and that the saved
// scenarios are exactly what the 2xx answers said. The test run and `npm run fuzz` share it.
import type { FastifyInstance, InjectOptions } from 'fastify';

/** mulberry32: a small seeded PRNG, so a failing case replays from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

const deployment = { designId: 'bwrx-300', units: 1, lat: 32.6, lon: -99.8 };
const VALID = {
  scenario: {
    name: 'fuzz',
    campus: { id: 'stargate-abilene' },
    deployments: [deployment],
    options: { trials: 20 },
  },
  evaluate: {
    campus: { id: 'stargate-abilene' },
    deployments: [deployment],
    options: { trials: 20 },
  },
  screen: { campus: { id: 'stargate-abilene' }, designId: 'bwrx-300', radiusKm: 100, cellKm: 50 },
  check: { lat: 32.6, lon: -99.8 },
  demand: { campus: { id: 'stargate-abilene' } },
};

const deep = (levels: number, open: string, close: string) =>
  open.repeat(levels) + '1' + close.repeat(levels);

/** Odd values: wrong types, huge strings, NUL, lone surrogates, huge numbers, NaN-ish text. */
function weirdValue(rng: Rng): unknown {
  const r = Math.floor(rng() * 18);
  switch (r) {
    case 0:
      return 'x'.repeat(Math.floor(rng() * 5000) + 201);
    case 1:
      return `a\u0000b`;
    case 2:
      return `a\ud800b`;
    case 3:
      return '\udc00';
    case 4:
      return 1e308 * 10; // Infinity: JSON.stringify sends null
    case 5:
      return 99999999999999999999999;
    case 6:
      return 'NaN';
    case 7:
      return '-Infinity';
    case 8:
      return -1;
    case 9:
      return null;
    case 10:
      return [];
    case 11:
      return {};
    case 12:
      return true;
    case 13:
      return { __proto__x: 1, constructor: { prototype: 1 } };
    case 14:
      return [[[[[[[[[[[1]]]]]]]]]]];
    case 15:
      return 1.5;
    case 16:
      return '0x10';
    default:
      return '🙂'.repeat(60);
  }
}

function paths(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const keys = Object.keys(value);
  return [
    prefix,
    ...keys.flatMap((k) => paths((value as Record<string, unknown>)[k], [...prefix, k])),
  ];
}

function setAt(rootValue: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const root = rootValue === null || typeof rootValue !== 'object' ? {} : rootValue;
  const copy: Record<string, unknown> = Array.isArray(root)
    ? (root.slice() as unknown as Record<string, unknown>)
    : (Object.assign({}, root) as Record<string, unknown>);
  const [head, ...rest] = path as [string, ...string[]];
  // defineProperty: a "__proto__" key becomes an own key (sent as JSON), not a prototype.
  Object.defineProperty(copy, head, {
    value: setAt((root as Record<string, unknown>)[head], rest, value),
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
}

/** A body as JSON text: a mutation of a valid one, or raw text JSON cannot build. */
export function mutateBody(rng: Rng, valid: object): string {
  try {
    return mutate(rng, valid);
  } catch {
    // A mutation that cannot be built (a cycle, an odd prototype): send the valid body.
    return JSON.stringify(valid);
  }
}

function mutate(rng: Rng, valid: object): string {
  const r = rng();
  if (r < 0.08) {
    const levels = pick(rng, [9, 33, 200, 5000, 50_000]);
    const nest = pick(rng, [deep(levels, '[', ']'), deep(levels, '{"a":', '}')]);
    const where = pick(rng, ['body', 'campus', 'name']);
    const text = JSON.stringify(valid);
    if (where === 'body') return nest;
    if (where === 'campus' && text.includes('"campus":{'))
      return text.replace('"campus":{', `"campus":{"extra":${nest},`);
    return text.replace(/^\{/, `{"name":${nest},`);
  }
  if (r < 0.12) {
    return pick(rng, [
      '',
      '{',
      'null',
      '[]',
      '"text"',
      '{"__proto__":{"admin":true}}',
      `{"campus":{"__proto__":{"x":1}}}`,
      '{"constructor":{"prototype":{"x":1}}}',
      JSON.stringify(valid).replace('"stargate-abilene"', '"a\\u0000b"'),
      JSON.stringify(valid).replace('"stargate-abilene"', '"\\ud800"'),
      JSON.stringify(valid).replace(/1\b/, '1e999'),
      JSON.stringify(valid).slice(0, -1),
    ]);
  }
  let body: unknown = valid;
  const mutations = 1 + Math.floor(rng() * 3);
  for (let i = 0; i < mutations; i++) {
    const target = pick(rng, paths(body));
    const m = rng();
    if (m < 0.15)
      body = setAt(
        body,
        [
          ...target.slice(0, -1),
          pick(rng, ['extra', '__proto__', 'constructor', 'x\u0000', '\ud800']),
        ],
        weirdValue(rng),
      );
    else if (m < 0.25 && target.length > 0) {
      const parent = target.slice(0, -1);
      const copy = {
        ...(parent.reduce<unknown>(
          (v, k) =>
            v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined,
          body,
        ) as object),
      };
      delete (copy as Record<string, unknown>)[target[target.length - 1]!];
      body = setAt(body, parent, copy);
    } else body = setAt(body, target, weirdValue(rng));
  }
  return JSON.stringify(body) ?? 'null';
}

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/json; charset=latin1',
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/geo+json',
  'multipart/form-data; boundary=x',
  'application/json;;',
  '',
];
const IF_MATCH = [
  '"v1"',
  '"v2"',
  'W/"v1"',
  '*',
  '"v99999999999999999999999"',
  'garbage',
  '"v1", "v2"',
  'v1',
  '1',
  '""',
  'W/*',
  '"v-1"',
  '"v0"',
  '"v2147483648"',
];
const WEIRD_IDS = [
  'x',
  'a'.repeat(101),
  'a'.repeat(2000),
  '%00',
  '%E0%A4%A',
  '..',
  '%2e%2e',
  '00000000-0000-0000-0000-000000000000',
  '%F0%9F%99%82',
  'null',
  '-1',
  '🙂',
  '%ud800',
];
const WEIRD_QUERIES = [
  'limit=0',
  'limit=501',
  'limit=abc',
  'limit=%00',
  'offset=-1',
  'limit=1&limit=2',
  'kind=%ud800',
  'bbox=1,2,3',
  'state=XX&x=1',
  'cellDeg=0.7',
  'format=xml',
  'format=csv&format=pdf',
  'a='.repeat(500),
  '__proto__=1',
];

export interface FuzzStats {
  cases: number;
  status5xx: number;
  shapeViolations: number;
  byStatus: Record<number, number>;
  /** 200 event streams checked (their error events and their ending). */
  streams: number;
  failures: string[];
  /** The listed scenarios are exactly the created-minus-deleted ids at their versions. */
  databaseMatches: boolean;
}

export interface FuzzOptions {
  count: number;
  seed: number;
  /**
   * Cases per streamed or comparison route (they evaluate and draw PDFs, so far fewer than
   * `count`); default count / 25, at least 1.
   */
  streamCount?: number;
}

/** True when a non-2xx body is the standard `{ error: { code, message } }`, short. */
export function isStandardError(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
    const { code, message } = parsed.error ?? {};
    return typeof code === 'string' && typeof message === 'string' && message.length <= 300;
  } catch {
    return false;
  }
}

/**
 * Problems of a 200 `text/event-stream` answer: each `event: error`'s data is the standard error
 * shape, and the stream ends with one `result` or `error` (a bad request answers 4xx JSON before
 * any event; the status check covers that).
 */
export function sseProblems(body: string): string[] {
  const problems: string[] = [];
  const events = body
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const lines = block.split('\n');
      const event = lines.find((l) => l.startsWith('event: '))?.slice(7) ?? 'message';
      const data = lines
        .filter((l) => l.startsWith('data: '))
        .map((l) => l.slice(6))
        .join('\n');
      return { event, data };
    });
  for (const { event, data } of events) {
    if (event === 'error' && !isStandardError(data)) problems.push(`error event ${data}`);
  }
  const last = events[events.length - 1]?.event;
  if (last !== 'result' && last !== 'error') problems.push(`stream ends with ${last ?? 'nothing'}`);
  return problems;
}

/** Runs `count` cases per route family; returns what it saw. */
export async function runFuzz(
  app: FastifyInstance,
  { count, seed, streamCount = Math.max(1, Math.round(count / 25)) }: FuzzOptions,
): Promise<FuzzStats> {
  const rng = prng(seed);
  const stats: FuzzStats = {
    databaseMatches: false,
    cases: 0,
    status5xx: 0,
    shapeViolations: 0,
    byStatus: {},
    streams: 0,
    failures: [],
  };
  // id → version, as the 2xx answers said.
  const saved = new Map<string, number>();
  const send = async (label: string, request: InjectOptions) => {
    const res = await app.inject(request);
    stats.cases += 1;
    stats.byStatus[res.statusCode] = (stats.byStatus[res.statusCode] ?? 0) + 1;
    const bad5xx = res.statusCode >= 500;
    const stream =
      res.statusCode === 200 &&
      String(res.headers['content-type'] ?? '').startsWith('text/event-stream');
    if (stream) stats.streams += 1;
    const streamProblems = stream ? sseProblems(res.body) : [];
    const badShape =
      (res.statusCode >= 300 && !isStandardError(res.body)) || streamProblems.length > 0;
    if (bad5xx) stats.status5xx += 1;
    if (badShape) stats.shapeViolations += 1;
    if ((bad5xx || badShape) && stats.failures.length < 20) {
      const shown = streamProblems.length > 0 ? streamProblems.join('; ') : res.body;
      stats.failures.push(
        `${label} ${request.method} ${String(request.url).slice(0, 80)} → ${res.statusCode} ${shown.slice(0, 200)}`,
      );
    }
    return res;
  };
  const headersFor = () => {
    const headers: Record<string, string> = {};
    const type = rng() < 0.85 ? 'application/json' : pick(rng, CONTENT_TYPES);
    if (type) headers['content-type'] = type;
    return headers;
  };
  const post = (label: string, url: string, valid: object) =>
    send(label, { method: 'POST', url, payload: mutateBody(rng, valid), headers: headersFor() });

  const someId = () =>
    saved.size > 0 && rng() < 0.7 ? pick(rng, [...saved.keys()]) : pick(rng, WEIRD_IDS);
  for (let i = 0; i < count; i++) {
    // Scenarios: create, replace, delete, read, with mutated bodies and If-Match variants.
    const created = await post('create', '/api/scenarios', VALID.scenario);
    if (created.statusCode === 201) saved.set(created.json().id, created.json().version);
    const putId = someId();
    const put = await send('put', {
      method: 'PUT',
      url: `/api/scenarios/${putId}`,
      payload: rng() < 0.5 ? JSON.stringify(VALID.scenario) : mutateBody(rng, VALID.scenario),
      headers: { ...headersFor(), ...(rng() < 0.9 ? { 'if-match': pick(rng, IF_MATCH) } : {}) },
    });
    if (put.statusCode === 200) saved.set(put.json().id, put.json().version);
    if (rng() < 0.3) {
      const delId = someId();
      const del = await send('delete', {
        method: 'DELETE',
        url: `/api/scenarios/${delId}`,
        headers: rng() < 0.7 ? { 'if-match': pick(rng, IF_MATCH) } : {},
      });
      if (del.statusCode === 204) saved.delete(delId);
    }
    await send('get scenario', { method: 'GET', url: `/api/scenarios/${someId()}` });
    await send('list', { method: 'GET', url: `/api/scenarios?${pick(rng, WEIRD_QUERIES)}` });
    // Models: evaluate (small trials), screen (coarse grid), site check, demand, report (csv).
    await post('evaluate', '/api/evaluate', VALID.evaluate);
    await post('screen', '/api/screen', VALID.screen);
    await post('check', '/api/sites/check', VALID.check);
    await post('demand', '/api/demand', VALID.demand);
    await post(
      'report',
      `/api/report?format=${rng() < 0.9 ? 'csv' : pick(rng, ['xml', '', 'pdf%00'])}`,
      VALID.scenario,
    );
    // Data routes with weird ids and queries.
    const dataPath = pick(rng, [
      '/api/campuses',
      '/api/sites',
      '/api/designs',
      '/api/interconnections',
      '/api/population/places',
      '/api/population/density',
    ]);
    await send('data', {
      method: 'GET',
      url: `${dataPath}${rng() < 0.5 ? `/${pick(rng, WEIRD_IDS)}` : `?${pick(rng, WEIRD_QUERIES)}`}`,
    });
    if (rng() < 0.1)
      await send('method', {
        method: pick(rng, ['PATCH', 'OPTIONS', 'PUT'] as const),
        url: '/api/evaluate',
      });
  }

  // Streamed and comparison routes: few cases, tiny bodies (trials 20, a coarse grid). A
  // comparison needs 2–4 saved scenario ids: valid ones from `saved`, mixed with weird ones.
  const compareBody = () => {
    const ids = [...saved.keys()];
    const n = pick(rng, [2, 2, 3, 4]);
    const scenarioIds = Array.from({ length: n }, (_, i) =>
      ids.length > 0 && rng() < 0.8
        ? ids[(i + Math.floor(rng() * ids.length)) % ids.length]!
        : pick(rng, WEIRD_IDS),
    );
    return { scenarioIds };
  };
  const format = () =>
    rng() < 0.85
      ? pick(rng, ['pdf', 'csv', 'geojson'])
      : pick(rng, ['xml', '', 'pdf%00', 'csv&format=pdf']);
  // Half valid, so the 200 streams (and their error events) are checked too.
  const postMostlyValid = (label: string, url: string, valid: object) =>
    rng() < 0.5
      ? send(label, {
          method: 'POST',
          url,
          payload: JSON.stringify(valid),
          headers: { 'content-type': 'application/json' },
        })
      : post(label, url, valid);
  for (let i = 0; i < streamCount; i++) {
    await postMostlyValid('compare', '/api/report/compare', compareBody());
    await postMostlyValid('report stream', `/api/report/stream?format=${format()}`, VALID.scenario);
    await postMostlyValid('compare stream', '/api/report/compare/stream', compareBody());
    await postMostlyValid('screen stream', '/api/screen/stream', VALID.screen);
  }

  // The database holds exactly what the 2xx answers said.
  const rows: { id: string; version: number }[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await app.inject({ url: `/api/scenarios?limit=500&offset=${offset}` });
    const list = page.json().scenarios as { id: string; version: number }[];
    rows.push(...list);
    if (list.length < 500) break;
  }
  const actual = new Map(rows.map((r) => [r.id, r.version]));
  const mismatch =
    actual.size !== saved.size || [...saved].some(([id, version]) => actual.get(id) !== version);
  if (mismatch) stats.failures.push(`database: ${actual.size} rows listed, ${saved.size} expected`);
  stats.databaseMatches = !mismatch;
  return stats;
}
