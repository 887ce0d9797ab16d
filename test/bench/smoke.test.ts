/**
 * A tiny run of `npm run bench` so the benchmark cannot rot. It checks that every benchmark runs and reports a
 * ratio; it does not judge speed (tiny sizes are all start-up noise, and timed tests are not how we measure).
 */
import { renderTable } from '../../bench/docs';
import { runBench, SMOKE } from '../../bench/run';

test('npm run bench runs end to end at tiny sizes', () => {
  const r = runBench(SMOKE);
  expect(r.rows.map((row) => row.name.split(':')[0])).toEqual([
    'synth (12 clients x 3 divisions, 4 roles)',
    'synth peak RSS',
    'rules',
    'review',
    'review',
    'plan',
    'hcl',
    'snapshot calls (40 users, 6 roles, 3 divisions, 5 clients)',
    expect.stringMatching(/^snapshot wall time \(\d+ requests, 1 ms latency, concurrency 8\)$/),
    'import',
  ]);
  // The snapshot makes exactly the formula's calls, far fewer than one per user.
  const calls = r.rows.find((row) => row.name.startsWith('snapshot calls'))!;
  expect(calls.pass).toBe(true);
  expect(calls.ratio).toBe(1);
  for (const row of r.rows) expect(Number.isFinite(row.ratio) && row.ratio > 0).toBe(true);
  expect(renderTable(r).split('\n')).toHaveLength(2 + r.rows.length);
  expect(r.machine.cpus).toBeGreaterThan(0);
}, 120000);
