/**
 * The README shows real CLI output: every `$ npx genesys-access ...` console block in the CLI section is run
 * in-process on the same stacks (synthesized for real), and the lines the README shows (up to its `...`) must be
 * exactly the first lines the command prints, with the exit code the README states.
 */
import * as fs from 'fs';
import * as path from 'path';
import { run } from '../../lib/cli/main';
import { memoryIo, synthDiffStack, synthExamples, synthSeed403, tmpDir } from '../cli/fixtures';

const README = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
const section = README.slice(README.indexOf('## The genesys-access CLI'));

interface Example {
  readonly command: string;
  readonly shown: readonly string[];
  readonly stream: 'stdout' | 'stderr';
}

/** The console blocks of the CLI section: the command line and the lines shown after it, up to `...`. */
function examples(): Example[] {
  const blocks = [...section.matchAll(/```console\n([\s\S]*?)```/g)].map((m) => m[1]!.split('\n'));
  return blocks.map((lines) => {
    const first = lines[0]!;
    if (!first.startsWith('$ npx genesys-access ')) throw new Error(`README console block starts with ${first}`);
    const stream = first.endsWith('> /dev/null') ? 'stderr' : 'stdout';
    const command = first.replace(/^\$ npx genesys-access /, '').replace(/ > \/dev\/null$/, '');
    const rest = lines.slice(1);
    const end = rest.indexOf('...');
    const shown = (end === -1 ? rest : rest.slice(0, end)).filter((l, i, all) => i < all.length - 1 || l !== '');
    return { command, shown, stream };
  });
}

/** Splits a shell command line as the README writes it (single quotes only). */
function argv(command: string): string[] {
  return [...command.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

let cwd: string;

beforeAll(() => {
  // The paths the README uses, under one temporary working directory.
  cwd = tmpDir('readme');
  synthExamples(path.join(cwd, 'cdktf.out'));
  synthSeed403(path.join(cwd, 'seed.out'));
  fs.renameSync(path.join(cwd, 'seed.out/stacks/qa-403'), path.join(cwd, 'cdktf.out/stacks/qa-403'));
  synthDiffStack(path.join(cwd, 'base.out'), 'base');
  synthDiffStack(path.join(cwd, 'head.out'), 'head');
  // The team plan of the Terraform plans section (a `terraform show -json` fixture).
  fs.copyFileSync(
    path.resolve(__dirname, '../sources/terraform-plan/fixtures/contact-center.plan.json'),
    path.join(cwd, 'plan.json'),
  );
});

afterAll(() => fs.rmSync(cwd, { recursive: true, force: true }));

test('the CLI section has an example of every command', () => {
  const commands = examples().map((e) => e.command.split(' ')[0]);
  expect(new Set(commands)).toEqual(new Set(['explain', 'report', 'diff', 'deployer']));
});

test.each(examples().map((e) => [e.command, e] as const))('README output of `%s` is real', async (_, example) => {
  const m = memoryIo(cwd);
  const code = await run(argv(example.command), m.io);
  const actual = (example.stream === 'stdout' ? m.out() : m.err()).split('\n');
  expect(actual.slice(0, example.shown.length)).toEqual(example.shown);
  // The exit code the README states in the sentence before the block, when it states one.
  const before = section
    .slice(0, section.indexOf(`$ npx genesys-access ${example.command}`))
    .replace(/```console\n$/, '')
    .trimEnd();
  const stated = /exit code (\d)/.exec(before.slice(before.lastIndexOf('\n\n')));
  if (stated) expect(code).toBe(Number(stated[1]));
});
