/**
 * Runs the real `cdktf synth` at the repository root (the README's first command) and checks that every example
 * is synthesized, matches the pinned provider schema, and is byte-identical across two runs.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { EXAMPLES } from '../../examples';
import { validateTerraformJson } from '../../lib/testing';

const ROOT = path.resolve(__dirname, '../..');

function cdktfSynth(out: string): void {
  execFileSync(path.join(ROOT, 'node_modules/.bin/cdktf'), ['synth', '--output', out], {
    cwd: ROOT,
    env: { ...process.env, CHECKPOINT_DISABLE: '1', CI: '1' },
    stdio: 'pipe',
  });
}

describe('cdktf synth at the root', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gca-synth-'));
  const [a, b] = [path.join(tmp, 'a'), path.join(tmp, 'b')];
  beforeAll(() => {
    cdktfSynth(a);
    cdktfSynth(b);
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('writes one stack per example', () => {
    expect(fs.readdirSync(path.join(a, 'stacks')).sort()).toEqual(Object.keys(EXAMPLES).sort());
  });

  test.each(Object.keys(EXAMPLES))('%s matches the provider schema and is reproducible', (name) => {
    const first = fs.readFileSync(path.join(a, 'stacks', name, 'cdk.tf.json'), 'utf8');
    const second = fs.readFileSync(path.join(b, 'stacks', name, 'cdk.tf.json'), 'utf8');
    expect(validateTerraformJson(JSON.parse(first))).toEqual([]);
    expect(second).toBe(first);
    expect(first).not.toContain(ROOT);
    expect(first).not.toContain(tmp);
  });

  test.each(Object.keys(EXAMPLES))('%s can be synthesized on its own and has a test', (name) => {
    const dir = path.join(ROOT, 'examples', name);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'cdktf.json'), 'utf8')).app).toBe('npx tsx main.ts');
    expect(fs.existsSync(path.join(dir, '__tests__', 'main.test.ts'))).toBe(true);
  });
});
