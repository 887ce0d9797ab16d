/**
 * The README's live-org section states what the code does: the snapshot client's minimal permission set as
 * lib/doctor/snapshot-client.ts derives it, every call the snapshot makes with what it needs, the environment
 * variables the connection reads, and the section sits before "Provider bindings without the registry".
 */
import * as fs from 'fs';
import * as path from 'path';
import { snapshotClientNeeds } from '../../lib/doctor/snapshot-client';

const ROOT = path.resolve(__dirname, '../..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const start = README.indexOf('## The live org');
const end = README.indexOf('## Provider bindings without the registry');
const section = README.slice(start, end);

test('the section is a ## section just before "Provider bindings without the registry"', () => {
  expect(start).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(start);
  expect(section.slice(3).includes('\n## ')).toBe(false);
});

test('it lists the minimal permission set the doctor derives, with and without usage', () => {
  const set = snapshotClientNeeds(false).permissions;
  expect(snapshotClientNeeds(true).permissions).toEqual(set);
  const stated = /\*\*The snapshot client's permissions\*\*[^:]*:([^.]*)\./.exec(section.replace(/\n/g, ' '))![1]!;
  expect([...stated.matchAll(/`([^`]+)`/g)].map((m) => m[1])).toEqual(set);
});

test('its table names every call the snapshot makes, with what the catalog says each needs', () => {
  for (const o of snapshotClientNeeds(true).operations) {
    const row = section.split('\n').find((l) => l.startsWith('| ') && l.includes(`\`${o.key}\``));
    expect([o.key, row !== undefined]).toEqual([o.key, true]);
    const needs = row!.split('|').slice(-2, -1)[0]!;
    for (const p of [...o.allOf, ...o.anyOf]) expect([o.key, needs.includes(`\`${p}\``)]).toEqual([o.key, true]);
    if (!o.allOf.length && !o.anyOf.length) expect(needs.trim()).toBe('—');
  }
});

test('it documents every GENESYSCLOUD_* variable the connection reads', () => {
  const code = fs.readFileSync(path.join(ROOT, 'lib/sources/genesys-org/endpoints.ts'), 'utf8');
  const read = [...new Set([...code.matchAll(/'(GENESYSCLOUD_[A-Z_]+)'/g)].map((m) => m[1]!))];
  expect(read.length).toBeGreaterThanOrEqual(6);
  for (const v of read) {
    const short = v.replace(/^GENESYSCLOUD_GATEWAY_/, '_');
    expect([v, section.includes(v) || section.includes(`\`${short}\``)]).toEqual([v, true]);
  }
});
