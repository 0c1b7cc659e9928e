// The job routes (issue 13): a long computation (the optimiser first) runs as a job; these are
// its status, as GET /api/jobs/:id answers it and its event stream sends it. A job kind's
// result schema is its own (the optimiser's later), so `result` is unknown here.
import { Type, type Static } from 'typebox';

export const JOB_STATES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type JobStateName = (typeof JOB_STATES)[number];
/** The states a job never leaves. */
export const FINISHED_JOB_STATES: readonly JobStateName[] = ['done', 'failed', 'cancelled'];

export const JobState = Type.Enum(JOB_STATES, {
  description: 'queued → running → done | failed | cancelled (a queued job can be cancelled too)',
});

export const JobProgress = Type.Object(
  {
    done: Type.Number({ minimum: 0, description: 'Work items finished' }),
    total: Type.Number({ minimum: 0, description: 'Work items known so far (0: not yet known)' }),
  },
  { additionalProperties: true, description: 'done of total, plus what the job kind adds' },
);
/** done and total, plus the job kind's own fields (TypeBox's Static drops the index signature). */
export type JobProgressBody = Static<typeof JobProgress> & { [key: string]: unknown };

export const JobError = Type.Object({ code: Type.String(), message: Type.String() });
export type JobErrorBody = Static<typeof JobError>;

export const JobStatus = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    kind: Type.String({ description: 'What the job computes, e.g. "optimise"' }),
    state: JobState,
    progress: JobProgress,
    cancelRequested: Type.Boolean({
      description: 'DELETE was asked; a running job stays running until its work stops',
    }),
    result: Type.Optional(Type.Unknown({ description: "The job kind's answer, once done" })),
    error: Type.Optional(JobError),
    createdAt: Type.String({ format: 'date-time' }),
    startedAt: Type.Optional(Type.String({ format: 'date-time' })),
    finishedAt: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { $id: 'JobStatus', description: "A job's state, progress and, once done, its result" },
);
export type JobStatusBody = Omit<Static<typeof JobStatus>, 'progress'> & {
  progress: JobProgressBody;
};

export const JobIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export type JobIdParamsT = Static<typeof JobIdParams>;

export const JOB_EVENTS_DESCRIPTION =
  'Server-sent events: `progress` with the job status on each change (the current status ' +
  'first), then one `done` with the final status (state done, failed or cancelled), and the ' +
  'stream ends. A job already finished sends only `done`.';
