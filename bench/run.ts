/**
 * `npm run bench`: costs at the scale of a large contact-centre org, as ratios against baselines measured in the
 * same run. Prints a table and writes bench/results.json. `--smoke` runs tiny sizes (npm test does, so the bench
 * cannot rot). Needs `npm run build` first (the bench loads the compiled package, as users do).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { ALL_RULES } from '../dist/lib';
import { runRules } from '../dist/lib/rules/engine';
import { readCdktf } from '../dist/lib/sources/cdktf/read';
import { coldNode, growthExponent, median, ROOT, runChild } from './measure';
import { buildWithConstructs, LARGE_ORG, type OrgSize } from './org';
import { renderMachine, renderSummary, renderTable, replaceBetween, SUMMARY_MARKERS, TABLE_MARKERS } from './docs';
import { planBench } from './plan';
import { reviewBench } from './review';
import { snapshotBench, type SnapshotSize } from './snapshot';

/** Bench sizes. */
export interface BenchConfig {
  readonly org: OrgSize;
  readonly repetitions: number;
  readonly reviewResources: number;
  /** Resources of the `terraform show -json` plan the plan-reading row reads. */
  readonly planResources: number;
  /** Resources of the HCL module read by the hcl row. */
  readonly hclResources: number;
  readonly snapshot: SnapshotSize;
}

export const FULL: BenchConfig = {
  org: LARGE_ORG,
  repetitions: 5,
  reviewResources: 50000,
  planResources: 50000,
  hclResources: 5000,
  snapshot: { users: 10000, divisions: 50, roles: 300, clients: 500, groups: 50, latencyMs: 20, concurrency: 8 },
};
export const SMOKE: BenchConfig = {
  org: { clients: 12, divisions: 3, roles: 4 },
  repetitions: 1,
  reviewResources: 400,
  planResources: 400,
  hclResources: 40,
  snapshot: { users: 40, divisions: 3, roles: 6, clients: 5, groups: 2, latencyMs: 1, concurrency: 8 },
};

/** One row of the results table. */
export interface BenchRow {
  readonly name: string;
  readonly measured: string;
  readonly baseline: string;
  readonly ratio: number;
  readonly goal: string;
  readonly pass: boolean;
}

export interface BenchResults {
  readonly machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; platform: string };
  readonly config: BenchConfig;
  readonly rows: readonly BenchRow[];
  readonly details: Record<string, unknown>;
}

function benchSynth(cfg: BenchConfig): { row: BenchRow; rss: BenchRow; details: unknown } {
  const args = [cfg.org.clients, cfg.org.divisions, cfg.org.roles].map(String);
  const ours: Array<{ ms: number; maxRssMb: number }> = [];
  const raw: Array<{ ms: number; maxRssMb: number }> = [];
  for (let i = 0; i < cfg.repetitions; i++) {
    raw.push(runChild('bench/synth-child.ts', ['raw', ...args]));
    ours.push(runChild('bench/synth-child.ts', ['constructs', ...args]));
  }
  const [om, rm] = [median(ours.map((x) => x.ms)), median(raw.map((x) => x.ms))];
  const [orss, rrss] = [median(ours.map((x) => x.maxRssMb)), median(raw.map((x) => x.maxRssMb))];
  const size = `${cfg.org.clients} clients x ${cfg.org.divisions} divisions, ${cfg.org.roles} roles`;
  return {
    row: {
      name: `synth (${size}): constructs + rules vs raw bindings`,
      measured: `${om.toFixed(0)} ms`,
      baseline: `${rm.toFixed(0)} ms`,
      ratio: om / rm,
      goal: '<= 1.3',
      pass: om / rm <= 1.3,
    },
    rss: {
      name: 'synth peak RSS',
      measured: `${orss.toFixed(0)} MB`,
      baseline: `${rrss.toFixed(0)} MB`,
      ratio: orss / rrss,
      goal: 'reported',
      pass: true,
    },
    details: { ours, raw },
  };
}

function benchRules(cfg: BenchConfig): { row: BenchRow; details: unknown } {
  // 1x, 2x and 4x the org: clients and roles scale, each client still holds one role in every division.
  const plans = [1, 2, 4].map((k) => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'gca-bench-rules-')) });
    const size = { ...cfg.org, clients: cfg.org.clients * k, roles: cfg.org.roles * k };
    const json = buildWithConstructs(app, size).toTerraform();
    fs.rmSync(app.outdir, { recursive: true, force: true });
    return { k, json, clients: size.clients };
  });
  const validate = (json: unknown): unknown => runRules(readCdktf(json), ALL_RULES);
  // Warm up (JIT, catalog tables), then interleave the sizes so heap and GC state weigh on each alike.
  for (const p of plans) validate(p.json);
  const samples: number[][] = plans.map(() => []);
  for (let round = 0; round < Math.max(cfg.repetitions * 2, 7); round++) {
    plans.forEach((p, i) => {
      const t0 = performance.now();
      validate(p.json);
      samples[i]!.push(performance.now() - t0);
    });
  }
  const points = plans.map((p, i) => ({ x: p.k, y: median(samples[i]!), clients: p.clients }));
  const exponent = growthExponent(points);
  return {
    row: {
      name: `rules: plan + every rule at 1x/2x/4x (${points.map((p) => `${p.y.toFixed(0)} ms`).join(' / ')})`,
      measured: `exponent ${exponent.toFixed(2)}`,
      baseline: 'linear = 1.00',
      ratio: exponent,
      goal: '~1 (linear)',
      pass: exponent <= 1.2,
    },
    details: points,
  };
}

function benchImport(cfg: BenchConfig): { row: BenchRow; details: unknown } {
  const ours: number[] = [];
  const core: number[] = [];
  for (let i = 0; i < Math.max(cfg.repetitions * 2, 3); i++) {
    core.push(coldNode("require('cdktf')"));
    ours.push(coldNode("require('cdktf-genesyscloud-access')"));
  }
  const [om, cm] = [median(ours), median(core)];
  return {
    row: {
      name: "import: cold require('cdktf-genesyscloud-access') vs require('cdktf')",
      measured: `${om.toFixed(0)} ms`,
      baseline: `${cm.toFixed(0)} ms`,
      ratio: om / cm,
      goal: '<= 1.5',
      pass: om / cm <= 1.5,
    },
    details: { ours, core },
  };
}

/** Reading an HCL module into a graph vs a bare hcl2json parse of its files (both in one fresh process). */
function benchHcl(cfg: BenchConfig): { row: BenchRow; details: unknown } {
  const r = runChild<{ ours: number[]; bare: number[]; files: number }>('bench/hcl-child.ts', [
    String(cfg.hclResources),
    String(Math.max(1, Math.min(cfg.repetitions, 3))),
  ]);
  const [om, bm] = [median(r.ours), median(r.bare)];
  return {
    row: {
      name: `hcl: read a ${cfg.hclResources}-resource HCL module (${r.files} files) into the graph`,
      measured: `${om.toFixed(0)} ms`,
      baseline: `${bm.toFixed(0)} ms (hcl2json parse)`,
      ratio: om / bm,
      goal: '<= 1.5',
      pass: om / bm <= 1.5,
    },
    details: r,
  };
}

export function runBench(cfg: BenchConfig, log: (s: string) => void = () => undefined): BenchResults {
  if (!fs.existsSync(path.join(ROOT, 'dist/lib/index.js')))
    throw new Error('bench: dist/ is missing; run `npm run build` first');
  const rows: BenchRow[] = [];
  const details: Record<string, unknown> = {};
  log('synth ...');
  const synth = benchSynth(cfg);
  rows.push(synth.row, synth.rss);
  details.synth = synth.details;
  log('rules ...');
  const rules = benchRules(cfg);
  rows.push(rules.row);
  details.rules = rules.details;
  log('review ...');
  const review = reviewBench(cfg.reviewResources, cfg.repetitions);
  rows.push(...review.rows);
  details.review = review.details;
  log('plan ...');
  const plan = planBench(cfg.planResources, cfg.repetitions);
  rows.push(plan.row);
  details.plan = plan.details;
  log('hcl ...');
  const hcl = benchHcl(cfg);
  rows.push(hcl.row);
  details.hcl = hcl.details;
  log('snapshot ...');
  const snap = snapshotBench(cfg.snapshot, cfg.repetitions);
  rows.push(...snap.rows);
  details.snapshot = snap.details;
  log('import ...');
  const imp = benchImport(cfg);
  rows.push(imp.row);
  details.import = imp.details;
  const cpus = os.cpus();
  return {
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model ?? 'unknown',
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      platform: `${os.platform()} ${os.arch()}`,
    },
    config: cfg,
    rows,
    details,
  };
}

/** Writes the latest full run into BENCHMARKS.md (table and machine) and README.md (summary line). */
function updateDocs(results: BenchResults): void {
  const bench = path.join(ROOT, 'BENCHMARKS.md');
  const table = `${renderTable(results)}\n\n${renderMachine(results)}`;
  fs.writeFileSync(bench, replaceBetween(fs.readFileSync(bench, 'utf8'), TABLE_MARKERS, table, 'BENCHMARKS.md'));
  const readme = path.join(ROOT, 'README.md');
  const summary = renderSummary(results);
  fs.writeFileSync(readme, replaceBetween(fs.readFileSync(readme, 'utf8'), SUMMARY_MARKERS, summary, 'README.md'));
}

if (require.main === module) {
  const smoke = process.argv.includes('--smoke');
  const t0 = performance.now();
  const results = runBench(smoke ? SMOKE : FULL, (s) => process.stderr.write(`${s}\n`));
  const out = path.join(ROOT, 'bench', smoke ? 'results.smoke.json' : 'results.json');
  fs.writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
  if (!smoke) updateDocs(results);
  console.log(renderTable(results));
  console.log(
    `\n${results.machine.cpus} x ${results.machine.cpuModel}, ${results.machine.memoryGb} GB, Node ${results.machine.node}; ${((performance.now() - t0) / 1000).toFixed(0)} s; wrote ${path.relative(ROOT, out)}`,
  );
}
