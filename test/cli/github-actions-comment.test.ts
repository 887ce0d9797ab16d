/**
 * The access-review workflow's comment step (examples/github-actions/scripts/comment.mjs), run as the workflow runs
 * it from the base checkout, against a fake GitHub API on 127.0.0.1: one comment, created once and updated in place,
 * found on any page, silent when nothing changed, and one-line errors.
 */
import * as fs from 'fs';
import * as path from 'path';
import { tmpDir } from './fixtures';
import { FakeGitHub, TOKEN, startFakeGitHub } from './fake-github-api';
import { StepRun, Workspace, loadWorkflow, stepNamed, workspace } from './workflow';

const MARKER = '<!-- genesys-access diff -->';
const REPO = 'acme/contact-center';
const ISSUE = `${REPO}#7`;
const workflow = loadWorkflow('access-review.yml');
const step = stepNamed(workflow.jobs['review']!, 'Comment on the pull request');

let tmp: string;
let api: FakeGitHub;
let ws: Workspace;

beforeAll(async () => {
  tmp = tmpDir('gha-comment');
  ws = workspace(tmp);
});
beforeEach(async () => {
  api = await startFakeGitHub();
});
afterEach(() => api.close());
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Writes `markdown` and runs the step's script with the env the workflow gives it. */
function comment(markdown: string, changed: boolean, env: Record<string, string> = {}): Promise<StepRun> {
  const file = path.join(ws.runnerTemp, 'access-diff.md');
  fs.writeFileSync(file, markdown);
  return ws.run(step.run!, step['working-directory']!, {
    GITHUB_API_URL: api.url,
    GITHUB_REPOSITORY: REPO,
    GITHUB_TOKEN: TOKEN,
    PR_NUMBER: '7',
    CHANGED: String(changed),
    MARKDOWN: file,
    ...env,
  });
}

const ours = (): { id: number; body: string }[] =>
  (api.issues.get(ISSUE) ?? []).filter((c) => c.body.startsWith(MARKER));
const writes = (): string[] => api.requests.filter((r) => !r.startsWith('GET '));

const DIFF = '## Genesys Cloud access changes\n\n**Broadening: 1 change to approve**\n';

test('access changed: creates the comment once, then updates the same comment in place', async () => {
  const first = await comment(DIFF, true);
  expect([first.status, first.stderr]).toEqual([0, '']);
  expect(ours()).toHaveLength(1);
  const id = ours()[0]!.id;
  expect(first.stdout).toBe(`genesys-access comment: created comment ${id}\n`);
  expect(ours()[0]!.body).toBe(`${MARKER}\n${DIFF}`);

  const second = await comment(DIFF.replace('1 change', '2 changes'), true);
  expect(second.stdout).toBe(`genesys-access comment: updated comment ${id}\n`);
  expect(ours()).toEqual([expect.objectContaining({ id, body: expect.stringContaining('2 changes to approve') })]);
  expect(writes()).toEqual([`POST /repos/${REPO}/issues/7/comments`, `PATCH /repos/${REPO}/issues/comments/${id}`]);

  const same = await comment(DIFF.replace('1 change', '2 changes'), true);
  expect(same.stdout).toBe(`genesys-access comment: comment ${id} is up to date\n`);
  expect(writes()).toHaveLength(2);
});

test('finds its comment past the first page (>100 comments) and ignores a person quoting the marker', async () => {
  for (let i = 0; i < 130; i++) api.add(ISSUE, i === 5 ? `${MARKER}\nnot the bot` : `comment ${i}`, 'User');
  const mine = api.add(ISSUE, `${MARKER}\nold review`);
  for (let i = 0; i < 20; i++) api.add(ISSUE, `later ${i}`, 'User');
  const r = await comment(DIFF, true);
  expect(r.stdout).toBe(`genesys-access comment: updated comment ${mine.id}\n`);
  expect(api.requests.filter((x) => x.startsWith('GET '))).toEqual([
    `GET /repos/${REPO}/issues/7/comments?per_page=100&page=1`,
    `GET /repos/${REPO}/issues/7/comments?per_page=100&page=2`,
  ]);
  expect(writes()).toEqual([`PATCH /repos/${REPO}/issues/comments/${mine.id}`]);
  expect(api.issues.get(ISSUE)![5]!.body).toBe(`${MARKER}\nnot the bot`);
});

test('nothing changed and no earlier comment: posts nothing (after reading every page)', async () => {
  for (let i = 0; i < 100; i++) api.add(ISSUE, `comment ${i}`, 'User');
  const r = await comment('## Genesys Cloud access changes\n\nNo changes.\n', false);
  expect([r.status, r.stdout]).toEqual([
    0,
    'genesys-access comment: access does not change and there is no earlier comment: nothing posted\n',
  ]);
  expect(writes()).toEqual([]);
  expect(api.requests).toHaveLength(2);
});

test('nothing changed any more: the earlier comment says so', async () => {
  await comment(DIFF, true);
  const id = ours()[0]!.id;
  const r = await comment('## Genesys Cloud access changes\n\nNo changes.\n', false);
  expect(r.stdout).toBe(`genesys-access comment: updated comment ${id}\n`);
  expect(ours()).toEqual([
    expect.objectContaining({
      id,
      body: `${MARKER}\n## Genesys Cloud access changes\n\nThis pull request no longer changes Genesys Cloud access.\n`,
    }),
  ]);
});

test("a body over GitHub's 65,536 characters is cut at a line, with a note", async () => {
  const row = '| added | **QA** | + `recording:recording:view` in Chicago |\n';
  const r = await comment(`## Genesys Cloud access changes\n\n${row.repeat(2000)}`, true);
  expect(r.status).toBe(0);
  const body = ours()[0]!.body;
  expect(body.length).toBeLessThanOrEqual(65536);
  expect(body.length).toBeGreaterThan(65000);
  expect(body).toMatch(/\|\n\n_Cut to fit a comment: the job summary and the workflow run have the whole review\._\n$/);
});

test('a 403 is one line with the call, the status and GitHub message, and exit 1', async () => {
  api.refuse = { status: 403, message: 'Resource not accessible by integration' };
  const r = await comment(DIFF, true);
  expect([r.status, r.stdout, r.stderr]).toEqual([
    1,
    '',
    `genesys-access comment: GitHub API GET /repos/${REPO}/issues/7/comments?per_page=100&page=1 failed: 403 Resource not accessible by integration\n`,
  ]);
});

test('a failing write is reported the same way', async () => {
  const r = await comment(DIFF, true, { GITHUB_TOKEN: 'wrong' });
  expect([r.status, r.stderr]).toEqual([
    1,
    `genesys-access comment: GitHub API GET /repos/${REPO}/issues/7/comments?per_page=100&page=1 failed: 401 Bad credentials\n`,
  ]);
});

test('an unreachable API and missing settings are one-line errors', async () => {
  const closed = await startFakeGitHub();
  await closed.close();
  const down = await comment(DIFF, true, { GITHUB_API_URL: closed.url });
  expect(down.status).toBe(1);
  expect(down.stderr).toMatch(
    /^genesys-access comment: GitHub API GET \/repos\/acme\/contact-center\/issues\/7\/comments\?per_page=100&page=1 failed: .*ECONNREFUSED.*\n$/,
  );
  const noToken = await comment(DIFF, true, { GITHUB_TOKEN: '' });
  expect([noToken.status, noToken.stderr]).toEqual([
    2,
    'genesys-access comment: GITHUB_TOKEN is not set: run this script as a GitHub Actions step (see its header)\n',
  ]);
  const badChanged = await comment(DIFF, true, { CHANGED: '' });
  expect(badChanged.status).toBe(2);
  expect(badChanged.stderr).toBe(
    'genesys-access comment: CHANGED is not set: run this script as a GitHub Actions step (see its header)\n',
  );
  expect(api.requests).toEqual([]);
});
