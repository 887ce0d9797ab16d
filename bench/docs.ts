/**
 * The measured numbers in the docs: `npm run bench` writes its table into BENCHMARKS.md and a one-line summary
 * into README.md, between marker comments, so the docs always show the latest full run (bench/results.json).
 */
import type { BenchResults, BenchRow } from './run';

export const TABLE_MARKERS = ['<!-- bench:table:start -->', '<!-- bench:table:end -->'] as const;
export const SUMMARY_MARKERS = ['<!-- bench:summary:start -->', '<!-- bench:summary:end -->'] as const;

/** The results as a markdown table. */
export function renderTable(r: BenchResults): string {
  const lines = [
    '| benchmark | measured | baseline (same run) | ratio | goal | ok |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const row of r.rows)
    lines.push(
      `| ${row.name} | ${row.measured} | ${row.baseline} | ${row.ratio.toFixed(2)} | ${row.goal} | ${row.pass ? 'yes' : 'NO'} |`,
    );
  return lines.join('\n');
}

/** The machine line under the table. */
export function renderMachine(r: BenchResults): string {
  const m = r.machine;
  return `Measured on ${m.cpus} x ${m.cpuModel}, ${m.memoryGb} GB RAM, ${m.platform}, Node ${m.node}.`;
}

function find(r: BenchResults, prefix: string): BenchRow {
  const row = r.rows.find((x) => x.name.startsWith(prefix));
  if (!row) throw new Error(`bench: no "${prefix}" row in the results`);
  return row;
}

/** One line with the ratios, for the README. */
export function renderSummary(r: BenchResults): string {
  const synth = find(r, 'synth (');
  const rules = find(r, 'rules');
  const report = find(r, 'review: genesys-access report');
  const diff = find(r, 'review: genesys-access diff');
  const plan = find(r, 'plan: read');
  const imp = find(r, 'import');
  const hcl = find(r, 'hcl');
  const calls = find(r, 'snapshot calls');
  const wall = find(r, 'snapshot wall time');
  const s = r.config.snapshot;
  return (
    `Latest run (${r.machine.cpus} cores): synth of ${r.config.org.clients} clients x ${r.config.org.divisions} divisions ` +
    `with our constructs and rules ${synth.ratio.toFixed(2)}x the raw bindings (goal <= 1.3); rule validation grows ` +
    `with exponent ${rules.ratio.toFixed(2)} (linear = 1); \`report\` ${report.ratio.toFixed(2)}x and \`diff\` ` +
    `${diff.ratio.toFixed(2)}x a bare JSON.parse of a ${r.config.reviewResources}-resource plan (goal <= 3); ` +
    `reading a \`terraform show -json\` plan of ${r.config.planResources} resources ${plan.ratio.toFixed(2)}x its ` +
    `JSON.parse (goal <= 2); reading a ${r.config.hclResources}-resource HCL module ${hcl.ratio.toFixed(2)}x a bare ` +
    `hcl2json parse (goal <= 1.5); cold import ${imp.ratio.toFixed(2)}x \`require('cdktf')\` (goal <= 1.5); a ` +
    `snapshot of ${s.users} users and ${s.roles} roles in ${calls.measured} (the formula's count: ` +
    `${calls.baseline.replace(/^formula (\d+).*$/, '$1')}), ${wall.ratio.toFixed(2)}x the fake API's minimum (goal <= 1.5).`
  );
}

/** Replaces the text between `markers` in `doc` (the markers stay). */
export function replaceBetween(doc: string, markers: readonly [string, string], body: string, file: string): string {
  const a = doc.indexOf(markers[0]);
  const b = doc.indexOf(markers[1]);
  if (a === -1 || b < a) throw new Error(`bench: ${file} lacks the markers ${markers[0]} ... ${markers[1]}`);
  return `${doc.slice(0, a + markers[0].length)}\n${body}\n${doc.slice(b)}`;
}

/** The text between `markers`, trimmed. */
export function between(doc: string, markers: readonly [string, string]): string {
  const a = doc.indexOf(markers[0]);
  const b = doc.indexOf(markers[1]);
  return a === -1 || b < a ? '' : doc.slice(a + markers[0].length, b).trim();
}
