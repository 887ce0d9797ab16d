/**
 * Every input file is read through the safe reader (lib/util/read-input.ts, lib/util/read-dir.ts): a new direct
 * `fs.readFileSync` or directory listing in the source layer or the CLI would bypass the special-file, size and
 * UTF-8 checks. Reads of this package's own data (package.json, data/*.json) are the only exceptions.
 */
import * as fs from 'fs';
import * as path from 'path';

const LIB = path.join(__dirname, '../../lib');
const DIRECT = /\b(readFileSync|readdirSync|openSync|opendirSync|createReadStream)\(/;
/** Files that read this package's own files, never user input. */
const OWN_DATA = new Set([
  'util/package-root.ts',
  'util/file-prefix.ts', // detection only: stat-checked regular files, a bounded prefix
  'util/read-input.ts',
  'util/read-dir.ts',
  'cli/main.ts', // package.json for --version
  'review/sarif/tool.ts', // package.json for the SARIF tool's version
  'sources/genesys-org/endpoints.ts', // data/regions.json
  'doctor/deployer.ts', // data/genesyscloud/resource-api-usage.json
  'access/evaluate.ts', // data/user-specific-apis.json
  'testing/provider-schema.ts', // data/genesyscloud/provider-schema.json
  'sources/document-schema.ts', // data/genesyscloud/provider-schema.json
]);

function files(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .filter((f) => f.endsWith('.ts'));
}

test('no input is read around lib/util/read-input.ts', () => {
  const direct = files(LIB)
    .map((f) => path.relative(LIB, f).split(path.sep).join('/'))
    .filter((rel) => !OWN_DATA.has(rel) && DIRECT.test(fs.readFileSync(path.join(LIB, rel), 'utf8')));
  expect(direct).toEqual([]);
});
