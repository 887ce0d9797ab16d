/**
 * Loads the built package (dist/) through its own name and `exports` map in a fresh Node process, as a user
 * would. `npm test` builds first.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');

function node(code: string): string {
  return execFileSync(process.execPath, ['-e', code], { cwd: ROOT, encoding: 'utf8' }).trim();
}

describe('the published package', () => {
  beforeAll(() => {
    if (!fs.existsSync(path.join(ROOT, 'dist/lib/index.js'))) throw new Error('dist/ is missing: run `npm run build`');
  });

  test('the main entry does not parse the catalog tables until they are used', () => {
    const out = node(`
      const m = require('cdktf-genesyscloud-access');
      const loaded = () => Object.keys(require.cache).some((f) => f.includes('generated/catalog/data'));
      const before = loaded();
      const op = m.Catalog.operation('GET /api/v2/conversations/abc/recordings').operationId;
      console.log(JSON.stringify([before, loaded(), op]));`);
    expect(JSON.parse(out)).toEqual([false, true, 'getConversationRecordings']);
  });

  test('cdktf-genesyscloud-access/provider exposes every generated binding, loaded lazily', () => {
    const out = node(`
      const p = require('cdktf-genesyscloud-access/provider');
      const count = () => Object.keys(require.cache).filter((f) => f.includes('generated/provider/')).length;
      const before = count();
      const t = [p.authRole.AuthRole.tfResourceType, p.oauthClient.OauthClient.tfResourceType,
        p.dataGenesyscloudAuthDivisionHome.DataGenesyscloudAuthDivisionHome.tfResourceType];
      console.log(JSON.stringify({ before, t, keys: Object.getOwnPropertyNames(p).filter((k) => k !== '__esModule').length }));`);
    const r = JSON.parse(out);
    expect(r.before).toBe(1);
    expect(r.t).toEqual(['genesyscloud_auth_role', 'genesyscloud_oauth_client', 'genesyscloud_auth_division_home']);
    expect(r.keys).toBe(145 + 114 + 1);
  });

  test('single bindings load by path', () => {
    expect(node(`console.log(require('cdktf-genesyscloud-access/provider/user-roles').UserRoles.tfResourceType)`)).toBe(
      'genesyscloud_user_roles',
    );
  });

  test('the testing entry validates against the shipped schema', () => {
    expect(
      node(
        `console.log(require('cdktf-genesyscloud-access/testing').validateTerraformJson({resource:{genesyscloud_auth_role:{r:{}}}})[0].message)`,
      ),
    ).toBe('is required');
  });

  test('the tarball holds every bin, exports and typesVersions target and the data read at run time', () => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const files = new Set((JSON.parse(out)[0].files as Array<{ path: string }>).map((f) => f.path));
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const targets: string[] = [...Object.values(pkg.bin as Record<string, string>)];
    for (const entry of Object.values(pkg.exports as Record<string, string | Record<string, string>>)) {
      for (const t of typeof entry === 'string' ? [entry] : Object.values(entry)) {
        // `./provider/*` targets: check them with one real binding.
        targets.push(t.replace('*', 'oauth-client'));
      }
    }
    // `typesVersions` targets (what node10 resolution reads), likewise.
    for (const list of Object.values(pkg.typesVersions['*'] as Record<string, string[]>))
      for (const t of list) targets.push(t.replace('*', 'oauth-client'));
    targets.push(
      'data/capabilities.json',
      'data/genesyscloud/provider-schema.json',
      'data/genesyscloud/resource-api-usage.json',
      'data/user-specific-apis.json',
      'schema/access-graph.schema.json',
      'data/regions.json',
    );
    const missing = targets.map((t) => path.normalize(t)).filter((t) => !files.has(t));
    expect(missing).toEqual([]);
    expect(
      fs.readFileSync(path.join(ROOT, pkg.bin['genesys-access']), 'utf8').startsWith('#!/usr/bin/env node\n'),
    ).toBe(true);
  });

  test('the root exports the graph, the evaluator and the readers, and no parser internals or caches', () => {
    const out = node(`
      const m = require('cdktf-genesyscloud-access');
      const has = (k) => typeof m[k] !== 'undefined';
      console.log(JSON.stringify({
        public: ['evaluate', 'whoCan', 'readCdktf', 'readGraph', 'principalAccess', 'Capabilities', 'Catalog',
          'AccessRole', 'AccessRules', 'REASON_CODES', 'ACCESS_GRAPH_VERSION', 'ACCESS_GRAPH_SCHEMA_PATH'].filter((k) => !has(k)),
        internal: ['AccessPlan', 'PlanIndex', 'GraphIndex', 'runRules', 'checkOperation', 'meets', 'CdktfReader',
          'readIntent', 'unlocked', 'loadStacks'].filter(has),
      }));`);
    expect(JSON.parse(out)).toEqual({ public: [], internal: [] });
    expect(
      fs.existsSync(
        path.join(ROOT, node(`console.log(require('cdktf-genesyscloud-access').ACCESS_GRAPH_SCHEMA_PATH)`)),
      ),
    ).toBe(true);
  });

  test('offline commands on a snapshot do not load the live client; snapshot does', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gca-offline-'));
    const file = path.join(dir, 'org.json');
    try {
      // A snapshot made from a literal org (no network), written by the built package.
      node(`
        const { toSnapshot } = require('./dist/lib/sources/genesys-org/to-graph.js');
        const { serializeSnapshot } = require('./dist/lib/sources/genesys-org/snapshot-file.js');
        const org = {
          org: { id: 'o', name: 'Org' },
          divisions: [{ id: 'd-home', name: 'Home', home: true }, { id: 'd-chi', name: 'Chicago', home: false }],
          roles: [{ id: 'r1', name: 'QA', permissions: [], policies: [{ domain: 'recording', entity: 'screenRecording', actions: ['view'], conditions: false }] }],
          grants: [],
          permissions: [{ permission: 'recording:screenRecording:view', divisionAware: true, allowsConditions: false }],
          policies: [],
          clients: [{ id: 'c1', name: 'QA client', grantType: 'CLIENT-CREDENTIALS', scopes: [], state: 'active', roleDivisions: [{ roleId: 'r1', divisionId: 'd-chi' }] }],
          users: [],
          groups: [],
          usage: { days: 30, from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z', rows: [{ clientId: 'c1', templateUri: '/api/v2/conversations/{conversationId}/recordings', method: 'GET', count: 5 }] },
          notes: [],
        };
        require('fs').writeFileSync(${JSON.stringify(file)}, serializeSnapshot(toSnapshot(org, { apiHost: 'api.example', takenAt: '2026-12-01T00:00:00Z' })));`);
      const out = node(`
        const { run } = require('./dist/lib/cli/main.js');
        const io = { stdout: () => {}, stderr: (s) => process.stderr.write(s), cwd: process.cwd() };
        const live = () => Object.keys(require.cache).filter((f) => /genesys-org[\\/](http-client|live|read-org|to-graph|endpoints)\.js$/.test(f));
        const f = ${JSON.stringify(file)};
        (async () => {
          const codes = [];
          codes.push(await run(['report', f], io));
          codes.push(await run(['explain', 'GET', '/api/v2/conversations/c/recordings', '--plan', f, '--principal', 'QA client', '--division', 'Chicago'], io));
          codes.push(await run(['deployer', f], io));
          codes.push(await run(['diff', '--base', f, '--head', f], io));
          codes.push(await run(['audit', f], io));
          codes.push(await run(['generate', '--snapshot', f, '--client', 'QA client'], io));
          const offline = live();
          await run(['snapshot', '--help'], io);
          const help = live();
          await run(['snapshot'], { ...io, env: {}, stderr: () => {} });
          console.log(JSON.stringify({ codes, offline, help, snapshot: live().map((x) => x.split(/[\\/]/).pop()).sort() }));
        })();`);
      expect(JSON.parse(out)).toEqual({
        codes: [0, 0, 0, 0, 0, 0],
        offline: [],
        help: [],
        snapshot: ['endpoints.js', 'http-client.js', 'live.js', 'read-org.js', 'to-graph.js'],
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the CLI runs without loading cdktf, cdktn or constructs', () => {
    const out = node(`
      const { run } = require('./dist/lib/cli/main.js');
      const io = { stdout: () => {}, stderr: () => {}, cwd: process.cwd() };
      run(['explain', 'GET', '/api/v2/conversations/c-1/recordings'], io).then((code) => {
        const heavy = Object.keys(require.cache).filter((f) => /node_modules\\/(cdktf|cdktn|@cdktn|constructs)\\//.test(f));
        console.log(JSON.stringify({ code, heavy }));
      });`);
    expect(JSON.parse(out)).toEqual({ code: 0, heavy: [] });
  });
});
