/**
 * The README's capability table is generated from data/capabilities.json (scripts/generate-docs.ts), and the
 * README's example of a capability defined in code says what it really derives.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Capabilities } from '../../lib';
import { CAPABILITY_TABLE_MARKERS, renderCapabilityTable, withCapabilityTable } from '../../scripts/generate-docs';

const README = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');

test('the table between the markers is what `npm run generate` writes', () => {
  expect(README).toContain(CAPABILITY_TABLE_MARKERS[0]);
  expect(withCapabilityTable(README)).toBe(README);
});

test('it has one row per built-in capability with its derived permissions', () => {
  const rows = renderCapabilityTable().split('\n').slice(2);
  expect(rows).toHaveLength(Capabilities.ids().length);
  const row = rows.find((r) => r.startsWith('| `org-access-read` |'))!;
  for (const p of Capabilities.resolve('org-access-read').permissions) expect(row).toContain(`\`${p}\``);
});

test("the README's Capabilities.define example derives what it says", () => {
  const ops = /operations: \[([^\]]+)\],\n  prefer/.exec(README)![1];
  const c = Capabilities.define({
    id: 'queue-wallboard',
    summary: 'from the README',
    operations: JSON.parse(`[${ops.replace(/'/g, '"')}]`),
  });
  expect(README).toContain(`// → exactly ${c.resolve().permissions.join(' and ')}`);
  expect(README).toContain(`// → scopes ${c.resolve().scopes.join(', ')}`);
});
