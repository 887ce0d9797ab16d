/**
 * Snapshot benchmark: `genesys-access snapshot` (the built package's live reader) against the fake Platform API
 * in its own process, with a network latency per request. Two rows: the calls against the formula of
 * BENCHMARKS.md (and against one grants call per user), and the wall time against the fake server's own
 * minimum for the same requests at the same concurrency (the requests replayed by a bare fetch loop).
 */
import { median, runChild } from './measure';
import type { BenchRow } from './run';

/** The org and network of the snapshot benchmark. */
export interface SnapshotSize {
  readonly users: number;
  readonly divisions: number;
  readonly roles: number;
  readonly clients: number;
  readonly groups: number;
  /** Wait of the fake server before each answer. */
  readonly latencyMs: number;
  /** Requests in flight (the snapshot's default). */
  readonly concurrency: number;
}

interface ChildResult {
  readonly snapshotMs: number[];
  readonly baselineMs: number[];
  readonly calls: number;
  readonly replayed: number;
  readonly formula: number;
  readonly perUser: number;
}

export function snapshotBench(size: SnapshotSize, repetitions: number): { rows: BenchRow[]; details: unknown } {
  const r = runChild<ChildResult>('bench/snapshot-child.ts', [
    ...[size.users, size.divisions, size.roles, size.clients, size.groups, size.latencyMs, size.concurrency].map(
      String,
    ),
    String(Math.max(repetitions, 3)),
  ]);
  const [s, b] = [median(r.snapshotMs), median(r.baselineMs)];
  const org = `${size.users} users, ${size.roles} roles, ${size.divisions} divisions, ${size.clients} clients`;
  return {
    rows: [
      {
        name: `snapshot calls (${org}): list pages + grants pages per role + constant`,
        measured: `${r.calls} calls`,
        baseline: `formula ${r.formula} (one grants call per user: ${r.perUser})`,
        ratio: r.calls / r.formula,
        goal: '<= 1 (the formula)',
        pass: r.calls <= r.formula,
      },
      {
        name: `snapshot wall time (${r.calls} requests, ${size.latencyMs} ms latency, concurrency ${size.concurrency})`,
        measured: `${s.toFixed(0)} ms`,
        baseline: `${b.toFixed(0)} ms (the fake API's minimum: the same requests replayed)`,
        ratio: s / b,
        goal: '<= 1.5',
        pass: s / b <= 1.5,
      },
    ],
    details: r,
  };
}
