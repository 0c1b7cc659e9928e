// HiGHS (the `highs` package: HiGHS compiled to WebAssembly, no native build) behind the pure
// relaxation's LpSolver. Loaded once per process on first use.
import * as highsModule from 'highs';
import type { LpSolution, LpSolver } from '../../models/optimise/relaxation.ts';

type Loader = () => Promise<{
  solve(
    lp: string,
    options: Record<string, unknown>,
  ): { Status: string; Columns?: Record<string, unknown> };
}>;
// The package is CommonJS: under Node's ESM interop its loader is the module itself or .default.
const loadHighs: Loader =
  (highsModule as unknown as { default?: Loader }).default ?? (highsModule as unknown as Loader);

let loading: Promise<LpSolver> | null = null;

export function highsSolver(): Promise<LpSolver> {
  loading ??= loadHighs().then((highs) => (lp: string): LpSolution => {
    const result = highs.solve(lp, { output_flag: false, mip_rel_gap: 0 });
    const columns: Record<string, number> = {};
    for (const [name, column] of Object.entries(result.Columns ?? {})) {
      columns[name] = (column as { Primal?: number }).Primal ?? 0;
    }
    return { status: result.Status, columns };
  });
  return loading as Promise<LpSolver>;
}
