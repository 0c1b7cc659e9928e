// `npm run bench` (also alone: `node --import tsx tests/bench/engine-vs-c.ts`): the engine's Monte
// Carlo core against a plain C implementation of the same event-based work
// (tests/bench/kernel/trials.c, compiled here with gcc -O2), on the fleet shapes of issue 13:
// 1 unit, 4 units with storage, 9, 18 and 36 units, 1,000 trials each. For each shape both run
// in this one process's run, JS in-process and C as a child; their per-trial sums and histograms
// must agree bit for bit (else the comparison is not of the same work and the bench fails). The
// table gives each side's median ms over the repeats and the ratio JS / C (issue 13's bar: ≤ 1).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runPlanTrials, type TrialPartial } from '../../models/coverage.ts';
import { FLEET_SHAPES, simOf } from './fleet-shapes.ts';
import { differences, planBytes, readKernelResult } from './kernel/plan-file.ts';

const REPEATS = Number(process.env.ENGINE_BENCH_REPEATS ?? 15);
const WARMUP = 5;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const dir = mkdtempSync(join(tmpdir(), 'engine-vs-c-'));
try {
  const source = fileURLToPath(new URL('./kernel/trials.c', import.meta.url));
  const binary = join(dir, 'trials');
  execFileSync('gcc', ['-O2', '-ffp-contract=off', '-o', binary, source, '-lm'], {
    stdio: 'inherit',
  });
  const rows: string[][] = [['shape', 'units', 'JS ms', 'C ms', 'JS / C', 'same bits']];
  let failed = false;
  for (const shape of FLEET_SHAPES) {
    const sim = simOf(shape);
    const planPath = join(dir, 'plan.bin');
    const outPath = join(dir, 'out.bin');
    writeFileSync(planPath, planBytes(sim));
    const cText = execFileSync(binary, [planPath, String(WARMUP + REPEATS), outPath], {
      encoding: 'utf8',
    });
    const cMs = median(cText.trim().split('\n').map(Number).slice(WARMUP));
    const kernel = readKernelResult(sim, readFileSync(outPath));
    let partial: TrialPartial | null = null;
    for (let i = 0; i < WARMUP; i += 1) runPlanTrials(sim, 0, sim.trials);
    const jsTimes: number[] = [];
    for (let i = 0; i < REPEATS; i += 1) {
      const t0 = performance.now();
      partial = runPlanTrials(sim, 0, sim.trials);
      jsTimes.push(performance.now() - t0);
    }
    const jsMs = median(jsTimes);
    const diff = differences(kernel, partial as TrialPartial);
    if (diff.length > 0) {
      failed = true;
      console.error(`${shape.name}: the C kernel and the engine differ:\n  ${diff.join('\n  ')}`);
    }
    rows.push([
      shape.name,
      String(sim.units.count),
      jsMs.toFixed(2),
      cMs.toFixed(2),
      (jsMs / cMs).toFixed(2),
      diff.length === 0 ? 'yes' : 'NO',
    ]);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  console.log(
    `\nMonte Carlo core, JS against C (${REPEATS} runs each, medians, ${new Date().toISOString()})`,
  );
  for (const row of rows) {
    console.log(
      row
        .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
        .join('  '),
    );
  }
  if (failed) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
