/**
 * What a user sees when synth fails, through the real `cdktf synth` of an app in a temporary folder: each mistake
 * (from a construct, a JavaScript caller or a rule) is one `ERROR [path]: ...` line with the fix, printed once,
 * with no stack trace and no hint to skip validation. And with `skipValidation: true` an invented permission
 * synthesizes cleanly, which `genesys-access report` in CI catches.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CLI, requireBuiltCli } from '../cli/fixtures';

const ROOT = path.resolve(__dirname, '../..');
const LIB = JSON.stringify(path.join(ROOT, 'lib'));
const PROVIDER = (m: string): string => JSON.stringify(path.join(ROOT, 'src/generated/provider', m));

const MISTAKES = `
import { App, TerraformStack } from 'cdktf';
import { AccessRole, AccessRules, ClientCredentialsClient, Division, ScreenRecordingReaderClient, UserContextClient } from ${LIB};
import { AuthRole } from ${PROVIDER('auth-role')};
import { GenesyscloudProvider } from ${PROVIDER('provider')};

const app = new App();
const stack = new TerraformStack(app, 'errs');
new GenesyscloudProvider(stack, 'genesyscloud', {});
AccessRules.check(stack);
const role = new AccessRole(stack, 'r1', { name: 'R1', capabilities: ['routing-queue-read'] });
role.grant(new ClientCredentialsClient(stack, 'c1', { name: 'C1' }));
new ScreenRecordingReaderClient(stack, 'qa', { divisions: [Division.all({ reason: 'qa' })] });
new AuthRole(stack, 'raw', { name: 'Raw', permissionPolicies: [{ domain: 'recording', entityName: 'screenRecording', actionSet: ['read'] }] });
new ClientCredentialsClient(stack, 'scoped', { name: 'Scoped', scopes: ['recordings:readonly'] } as never);
new AccessRole(stack, 'stringly', { name: 'Stringly', permissions: 'wfm:schedule:view' as never });
new AccessRole(stack, 'nothing', null as never);
new UserContextClient(stack, 'numbered', { name: 42 as never, grantType: 'PASSWORD', capabilities: ['user-read'] });
app.synth();
`;

const SKIPPED = `
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { AuthRole } from ${PROVIDER('auth-role')};
import { DataGenesyscloudAuthDivision } from ${PROVIDER('data-genesyscloud-auth-division')};
import { OauthClient } from ${PROVIDER('oauth-client')};
import { GenesyscloudProvider } from ${PROVIDER('provider')};
import { AccessRules } from ${LIB};

const app = new App({ skipValidation: true });
const stack = new TerraformStack(app, 'skipped');
new GenesyscloudProvider(stack, 'genesyscloud', {});
new LocalBackend(stack, { path: 'terraform.tfstate' });
AccessRules.check(stack);
const chicago = new DataGenesyscloudAuthDivision(stack, 'chicago', { name: 'Chicago' });
const role = new AuthRole(stack, 'role', { name: 'Invented', permissionPolicies: [{ domain: 'wfm', entityName: 'schedule', actionSet: ['publish'] }] });
new OauthClient(stack, 'client', { name: 'Client', authorizedGrantType: 'CLIENT-CREDENTIALS', roles: [{ roleId: role.id, divisionId: chicago.id }] });
app.synth();
`;

/** Runs the real `cdktf synth` on an app whose main.ts is `source`, in a fresh folder; returns what it printed. */
function cdktfSynth(dir: string, source: string): { status: number | null; lines: string[]; out: string } {
  fs.mkdirSync(dir, { recursive: true });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  fs.writeFileSync(path.join(dir, 'main.ts'), source);
  fs.writeFileSync(
    path.join(dir, 'cdktf.json'),
    JSON.stringify({
      language: 'typescript',
      app: 'npx tsx main.ts',
      sendCrashReports: 'false',
      terraformProviders: [],
    }),
  );
  const r = spawnSync(path.join(ROOT, 'node_modules/.bin/cdktf'), ['synth'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, CHECKPOINT_DISABLE: '1', CI: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
    timeout: 240_000,
  });
  // Strip colours and spinner control sequences.
  const out = `${r.stdout}\n${r.stderr}`.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
  return { status: r.status, lines: out.split('\n').map((l) => l.trimEnd()), out };
}

const EXPECTED: Array<[string, RegExp]> = [
  [
    'a grant with no division',
    /^ERROR \[errs\/r1\]: grant of role "R1" to errs\/c1 needs at least one division: pass Division.fromName/,
  ],
  [
    'a short Division.all reason',
    /^ERROR \[errs\/qa\/role\]: Division.all needs a reason of at least 10 characters \(got "qa"\)/,
  ],
  [
    'an invented permission in a raw role (a rule that cannot be suppressed)',
    /^ERROR \[errs\/raw\]: GCA-PERM1\[recording:screenRecording:read\] genesyscloud_auth_role.raw: .*Did you mean "recording:screenRecording:view".* \(fix: /,
  ],
  [
    'scopes on a client-credentials client',
    /^ERROR \[errs\/scoped\]: ClientCredentialsClient does not take "scopes": scopes do nothing for a client-credentials token/,
  ],
  [
    'a string instead of a list of permissions',
    /^ERROR \[errs\/stringly\]: AccessRole: permissions must be a list of permission names, e.g. \["wfm:schedule:view"\] \(got "wfm:schedule:view"\)$/,
  ],
  [
    'null props',
    /^ERROR \[errs\/nothing\]: AccessRole needs props \{ name, description, capabilities, permissions, base, remove \} \(got null\)$/,
  ],
  ['a number for a name', /^ERROR \[errs\/numbered\]: UserContextClient: name must be a string \(got number 42\)$/],
];

describe('cdktf synth of an app with mistakes', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gca-errors-'));
  let run: ReturnType<typeof cdktfSynth>;
  beforeAll(() => {
    run = cdktfSynth(path.join(tmp, 'mistakes'), MISTAKES);
  }, 250_000);
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('fails', () => expect(run.status).not.toBe(0));

  test.each(EXPECTED)('%s: exactly one line, with the fix', (_what, re) => {
    expect(run.lines.filter((l) => re.test(l))).toHaveLength(1);
  });

  test('nothing else is reported: one ERROR line per mistake', () => {
    const errors = run.lines.filter((l) => l.startsWith('ERROR ['));
    expect(errors).toHaveLength(EXPECTED.length);
  });

  test('no stack trace, no thrown error, no hint to skip validation', () => {
    expect(run.out).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(run.out).not.toMatch(/AccessValidationError|TypeError|Validation failed/);
    expect(run.out).not.toContain('skipValidation');
  });
});

describe('skipValidation bypasses the rules; genesys-access report is the backstop', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gca-skipped-'));
  let run: ReturnType<typeof cdktfSynth>;
  beforeAll(() => {
    requireBuiltCli();
    run = cdktfSynth(path.join(tmp, 'skipped'), SKIPPED);
  }, 250_000);
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('an invented permission synthesizes cleanly with skipValidation', () => {
    expect(run.status).toBe(0);
    expect(run.lines.filter((l) => l.startsWith('ERROR ['))).toEqual([]);
  });

  test('the report on the output exits 1 naming the rule', () => {
    const file = path.join(tmp, 'skipped', 'cdktf.out', 'stacks', 'skipped', 'cdk.tf.json');
    const r = spawnSync(process.execPath, [CLI, 'report', file], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('GCA-PERM1[wfm:schedule:publish]');
  });
});
