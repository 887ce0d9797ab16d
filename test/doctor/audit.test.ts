/**
 * audit and generate on a real snapshot (taken over HTTP from the fake Platform API): the tightened role of
 * every client is the least-privilege set of its calls (recomputed here from the catalog), its Terraform JSON
 * is valid for the provider and, read back as a plan, lets the client call every operation it used in the
 * divisions kept; the HCL parses to the same JSON; the construct code synthesizes to the same grants. And the
 * evaluator on a snapshot: permissions the org says are not division-aware, and active access policies.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse as parseHcl } from '@cdktf/hcl2json';
import { App, LocalBackend, TerraformStack, Testing } from 'cdktf';
import { evaluate } from '../../lib/access/evaluate';
import { Catalog } from '../../lib/catalog/catalog';
import { buildAudit, usageOperation } from '../../lib/doctor/audit';
import { leastPrivilegePick } from '../../lib/doctor/operation-info';
import { takeSnapshot } from '../../lib/sources/genesys-org/live';
import type { OrgSnapshot } from '../../lib/sources/genesys-org/snapshot-file';
import { readCdktf } from '../../lib/sources/cdktf/read';
import { validateTerraformJson } from '../../lib/testing/provider-schema';
import { GenesyscloudProvider } from '../../src/generated/provider/provider';
import { generateOrg } from '../fake-platform-api/org';
import { fakeEnv, startFakeApi } from '../fake-platform-api/server';

const ROOT = path.resolve(__dirname, '../..');
let snapshot: OrgSnapshot;

beforeAll(async () => {
  const api = await startFakeApi(generateOrg({ users: 120, divisions: 8, roles: 24, clients: 30, groups: 4 }, 5), {
    usagePolls: 0,
  });
  try {
    snapshot = (await takeSnapshot({ env: fakeEnv(api), usageDays: 90, now: new Date('2026-12-01T00:00:00Z') }))
      .snapshot;
  } finally {
    await api.close();
  }
});

/** HCL -> the Terraform JSON shape roleCode writes (hcl2json wraps every instance and block in a list). */
function hclToJson(parsed: Record<string, Record<string, Record<string, unknown[]>>>): Record<string, unknown> {
  const out: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const [section, types] of Object.entries(parsed)) {
    for (const [type, names] of Object.entries(types)) {
      for (const [name, list] of Object.entries(names)) {
        ((out[section] ??= {})[type] ??= {})[name] = list[0];
      }
    }
  }
  return out;
}

describe('audit', () => {
  test("every tightened role meets every call, is irreducible, and its ANY-of picks are the ranking's", () => {
    const m = buildAudit(snapshot);
    const withRole = m.clients.filter((c) => c.tightened);
    expect(withRole.length).toBeGreaterThan(5);
    for (const c of withRole) {
      const ops = (snapshot.usage!.clients[c.key] ?? [])
        .map(usageOperation)
        .filter((o): o is NonNullable<typeof o> => o !== undefined && !/\/me(\/|$)/.test(o.path));
      const t = c.tightened!;
      const meets = (held: ReadonlySet<string>): boolean =>
        ops.every(
          (op) => op.allOf.every((p) => held.has(p)) && (op.anyOf.length === 0 || op.anyOf.some((p) => held.has(p))),
        );
      expect([c.name, meets(new Set(t.permissions))]).toEqual([c.name, true]);
      // Irreducible: without any one of its permissions, some call is not met.
      for (const p of t.permissions) {
        expect([c.name, p, meets(new Set(t.permissions.filter((x) => x !== p)))]).toEqual([c.name, p, false]);
      }
      // A permission picked (not needed anyway) is the ranking's pick for that operation.
      for (const choice of t.choices.filter((x) => x.why !== 'needed anyway')) {
        const op = Catalog.requireOperation(choice.operations[0]!);
        expect(choice.pick).toBe(leastPrivilegePick(op)!.permission);
      }
    }
  });

  test('unused permissions are exactly the held ones no call needed', () => {
    for (const c of buildAudit(snapshot).clients.filter((x) => !x.scopes)) {
      const used = new Set(c.operations.flatMap((o) => o.usedThrough));
      expect(c.unused.map((h) => h.permission)).toEqual(c.held.map((h) => h.permission).filter((p) => !used.has(p)));
      if (c.requests === 0) expect(c.unused).toEqual(c.held);
    }
  });

  test('the tightened Terraform JSON is valid and lets the client make every call it made, in the kept divisions', () => {
    for (const c of buildAudit(snapshot).clients.filter((x) => x.tightened)) {
      const json = c.tightened!.code.terraformJson;
      expect(validateTerraformJson(json)).toEqual([]);
      const graph = readCdktf(json, { name: 'tightened' });
      const client = graph.principals.find((p) => p.kind === 'oauth-client')!;
      for (const o of c.operations.filter((x) => x.reason === undefined || !/user-specific/.test(x.reason))) {
        const op = Catalog.requireOperation(o.key);
        for (const division of c.tightened!.divisions) {
          const d = evaluate(
            graph,
            client,
            { operation: op },
            { division: division === 'all divisions' ? '*' : division },
          );
          expect([o.key, division, d.verdict]).toEqual([o.key, division, 'allowed']);
        }
      }
    }
  });

  test('the HCL is the same configuration as the JSON', async () => {
    for (const c of buildAudit(snapshot)
      .clients.filter((x) => x.tightened)
      .slice(0, 6)) {
      const parsed = (await parseHcl('tightened.tf', c.tightened!.code.hcl)) as never;
      expect(hclToJson(parsed)).toEqual(c.tightened!.code.terraformJson);
    }
  });

  test('the construct code synthesizes to the same grants', () => {
    const c = buildAudit(snapshot).clients.find((x) => x.tightened && x.tightened.permissions.length)!;
    const code = c.tightened!.code.construct;
    const [imports, body] = [
      code.split('\n').filter((l) => l.startsWith('import ')),
      code.split('\n').filter((l) => !l.startsWith('import ')),
    ];
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gca-construct-'));
    const file = path.join(dir, 'generated.ts');
    fs.writeFileSync(
      file,
      [
        ...imports.map((l) => l.replace("'cdktf-genesyscloud-access'", JSON.stringify(path.join(ROOT, 'lib')))),
        'export function build(this: any): void {',
        ...body,
        '}',
      ].join('\n'),
    );
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { build } = require(file) as { build: (this: TerraformStack) => void };
      const app = new App({ outdir: path.join(dir, 'out') });
      const stack = new TerraformStack(app, 'tightened');
      new GenesyscloudProvider(stack, 'genesyscloud', {});
      new LocalBackend(stack, { path: 'terraform.tfstate' });
      build.call(stack);
      const synthesized = JSON.parse(Testing.synth(stack));
      const graph = readCdktf(synthesized);
      const fromJson = readCdktf(c.tightened!.code.terraformJson);
      const pairs = (g: typeof graph): string[] => {
        const roles = new Map(g.roles.map((r) => [r.key, r.permissions.join(',')]));
        const divisions = new Map(g.divisions.map((d) => [d.key, d.name ?? d.kind]));
        return g.grants.map((x) => `${roles.get(x.role)} @ ${divisions.get(x.division)}`).sort();
      };
      expect(pairs(graph)).toEqual(pairs(fromJson));
      expect(pairs(graph).length).toBe(c.tightened!.divisions.length);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('one client, by name; an unknown name has a did-you-mean', () => {
    const name = snapshot.graph.principals.find((p) => p.kind === 'oauth-client')!.name;
    expect(buildAudit(snapshot, { client: name }).clients.map((c) => c.name)).toEqual([name]);
    expect(() => buildAudit(snapshot, { client: 'Integraton 001' })).toThrow(
      /no OAuth client "Integraton 001" in the snapshot\. Did you mean "Integration 001"/,
    );
  });
});

describe('the evaluator on a snapshot', () => {
  test('a permission the org says is not division-aware is allowed in a division with no grant, with the note', () => {
    const g = snapshot.graph;
    const perms = g.org!.permissions!;
    let checked = 0;
    for (const c of g.principals.filter(
      (p) => p.kind === 'oauth-client' && p.grantType === 'CLIENT-CREDENTIALS' && p.state === 'active',
    )) {
      const grants = g.grants.filter((x) => x.principal === c.key);
      if (grants.some((x) => x.division === '*')) continue;
      const held = g.roles.filter((r) => grants.some((x) => x.role === r.key)).flatMap((r) => r.permissions);
      const free = held.find((p) => perms[p]?.divisionAware === false && Catalog.isPermission(p));
      if (!free) continue;
      const op = Catalog.operationsListing(free).find(
        (o) => o.allOf.length === 1 && o.allOf[0] === free && !o.anyOf.length && !/\/me(\/|$)/.test(o.path),
      );
      const other = g.divisions.find((d) => d.kind === 'org' && !grants.some((x) => x.division === d.key));
      if (!op || !other) continue;
      const d = evaluate(g, c, { operation: op }, { division: other.name });
      expect(d.verdict).toBe('allowed');
      expect(d.reasons.map((r) => r.code)).toContain('NOT_DIVISION_AWARE');
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  test('an active access policy makes what the roles allow a user unknown, with the reason', () => {
    const g = snapshot.graph;
    expect(g.org!.policies!.filter((p) => p.active)).toHaveLength(1);
    const user = g.principals.find((p) => p.kind === 'user')!;
    const d = evaluate(g, user, { permission: 'directory:user:view' }, { division: 'home' });
    expect(d.verdict).toBe('unknown');
    expect(d.reasons[0]).toEqual({
      code: 'ACCESS_POLICY',
      message:
        'the org has 1 active access policy ("Block exports outside office hours"), which can deny what roles allow',
    });
    // The policy does not apply to clients: a client's verdict stands.
    const client = g.principals.find(
      (p) => p.kind === 'oauth-client' && p.state === 'active' && p.grantType === 'CLIENT-CREDENTIALS',
    )!;
    const perm = g.roles.find((r) => g.grants.some((x) => x.principal === client.key && x.role === r.key))!
      .permissions[0]!;
    expect(evaluate(g, client, { permission: perm }).verdict).toBe('allowed');
  });
});
