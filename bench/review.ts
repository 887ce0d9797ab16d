/**
 * Review benchmark: the real `genesys-access report` and `diff` CLI on a plan of `resources` resources, each in
 * a fresh process, against a fresh process that only JSON.parses the same file(s).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { bigPlan } from './big-plan';
import { median, ROOT } from './measure';
import type { BenchRow } from './run';

const CLI = path.join(ROOT, 'dist/lib/cli/main.js');

function wall(args: string[], okCodes: number[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const ms = performance.now() - t0;
  if (r.status === null || !okCodes.includes(r.status)) {
    throw new Error(`bench: node ${args.join(' ')} exited ${r.status}: ${(r.stderr || '').trim().split('\n').pop()}`);
  }
  return ms;
}

const PARSE = "for (const f of process.argv.slice(1)) JSON.parse(require('fs').readFileSync(f, 'utf8'))";

export function reviewBench(resources: number, repetitions: number): { rows: BenchRow[]; details: unknown } {
  if (!fs.existsSync(CLI)) throw new Error('bench: dist/lib/cli/main.js is missing; run `npm run build` first');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gca-bench-review-'));
  const base = path.join(dir, 'base.json');
  const head = path.join(dir, 'head.json');
  fs.writeFileSync(base, bigPlan(resources, 'base'));
  fs.writeFileSync(head, bigPlan(resources, 'head'));
  const report: number[] = [];
  const diff: number[] = [];
  const parseOne: number[] = [];
  const parseTwo: number[] = [];
  for (let i = 0; i < Math.max(repetitions, 3); i++) {
    parseOne.push(wall(['-e', PARSE, base], [0]));
    report.push(wall([CLI, 'report', base, '--format', 'json'], [0, 1]));
    parseTwo.push(wall(['-e', PARSE, base, head], [0]));
    diff.push(wall([CLI, 'diff', '--base', base, '--head', head, '--format', 'json'], [0, 1]));
  }
  const sizeMb = (fs.statSync(base).size / 1e6).toFixed(1);
  fs.rmSync(dir, { recursive: true, force: true });
  const row = (name: string, ours: number[], baseline: number[], what: string): BenchRow => {
    const [o, b] = [median(ours), median(baseline)];
    return {
      name,
      measured: `${o.toFixed(0)} ms`,
      baseline: `${b.toFixed(0)} ms (${what})`,
      ratio: o / b,
      goal: '<= 3',
      pass: o / b <= 3,
    };
  };
  return {
    rows: [
      row(`review: genesys-access report, ${resources} resources (${sizeMb} MB)`, report, parseOne, 'JSON.parse'),
      row(`review: genesys-access diff, ${resources} resources each side`, diff, parseTwo, 'JSON.parse x2'),
    ],
    details: { report, diff, parseOne, parseTwo, sizeMb },
  };
}
