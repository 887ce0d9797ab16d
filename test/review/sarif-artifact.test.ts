/**
 * How SARIF names files and the tool: uris relative to the repository root (percent-encoded POSIX paths), file:
 * URIs outside it, the root found from .git, and the repository URL of package.json in its usual spellings.
 */
import * as fs from 'fs';
import * as path from 'path';
import { artifactLocation, repositoryRoot } from '../../lib/review/sarif/artifact';
import { Locator } from '../../lib/review/sarif/locations';
import { repositoryUrl } from '../../lib/review/sarif/tool';
import { tmpDir } from '../cli/fixtures';
import { sarifErrors } from './sarif-schema';

let root: string;

beforeAll(() => {
  root = tmpDir('sarif-artifact');
  fs.mkdirSync(path.join(root, '.git'));
  fs.mkdirSync(path.join(root, 'a', 'b'), { recursive: true });
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('artifactLocation', () => {
  test('relative to the root, POSIX, percent-encoded', () => {
    const cwd = path.join(root, 'a');
    expect(artifactLocation('b/cdk.tf.json', cwd, root)).toEqual({ uri: 'a/b/cdk.tf.json', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation(path.join(cwd, 'my stack #1', 'cdk.tf.json'), cwd, root)).toEqual({
      uri: 'a/my%20stack%20%231/cdk.tf.json',
      uriBaseId: '%SRCROOT%',
    });
    expect(artifactLocation('../x.tf', path.join(root, 'a', 'b'), root)).toEqual({
      uri: 'a/x.tf',
      uriBaseId: '%SRCROOT%',
    });
  });

  test('outside the root (or the root itself): an absolute file URI', () => {
    const outside = path.join(path.dirname(root), 'elsewhere', 'plan.json');
    const loc = artifactLocation(outside, root, root);
    expect(loc.uriBaseId).toBeUndefined();
    expect(loc.uri).toMatch(/^file:\/\/\/.*\/elsewhere\/plan\.json$/);
    expect(artifactLocation('.', root, root).uri).toMatch(/^file:\/\//);
    // A directory named like `..x` is inside.
    expect(artifactLocation('..x/f.json', root, root)).toEqual({ uri: '..x/f.json', uriBaseId: '%SRCROOT%' });
  });

  test("without a root: relative to the file's own repository (another checkout too), else to cwd", () => {
    const other = tmpDir('sarif-other');
    try {
      fs.mkdirSync(path.join(other, 'head', '.git'), { recursive: true });
      // The tool runs in the base checkout; the head checkout's files are relative to the head.
      expect(artifactLocation(path.join(other, 'head', 'infra', 'main.tf'), root)).toEqual({
        uri: 'infra/main.tf',
        uriBaseId: '%SRCROOT%',
      });
      expect(artifactLocation('b/x.tf', path.join(root, 'a'))).toEqual({ uri: 'a/b/x.tf', uriBaseId: '%SRCROOT%' });
      // In no repository: relative to cwd when inside it, else a file URI.
      expect(artifactLocation('plan.json', other)).toEqual({ uri: 'plan.json', uriBaseId: '%SRCROOT%' });
      expect(artifactLocation(path.join(other, 'plan.json'), path.join(other, 'head')).uri).toMatch(/^file:\/\/\//);
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  test('repositoryRoot: the nearest ancestor holding .git', () => {
    expect(repositoryRoot(path.join(root, 'a', 'b'))).toBe(root);
    expect(repositoryRoot(root)).toBe(root);
    expect(repositoryRoot(path.parse(root).root)).toBeUndefined();
  });
});

describe('Locator', () => {
  test('reads each file once, through readText, for the pointers into it', () => {
    const reads: string[] = [];
    const text = '{\n  "resource": {\n    "t": {\n      "n": {}\n    }\n  }\n}\n';
    const sites = [
      { address: 't.n', file: 'stack.json', pointer: '/resource/t/n' },
      { address: 't.m', file: './stack.json', pointer: '/resource/t/m' },
      { address: 't.k', file: 'main.tf', line: 3 },
      { address: 't.j', file: 'gone.json', pointer: '/resource/t/j' },
    ];
    const locator = new Locator(sites, {
      cwd: root,
      root,
      readText: (abs) => {
        reads.push(path.relative(root, abs));
        return abs.endsWith('stack.json') ? text : undefined;
      },
    });
    expect(reads).toEqual(['stack.json', 'gone.json']);
    expect(sites.map((s) => locator.lineOf(s))).toEqual([4, undefined, 3, undefined]);
    const loc = locator.location(sites[0]);
    expect(loc.physicalLocation).toEqual({
      artifactLocation: { uri: 'stack.json', uriBaseId: '%SRCROOT%' },
      region: { startLine: 4 },
    });
    expect(locator.location(sites[3]).physicalLocation).toEqual({
      artifactLocation: { uri: 'gone.json', uriBaseId: '%SRCROOT%' },
    });
    expect(
      sarifErrors({
        version: '2.1.0',
        runs: [{ tool: { driver: { name: 't' } }, results: [{ message: { text: 'm' }, locations: [loc] }] }],
      }),
    ).toEqual([]);
  });
});

describe('repositoryUrl', () => {
  test.each([
    [{ type: 'git', url: 'https://github.com/o/r' }, 'https://github.com/o/r'],
    [{ type: 'git', url: 'git+https://github.com/o/r.git' }, 'https://github.com/o/r'],
    ['github:o/r', 'https://github.com/o/r'],
    ['o/r', 'https://github.com/o/r'],
    ['git@github.com:o/r.git', undefined],
    [{ url: 42 }, undefined],
    [undefined, undefined],
  ])('%j is %s', (repository, url) => {
    expect(repositoryUrl(repository)).toBe(url);
  });
});
