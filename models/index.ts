export * from './records.ts';
export * from './errors.ts';
export * from './units.ts';
