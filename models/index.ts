export * from './records.ts';
export * from './errors.ts';
export * from './units.ts';
export * from './calendar.ts';
export * from './rng.ts';
export * from './gpu-power.ts';
export * from './demand.ts';
