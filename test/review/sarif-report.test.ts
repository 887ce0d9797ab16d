/**
 * `report --format sarif` on real inputs (the examples and purpose-built stacks synthesized for real, the
 * Terraform plan, HCL and .tf.json fixtures): every log validates against the vendored SARIF 2.1.0 schema, the
 * rules are the GCA rules, and each result has its rule, level, uri and a start line that is really the line
 * of the resource in its file; suppressions carry their reasons; control characters never reach the text raw.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { run } from '../../lib/cli/main';
import { buildReport } from '../../lib/review/report';
import { reportSarif, type SarifLog, type SarifResult } from '../../lib/review/sarif';
import { ALL_RULES } from '../../lib/rules/packs';
import { loadInputs } from '../../lib/sources';
import { AuthRole } from '../../src/generated/provider/auth-role';
import { OauthClient } from '../../src/generated/provider/oauth-client';
import { GenesyscloudProvider } from '../../src/generated/provider/provider';
import { memoryIo, synthDiffStack, synthExamples, synthFindingsStack, tmpDir } from '../cli/fixtures';
import { sarifErrors } from './sarif-schema';

const FIXTURES = path.resolve(__dirname, '../sources');
const PLAN = path.join(FIXTURES, 'terraform-plan/fixtures/contact-center.plan.json');
const HCL = path.join(FIXTURES, 'fixtures/hcl/contact-center');
const TF_JSON = path.join(FIXTURES, 'fixtures/terraform-json/contact-center.tf.json');

/** A role whose name holds a bidi override, a bell, a zero-width space and a new line, granted with no division. */
const TRICKY = 'QA \u202Eredaer\u202C\u0007 \u200Brole\nnext';

function synthTricky(outdir: string): void {
  fs.mkdirSync(outdir, { recursive: true });
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'tricky');
  new GenesyscloudProvider(stack, 'genesyscloud', {});
  new LocalBackend(stack, { path: 'terraform.tfstate' });
  const role = new AuthRole(stack, 'role', {
    name: TRICKY,
    permissionPolicies: [{ domain: 'recording', entityName: 'recording', actionSet: ['view'] }],
  });
  new OauthClient(stack, 'client', {
    name: `client \u202Eevil\u202C`,
    authorizedGrantType: 'CLIENT-CREDENTIALS',
    roles: [{ roleId: role.id }],
  });
  app.synth();
}

let root: string;
let cwd: string;
/** Copies of the HCL and .tf.json fixtures in no repository, and the HCL one in another checkout (a head). */
let elsewhere: string;

beforeAll(() => {
  // A repository root (it holds .git) with the inputs in a sub-directory the CLI runs in.
  root = tmpDir('sarif');
  fs.mkdirSync(path.join(root, '.git'));
  cwd = path.join(root, 'infra');
  synthExamples(path.join(cwd, 'examples'));
  synthFindingsStack(path.join(cwd, 'findings'));
  synthDiffStack(path.join(cwd, 'head'), 'head');
  synthTricky(path.join(cwd, 'tricky'));
  fs.copyFileSync(PLAN, path.join(cwd, 'contact-center.plan.json'));
  elsewhere = tmpDir('sarif-elsewhere');
  fs.cpSync(HCL, path.join(elsewhere, 'hcl'), { recursive: true });
  fs.copyFileSync(TF_JSON, path.join(elsewhere, 'contact-center.tf.json'));
  fs.cpSync(HCL, path.join(elsewhere, 'head', 'infra'), { recursive: true });
  fs.mkdirSync(path.join(elsewhere, 'head', '.git'));
});

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
  fs.rmSync(elsewhere, { recursive: true, force: true });
});

async function sarifOf(...args: string[]): Promise<{ code: number; text: string; log: SarifLog }> {
  const m = memoryIo(cwd);
  const code = await run(['report', ...args, '--format', 'sarif'], m.io);
  expect(m.err()).toBe('');
  const log = JSON.parse(m.out()) as SarifLog;
  expect(sarifErrors(log)).toEqual([]);
  return { code, text: m.out(), log };
}

function results(log: SarifLog): readonly SarifResult[] {
  expect(log.runs).toHaveLength(1);
  return log.runs[0].results;
}

function physical(r: SarifResult): { uri: string; uriBaseId?: string; line?: number } {
  const p = r.locations[0].physicalLocation!;
  return {
    uri: p.artifactLocation.uri,
    ...(p.artifactLocation.uriBaseId ? { uriBaseId: p.artifactLocation.uriBaseId } : {}),
    ...(p.region ? { line: p.region.startLine } : {}),
  };
}

/** The line `r` points at, read from the file under the repository root. */
function lineText(r: SarifResult): string {
  const { uri, line } = physical(r);
  const text = fs.readFileSync(path.join(root, decodeURIComponent(uri)), 'utf8');
  return text.split('\n')[line! - 1];
}

describe('report --format sarif', () => {
  test('the driver lists every GCA rule with its texts and level; the examples have no findings', async () => {
    const { code, log } = await sarifOf('examples');
    expect(code).toBe(0);
    const driver = log.runs[0].tool.driver;
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8'));
    expect([log.version, driver.name, driver.version]).toEqual(['2.1.0', 'genesys-access', pkg.version]);
    expect(driver.informationUri).toBe(pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, ''));
    expect(driver.rules.map((r) => r.id)).toEqual(ALL_RULES.map((r) => r.id));
    for (const [i, r] of ALL_RULES.entries()) {
      expect(driver.rules[i]).toMatchObject({
        id: r.id,
        name: r.name,
        shortDescription: { text: r.info },
        fullDescription: { text: r.explanation },
        help: { text: r.fix },
        defaultConfiguration: { level: r.level },
      });
    }
    // The base of relative uris is described, not given as a path (which would differ per machine).
    expect(Object.keys(log.runs[0].originalUriBaseIds)).toEqual(['%SRCROOT%']);
    expect(results(log)).toEqual([]);
  });

  test('findings of a cdk.tf.json: rule, level, uri from the repository root, the line of the resource', async () => {
    const { code, log } = await sarifOf('findings');
    expect(code).toBe(1);
    const [open] = results(log);
    const rules = log.runs[0].tool.driver.rules;
    expect(open).toMatchObject({ ruleId: 'GCA-DIV1', level: 'error' });
    expect(rules[open.ruleIndex].id).toBe('GCA-DIV1');
    expect(physical(open)).toEqual({
      uri: 'infra/findings/stacks/findings/cdk.tf.json',
      uriBaseId: '%SRCROOT%',
      line: expect.any(Number),
    });
    expect(lineText(open)).toMatch(/^\s*"implicit": \{$/);
    expect(open.locations[0].logicalLocations).toEqual([
      { fullyQualifiedName: 'genesyscloud_oauth_client.implicit', kind: 'resource' },
      { fullyQualifiedName: 'findings/implicit', kind: 'module' },
    ]);
    expect(open.properties).toMatchObject({
      jsonPointer: '/resource/genesyscloud_oauth_client/implicit',
      constructPath: 'findings/implicit',
    });
    expect(open.message.text).toMatch(/^GCA-DIV1\[Recording reader\] genesyscloud_oauth_client\.implicit: /);
    expect(open.suppressions).toBeUndefined();
    expect(JSON.stringify(log)).not.toContain(root);
  });

  test('a suppressed finding has its suppression with the reason', async () => {
    const [, suppressed] = results((await sarifOf('findings')).log);
    expect(suppressed).toMatchObject({ ruleId: 'GCA-DIV1', level: 'error' });
    expect(suppressed.suppressions).toEqual([
      { kind: 'inSource', status: 'accepted', justification: 'single-division org: everything is in home' },
    ]);
    expect(suppressed.properties.suppressedAt).toBe('findings/legacy');
    expect(lineText(suppressed)).toMatch(/^\s*"legacy": \{$/);
  });

  test('several rules and levels, sorted by rule, each at the line of its resource', async () => {
    const { log } = await sarifOf('head');
    const rs = results(log);
    const model = buildReport(await loadInputs('head', { cwd }));
    const expected = model.stacks[0].findings.map((f) => [f.ruleId, f.level, f.address]);
    expect(rs.map((r) => [r.ruleId, r.level, r.properties.address])).toEqual(expected);
    expect(new Set(rs.map((r) => r.level)).size).toBeGreaterThan(1);
    expect(new Set(rs.map((r) => r.ruleId)).size).toBeGreaterThan(2);
    const ids = rs.map((r) => r.ruleId);
    expect(ids).toEqual([...ids].sort());
    for (const r of rs) {
      const name = String(r.properties.address).split('.').pop();
      expect(lineText(r)).toMatch(new RegExp(`^\\s*"${name}": \\{$`));
      expect(r.ruleIndex).toBe(log.runs[0].tool.driver.rules.findIndex((x) => x.id === r.ruleId));
    }
    // One fingerprint per finding.
    const prints = rs.map((r) => r.partialFingerprints['genesysAccess/v1']);
    expect(new Set(prints).size).toBe(rs.length);
  });

  test('a Terraform plan: the line of the planned resource its JSON pointer names', async () => {
    const rs = results((await sarifOf('contact-center.plan.json')).log);
    expect(rs.map((r) => r.ruleId)).toEqual(['GCA-DIV2', 'GCA-OAUTH7', 'GCA-PERM2']);
    const text = fs.readFileSync(PLAN, 'utf8').split('\n');
    for (const r of rs) {
      expect(physical(r)).toMatchObject({ uri: 'infra/contact-center.plan.json', uriBaseId: '%SRCROOT%' });
      const line = physical(r).line!;
      expect(text[line - 1].trim()).toBe('{');
      // The first address after that line is the finding's resource.
      const after = text.slice(line).find((l) => l.includes('"address"'));
      expect(after).toContain(`"address": "${r.properties.address}"`);
    }
  });

  test.each([
    ['HCL, the line of the block', 'hcl', (name: string) => new RegExp(`^resource "\\w+" "${name}" \\{`)],
    [
      '.tf.json, the line of its pointer',
      'contact-center.tf.json',
      (name: string) => new RegExp(`^\\s*"${name}": \\{$`),
    ],
  ])('%s, in no repository and outside the working directory (an absolute file URI)', async (_, input, at) => {
    const rs = results((await sarifOf(path.join(elsewhere, input))).log);
    expect(rs.length).toBeGreaterThan(0);
    for (const r of rs) {
      const p = physical(r);
      expect(p.uri).toMatch(/^file:\/\/\//);
      expect(p.uriBaseId).toBeUndefined();
      const lines = fs.readFileSync(new URL(p.uri), 'utf8').split('\n');
      expect(lines[p.line! - 1]).toMatch(at(String(r.properties.address).split('.').pop()!));
    }
  });

  test('a file in another checkout (the head, read from the base) is relative to that checkout', async () => {
    const rs = results((await sarifOf(path.join(elsewhere, 'head', 'infra'))).log);
    expect(rs.map((r) => physical(r))).toEqual([
      { uri: 'infra/modules/reporting/main.tf', uriBaseId: '%SRCROOT%', line: 14 },
    ]);
    const text = fs.readFileSync(path.join(elsewhere, 'head', 'infra/modules/reporting/main.tf'), 'utf8');
    expect(text.split('\n')[13]).toBe('resource "genesyscloud_oauth_client" "reporting" {');
  });

  test('control and bidi characters in names are shown escaped, on one line', async () => {
    const { text, log } = await sarifOf('tricky');
    const rs = results(log);
    expect(rs.length).toBeGreaterThan(0);
    const raw = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/;
    // The file holds none raw (JSON escapes them), though the values keep them: the finding is the role's name.
    expect(text.replace(/\n/g, '')).not.toMatch(raw);
    expect(rs.find((r) => r.ruleId === 'GCA-DIV1')!.properties.finding).toBe(TRICKY);
    for (const r of rs) {
      expect(r.message.text).not.toMatch(raw);
      expect(r.message.text).not.toContain('\n');
    }
    const div1 = rs.find((r) => r.ruleId === 'GCA-DIV1')!;
    expect(div1.message.text).toContain('QA \\u202Eredaer\\u202C\\u0007 \\u200Brole next');
  });

  test('the same bytes on every run and for an absolute input; fingerprints stable across inputs', async () => {
    const a = await sarifOf('findings', 'head');
    const b = await sarifOf(path.join(cwd, 'findings'), path.join(cwd, 'head'));
    expect(b.text).toBe(a.text);
    expect((await sarifOf('findings', 'head')).text).toBe(a.text);
    const alone = results((await sarifOf('findings')).log);
    const both = results(a.log);
    for (const r of alone) {
      const same = both.find((x) => x.properties.address === r.properties.address && x.ruleId === r.ruleId)!;
      expect(same.partialFingerprints).toEqual(r.partialFingerprints);
    }
  });

  test('reportSarif without stack files: logical locations only, still valid', async () => {
    const model = buildReport(await loadInputs('findings', { cwd }));
    const log = reportSarif(model, { cwd, root });
    expect(sarifErrors(log)).toEqual([]);
    const [r] = log.runs[0].results;
    expect(r.locations[0].physicalLocation).toBeUndefined();
    expect(r.locations[0].logicalLocations[0].fullyQualifiedName).toBe('genesyscloud_oauth_client.implicit');
  });
});
