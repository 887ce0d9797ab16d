/**
 * The docs show the numbers of the last full `npm run bench`: BENCHMARKS.md's table and machine line and the
 * README's summary are exactly what bench/results.json renders to, and that run was at full size.
 */
import * as fs from 'fs';
import * as path from 'path';
import { between, renderMachine, renderSummary, renderTable, SUMMARY_MARKERS, TABLE_MARKERS } from '../../bench/docs';
import { FULL, type BenchResults } from '../../bench/run';

const ROOT = path.resolve(__dirname, '../..');
const read = (f: string): string => fs.readFileSync(path.join(ROOT, f), 'utf8');
const results = JSON.parse(read('bench/results.json')) as BenchResults;

test('bench/results.json is a full run with every benchmark', () => {
  expect(results.config).toEqual(FULL);
  expect(results.rows.map((r) => r.name.split(/[ :(]/)[0])).toEqual([
    'synth',
    'synth',
    'rules',
    'review',
    'review',
    'plan',
    'hcl',
    'snapshot',
    'snapshot',
    'import',
  ]);
});

test("the snapshot rows meet their goals: the formula, and 1.5x the fake API's minimum", () => {
  const rows = results.rows.filter((r) => r.name.startsWith('snapshot'));
  expect(rows.map((r) => [r.goal, r.pass])).toEqual([
    ['<= 1 (the formula)', true],
    ['<= 1.5', true],
  ]);
});

test("BENCHMARKS.md shows the last run's table and machine", () => {
  expect(between(read('BENCHMARKS.md'), TABLE_MARKERS)).toBe(`${renderTable(results)}\n\n${renderMachine(results)}`);
});

test("the README links BENCHMARKS.md and summarizes the last run's ratios", () => {
  const readme = read('README.md');
  expect(readme).toContain('[BENCHMARKS.md](BENCHMARKS.md)');
  expect(between(readme, SUMMARY_MARKERS)).toBe(renderSummary(results));
});
