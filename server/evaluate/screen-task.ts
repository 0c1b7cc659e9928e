// The screen as a task a worker thread (or the caller, inline) runs: the model's screenSteps,
// progress posted as it goes, and the answer as the JSON text the route sends, so the event
// loop neither computes nor serialises a 20,000-cell grid.
import fastJsonStringify from 'fast-json-stringify';
import type { GeoData } from '../../geo-data/load.ts';
import { ModelError } from '../../models/errors.ts';
import type { Design } from '../../models/records.ts';
import {
  createSitingData,
  screenSteps,
  type CampusPoint,
  type ScreenProgress,
  type SitingData,
} from '../../models/siting.ts';
import type { PopulationIndex } from '../population/index.ts';
import { ScreenResponse, type ScreenBody } from '../schemas/siting.ts';
import type { TaskOutcome } from './tasks.ts';

export type ScreenGeo = Pick<GeoData, 'seismicZones' | 'sites' | 'interconnections'>;

export interface ScreenTask {
  body: ScreenBody;
  campus: CampusPoint;
  design: Design;
  /** 'route': the /api/screen body (its response schema); 'stream': the stream's result data. */
  format: 'route' | 'stream';
}

// The same serialiser Fastify builds from the response schema, so the text is what it sent.
const stringifyReply = fastJsonStringify(ScreenResponse as object);

export function sitingDataOf(geo: ScreenGeo, population: PopulationIndex): SitingData {
  const { seismicZones, sites, interconnections } = geo;
  return createSitingData({ population, seismicZones, sites, interconnections });
}

export function runScreen(
  task: ScreenTask,
  data: SitingData,
  onProgress: (progress: ScreenProgress) => void,
): TaskOutcome {
  try {
    const steps = screenSteps(data, { ...task.body, campus: task.campus, design: task.design });
    let step = steps.next();
    while (!step.done) {
      onProgress(step.value);
      step = steps.next();
    }
    const reply = { designId: task.body.designId, campus: task.campus, ...step.value };
    return {
      ok: true,
      value: task.format === 'route' ? stringifyReply(reply) : JSON.stringify(reply),
    };
  } catch (error) {
    if (error instanceof ModelError) {
      return {
        ok: false,
        error: { code: error.code, message: error.message, details: error.details },
      };
    }
    return {
      ok: false,
      error: { message: error instanceof Error ? (error.stack ?? error.message) : String(error) },
    };
  }
}
