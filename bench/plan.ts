/**
 * Plan-reading benchmark: reading a `terraform show -json` plan of `resources` resources into the access graph
 * as every command does (detect the format, read and parse the file, normalise the planned values, read them)
 * against reading and `JSON.parse`-ing the same file. Each sample is a fresh process that times only that work
 * (not Node's start-up or module loading), so no run inherits another's garbage.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { bigTerraformPlan } from './big-tfplan';
import { median, ROOT } from './measure';
import type { BenchRow } from './run';

const SOURCES = path.join(ROOT, 'dist/lib/sources/terraform-plan/index.js');

const PARSE = `const f = process.argv[1]; const fs = require('fs');
const t = performance.now(); JSON.parse(fs.readFileSync(f, 'utf8'));
console.log(JSON.stringify({ ms: performance.now() - t }));`;

const READ = `const f = process.argv[1]; const { TERRAFORM_PLAN } = require(${JSON.stringify(SOURCES)});
const t = performance.now();
if (!TERRAFORM_PLAN.detect(f, '/')) throw new Error('not detected as a plan');
const [s] = TERRAFORM_PLAN.load(f, '/');
console.log(JSON.stringify({ ms: performance.now() - t, principals: s.graph.principals.length }));`;

function sample(code: string, file: string): { ms: number; principals?: number } {
  const r = spawnSync(process.execPath, ['-e', code, file], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bench: plan read failed: ${(r.stderr || '').trim().split('\n').pop()}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as { ms: number; principals?: number };
}

export function planBench(resources: number, repetitions: number): { row: BenchRow; details: unknown } {
  if (!fs.existsSync(SOURCES)) throw new Error('bench: dist/ is missing; run `npm run build` first');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gca-bench-plan-'));
  const file = path.join(dir, 'plan.json');
  fs.writeFileSync(file, bigTerraformPlan(resources));
  const sizeMb = (fs.statSync(file).size / 1e6).toFixed(1);
  const ours: number[] = [];
  const baseline: number[] = [];
  let principals = 0;
  for (let i = 0; i < Math.max(repetitions, 5); i++) {
    baseline.push(sample(PARSE, file).ms);
    const r = sample(READ, file);
    ours.push(r.ms);
    principals = r.principals ?? 0;
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const [o, b] = [median(ours), median(baseline)];
  return {
    row: {
      name: `plan: read a terraform show -json plan, ${resources} resources (${sizeMb} MB, ${principals} principals)`,
      measured: `${o.toFixed(0)} ms`,
      baseline: `${b.toFixed(0)} ms (JSON.parse)`,
      ratio: o / b,
      goal: '<= 2',
      pass: o / b <= 2,
    },
    details: { ours, baseline, sizeMb, principals },
  };
}
