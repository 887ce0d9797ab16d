import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

const DIR = path.resolve(__dirname, '../../data/genesyscloud');

describe('data/genesyscloud/PROVENANCE.md', () => {
  const text = fs.readFileSync(path.join(DIR, 'PROVENANCE.md'), 'utf8');
  const rows = [...text.matchAll(/^([0-9a-f]{64}) {2}(\S+)$/gm)].map((m) => [m[2], m[1]] as const);

  test('lists a sha256 for every pinned file', () => {
    const files = fs.readdirSync(DIR).filter((f) => f !== 'PROVENANCE.md');
    expect(rows.map(([f]) => f).sort()).toEqual(files.sort());
  });

  test.each(rows)('%s matches its recorded sha256', (file, sha) => {
    expect(crypto.createHash('sha256').update(fs.readFileSync(path.join(DIR, file))).digest('hex')).toBe(sha);
  });
});
