// Every migration, listed by hand. A static record instead of FileMigrationProvider: no
// directory scan, so migrations run the same from any cwd, under tsx, vitest or a bundle.
// Kysely orders migrations by name, so names start with their date and sequence number.
import type { Migration, MigrationProvider } from 'kysely';
import * as createScenarios from './2026_11_28_0001_create_scenarios.ts';
import * as scenarioOptimisation from './2026_12_03_0001_scenario_optimisation.ts';

export const migrations: Readonly<Record<string, Migration>> = {
  '2026_11_28_0001_create_scenarios': createScenarios,
  '2026_12_03_0001_scenario_optimisation': scenarioOptimisation,
};

export class StaticMigrationProvider implements MigrationProvider {
  constructor(private readonly record: Readonly<Record<string, Migration>> = migrations) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    return { ...this.record };
  }
}
