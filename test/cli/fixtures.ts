/**
 * Real inputs for the CLI, review and doctor tests: the examples and a few purpose-built stacks, synthesized for
 * real with `app.synth()` (so they keep cdktf's "//" metadata), plus helpers for goldens and the built CLI.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { EXAMPLES } from '../../examples';
import {
  AccessRole,
  AccessRules,
  ClientCredentialsClient,
  Division,
  ScreenRecordingReaderClient,
  ServiceAccountUser,
} from '../../lib';
import { AuthRole } from '../../src/generated/provider/auth-role';
import { DataGenesyscloudAuthDivision } from '../../src/generated/provider/data-genesyscloud-auth-division';
import { OauthClient } from '../../src/generated/provider/oauth-client';
import { GenesyscloudProvider } from '../../src/generated/provider/provider';

export const ROOT = path.resolve(__dirname, '../..');
export const CLI = path.join(ROOT, 'dist/lib/cli/main.js');
export const GOLDEN = path.join(__dirname, 'golden');

/** A fresh temporary directory. */
export function tmpDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `gca-${prefix}-`));
}

function newApp(outdir: string): App {
  fs.mkdirSync(outdir, { recursive: true });
  return new App({ outdir });
}

function stackBase(app: App, name: string): TerraformStack {
  const stack = new TerraformStack(app, name);
  new GenesyscloudProvider(stack, 'genesyscloud', {});
  new LocalBackend(stack, { path: 'terraform.tfstate' });
  return stack;
}

/** Synthesizes every example into `outdir` (a cdktf.out directory: stacks/<name>/cdk.tf.json). */
export function synthExamples(outdir: string): string {
  const app = newApp(outdir);
  for (const [name, build] of Object.entries(EXAMPLES)) build(app, name);
  app.synth();
  return outdir;
}

/**
 * The first seed 403, written with the raw bindings: a QA client holding a role with recording:recording:view
 * and no division_id (so only the home division), while the Chicago agents' conversations are in Chicago.
 */
export function synthSeed403(outdir: string): string {
  const app = newApp(outdir);
  const stack = stackBase(app, 'qa-403');
  const role = new AuthRole(stack, 'qa-role', {
    name: 'QA recording reader',
    permissionPolicies: [{ domain: 'recording', entityName: 'recording', actionSet: ['view'] }],
  });
  new OauthClient(stack, 'qa-client', {
    name: 'QA recording downloader',
    authorizedGrantType: 'CLIENT-CREDENTIALS',
    roles: [{ roleId: role.id }],
  });
  app.synth();
  return path.join(outdir, 'stacks', 'qa-403', 'cdk.tf.json');
}

/**
 * One stack in two versions for the diff. The head adds Chicago to the QA client and exposes its secret, adds
 * a reporting client in all divisions (with a reason) holding an admin-grade permission in home, adds a raw
 * client with a wildcard role that writes its secret to a directory, and removes the legacy client and the
 * auditor user (whose user_roles then no longer exists).
 */
export function synthDiffStack(outdir: string, variant: 'base' | 'head'): string {
  const app = newApp(outdir);
  const stack = stackBase(app, 'contact-center');
  const chicago = Division.fromName(stack, 'chicago', 'Chicago');
  const home = Division.home(stack);
  new ScreenRecordingReaderClient(stack, 'qa', {
    name: 'QA screen recording downloader',
    divisions: variant === 'base' ? [home] : [chicago, home],
    ...(variant === 'head' ? { exposeSecret: true } : {}),
  });
  const wfm = new AccessRole(stack, 'wfm-reader', { name: 'WFM schedule reader', capabilities: ['wfm-schedule-read'] });
  if (variant === 'base') {
    const legacy = new ClientCredentialsClient(stack, 'legacy', { name: 'Legacy schedule export' });
    wfm.grant(legacy, home);
    const auditor = new ServiceAccountUser(stack, 'auditor', { email: 'auditor@example.com', name: 'Auditor' });
    wfm.grant(auditor, chicago);
  } else {
    const reporting = new ClientCredentialsClient(stack, 'reporting', { name: 'Reporting' });
    const analytics = new AccessRole(stack, 'analytics', {
      name: 'Conversation analytics',
      capabilities: ['analytics-conversation-detail-query'],
    });
    analytics.grant(reporting, Division.all({ reason: 'org-wide reporting across every site' }));
    const admin = new AccessRole(stack, 'client-admin', { name: 'Client admin', permissions: ['oauth:client:add'] });
    admin.grant(reporting, home);
    const chicagoData = stack.node.findChild('chicago') as DataGenesyscloudAuthDivision;
    const ops = new AuthRole(stack, 'ops-role', {
      name: 'Schedule operations',
      permissionPolicies: [{ domain: 'wfm', entityName: 'schedule', actionSet: ['*'] }],
    });
    new OauthClient(stack, 'ops-client', {
      name: 'Schedule operations',
      authorizedGrantType: 'CLIENT-CREDENTIALS',
      directoryClientSecret: '/var/secrets',
      roles: [{ roleId: ops.id, divisionId: chicagoData.id }],
    });
  }
  app.synth();
  return path.join(outdir, 'stacks', 'contact-center', 'cdk.tf.json');
}

/**
 * A stack with findings and a reasoned suppression: a client granted with no division (GCA-DIV1, an error)
 * and a legacy client whose implicit home grant is suppressed with a reason.
 */
export function synthFindingsStack(outdir: string): string {
  const app = newApp(outdir);
  const stack = stackBase(app, 'findings');
  const role = new AuthRole(stack, 'reader', {
    name: 'Recording reader',
    permissionPolicies: [{ domain: 'recording', entityName: 'screenRecording', actionSet: ['view'] }],
  });
  new OauthClient(stack, 'implicit', {
    name: 'Implicit home client',
    authorizedGrantType: 'CLIENT-CREDENTIALS',
    roles: [{ roleId: role.id }],
  });
  const legacy = new OauthClient(stack, 'legacy', {
    name: 'Legacy client',
    authorizedGrantType: 'CLIENT-CREDENTIALS',
    roles: [{ roleId: role.id }],
  });
  AccessRules.addSuppressions(legacy, [{ id: 'GCA-DIV1', reason: 'single-division org: everything is in home' }]);
  app.synth();
  return path.join(outdir, 'stacks', 'findings', 'cdk.tf.json');
}

/** Compares `actual` with test/cli/golden/<name>; `UPDATE_GOLDEN=1` rewrites the file instead. */
export function expectGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    fs.mkdirSync(GOLDEN, { recursive: true });
    fs.writeFileSync(file, actual);
    return;
  }
  if (!fs.existsSync(file)) {
    throw new Error(`golden file test/cli/golden/${name} is missing: run the tests with UPDATE_GOLDEN=1 to write it`);
  }
  expect(actual).toBe(fs.readFileSync(file, 'utf8'));
}

/**
 * JSON output against a golden: the output must be compact JSON on one line (what `--format json` prints); the
 * golden holds it indented, so a change reads as a normal diff.
 */
export function expectJsonGolden(name: string, stdout: string): void {
  expect(stdout.endsWith('\n')).toBe(true);
  expect(stdout.slice(0, -1)).not.toContain('\n');
  const parsed: unknown = JSON.parse(stdout);
  expect(stdout).toBe(`${JSON.stringify(parsed)}\n`);
  expectGolden(name, `${JSON.stringify(parsed, null, 2)}\n`);
}

/** Fails with a clear message when the CLI has not been built. */
export function requireBuiltCli(): void {
  if (!fs.existsSync(CLI)) {
    throw new Error('dist/lib/cli/main.js is missing: run `npx tsc -p tsconfig.build.json` (or `npm run build`) first');
  }
}

/** Runs the built CLI as a child process. */
export function cli(args: readonly string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GENESYS_ACCESS_DEBUG: '' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** An in-memory Io for `run(argv, io)`. */
export function memoryIo(cwd: string): {
  io: { stdout(s: string): void; stderr(s: string): void; cwd: string };
  out: () => string;
  err: () => string;
} {
  let out = '';
  let err = '';
  return {
    io: { stdout: (s) => void (out += s), stderr: (s) => void (err += s), cwd },
    out: () => out,
    err: () => err,
  };
}

/** A cdk.tf.json `genesyscloud_auth_role` body with one permission policy per `domain:entity:action`. */
export function roleJson(name: string, perms: string[]): Record<string, unknown> {
  return {
    name,
    permission_policies: perms.map((p) => {
      const [domain, entity_name, action] = p.split(':');
      return { domain, entity_name, action_set: [action] };
    }),
  };
}
