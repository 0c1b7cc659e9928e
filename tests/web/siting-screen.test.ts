// Screening in the web app without a browser: the instant re-rank reproduces the server's
// scores (Lancaster at 150 km, from the server's own answer), the SSE parser survives chunks
// cut anywhere, and the controller sends one request per slider drag and keeps the last good
// result on failure.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ScreenedSite, ScreenRequest, ScreenResponse } from '../../web/api/siting-types.ts';
import { parseSse } from '../../web/api/sse.ts';
import { rerank } from '../../web/features/siting/rerank.ts';
import {
  createScreenController,
  WEIGHT_DEBOUNCE_MS,
  type ScreenState,
} from '../../web/features/siting/screen-controller.ts';

// The answer below was recorded before the interconnection criterion existed: weight 0 for it
// reproduces those scores exactly.
const DEFAULTS = {
  populationMargin: 30,
  distance: 25,
  seismic: 15,
  brownfield: 15,
  water: 15,
  interconnection: 0,
};

/** Criterion scores as /api/screen answered them for coreweave-lancaster, bwrx-300, 150 km. */
function site(siteId: string, scores: Partial<typeof DEFAULTS>, excluded = false): ScreenedSite {
  const all = {
    seismic: 1,
    brownfield: 1,
    water: 1,
    populationMargin: 0,
    distance: 0,
    interconnection: 1,
    ...scores,
  };
  return {
    siteId,
    name: siteId,
    kind: 'nuclear-plant',
    lat: 40,
    lon: -76,
    score: 0,
    excluded,
    reasons: [
      ...(excluded ? ['Excluded: population-centre-distance fails (0.61 mi, limit 0.667).'] : []),
      'Population margin 3 of 30: RG 4.7 worst density 450/mi² within 5 mi.',
      'Distance 16.1 of 25: 42 km to the campus, ac line at 345 kV, $168.7M.',
      'Seismic 15 of 15: low hazard (approximate zones).',
      'Brownfield 15 of 15: 0.2 km from Crane.',
      'Water 15 of 15: Susquehanna River.',
      'Interconnection 0 of 0: 0 km to an EIA-860 2019 plant at 500 kV.',
    ],
    criteria: {
      distanceKm: 42,
      routeKm: 54.6,
      lineKind: 'ac',
      voltageKv: 345,
      transmissionCapexUsd: 168.7e6,
      lossFraction: 0.012,
      worstDensityPerMi2: 450,
      worstDensityRadiusMi: 5,
      populationCentre: null,
      hazard: 'low',
      brownfield: true,
      brownfieldDistanceKm: 0.2,
      water: 'known',
      waterSource: 'Susquehanna River',
      interconnection: { plantId: 'eia-6103', name: siteId, kv: 500, km: 0 },
      interconnection230: null,
      scores: all,
      points: all,
    },
  };
}
const lancaster = [
  site('susquehanna', { populationMargin: 0.663220182670395, distance: 0.1978337389970667 }),
  site('crane-tmi1', { populationMargin: 0.10046757932944961, distance: 0.6441425564275775 }),
  site('brandon-shores', { populationMargin: 0, distance: 0.2995420436903564 }, true),
];
const ranked = (weights: typeof DEFAULTS) =>
  rerank(lancaster, weights).map((s) => [s.siteId, s.score]);

describe('instant re-rank', () => {
  it('reproduces the server scores under the default weights', () => {
    expect(ranked(DEFAULTS)).toEqual([
      ['susquehanna', 69.8],
      ['crane-tmi1', 64.1],
      ['brandon-shores', 52.5],
    ]);
  });

  it('puts TMI-1 (Crane) first with distance weight 100, as the server does', () => {
    expect(ranked({ ...DEFAULTS, distance: 100 })).toEqual([
      ['crane-tmi1', 64.2],
      ['susquehanna', 48.4],
      ['brandon-shores', 42.8],
    ]);
  });

  it('keeps an excluded site last whatever its score', () => {
    const weights = { ...DEFAULTS, populationMargin: 0, distance: 0 };
    expect(rerank(lancaster, weights).at(-1)?.siteId).toBe('brandon-shores');
  });

  it('gives the criterion earning the most points as the top reason, with its points', () => {
    const [crane] = rerank(lancaster, { ...DEFAULTS, distance: 100 });
    expect(crane.topReason).toBe(
      'Distance (36.8 of 57.1 pts): 42 km to the campus, ac line at 345 kV, $168.7M.',
    );
  });

  it('gives an excluded site its failing hard check as the top reason', () => {
    expect(rerank(lancaster, DEFAULTS).at(-1)?.topReason).toMatch(/^Excluded: population-centre/);
  });
});

describe('server-sent events parser', () => {
  const stream =
    'event: progress\ndata: {"done":58,"total":1989}\n\n: a comment\nevent: result\ndata: {"a":\ndata: 1}\n\n';

  it('reads whole events and keeps the unfinished tail', () => {
    const { events, rest } = parseSse('event: progress\ndata: {"done":1}\n\nevent: res');
    expect(events).toEqual([{ event: 'progress', data: '{"done":1}' }]);
    expect(rest).toBe('event: res');
  });

  it('gives the same events however the stream is cut into chunks', () => {
    for (const size of [1, 3, 7, 1000]) {
      let buffer = '';
      const seen: string[] = [];
      for (let i = 0; i < stream.length; i += size) {
        const parsed = parseSse(buffer + stream.slice(i, i + size));
        buffer = parsed.rest;
        seen.push(...parsed.events.map((e) => `${e.event}:${e.data}`));
      }
      expect(seen).toEqual(['progress:{"done":58,"total":1989}', 'result:{"a":\n1}']);
    }
  });
});

describe('screen controller', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const request: ScreenRequest = {
    campus: { id: 'coreweave-lancaster' },
    designId: 'bwrx-300',
    radiusKm: 150,
    weights: DEFAULTS,
  };
  const response = { sites: lancaster, weights: DEFAULTS } as unknown as ScreenResponse;

  function setUp(answer: () => Promise<ScreenResponse>) {
    const sent: { request: ScreenRequest; signal: AbortSignal }[] = [];
    const states: ScreenState[] = [];
    const controller = createScreenController(
      (req, _progress, signal) => {
        sent.push({ request: req, signal });
        return answer();
      },
      (state) => states.push(state),
    );
    return { controller, sent, states };
  }

  it('re-ranks at once, then sends one request for a burst of weight changes', async () => {
    const { controller, sent } = setUp(async () => response);
    controller.run(request);
    await vi.runAllTimersAsync();
    for (const distance of [50, 75, 100]) controller.reweight({ ...DEFAULTS, distance });
    expect(controller.get().ranked[0].siteId).toBe('crane-tmi1');
    expect(controller.get().tableStale).toBe(false);
    await vi.advanceTimersByTimeAsync(WEIGHT_DEBOUNCE_MS);
    expect(sent.map((s) => s.request.weights?.distance)).toEqual([25, 100]);
  });

  it('cancels the request in flight when a newer one starts', async () => {
    const { controller, sent } = setUp(() => new Promise(() => {}));
    controller.run(request);
    await vi.runAllTimersAsync();
    controller.run({ ...request, radiusKm: 300 });
    expect(sent[0].signal.aborted).toBe(true);
    expect(controller.get().tableStale).toBe(true);
  });

  it('keeps the last good result and reports the error when a run fails', async () => {
    let fail = false;
    const { controller } = setUp(async () => {
      if (fail) throw new Error('radiusKm: 5000 is over 1000');
      return response;
    });
    controller.run(request);
    await vi.runAllTimersAsync();
    fail = true;
    controller.run({ ...request, radiusKm: 5000 });
    await vi.runAllTimersAsync();
    expect(controller.get().result?.request.radiusKm).toBe(150);
    expect(controller.get().error).toMatch(/5000/);
    expect(controller.get().loading).toBe(false);
  });
});
