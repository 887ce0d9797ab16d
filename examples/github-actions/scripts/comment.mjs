#!/usr/bin/env node
// Keeps ONE pull-request comment with the access review, updated in place on every push.
//
// Usage: node comment.mjs <markdown file>
//
// Environment: GITHUB_TOKEN (pull-requests: write), GITHUB_REPOSITORY (owner/name), PR_NUMBER, CHANGED (the gate
// step's `changed` output: true or false), GITHUB_API_URL (default https://api.github.com).
//
// Finds the comment by a hidden marker among the pull request's comments (every page), then:
// - access changed: updates that comment, or creates it when there is none;
// - nothing changed and a comment exists (from an earlier push): updates it to say access no longer changes;
// - nothing changed and no comment: posts nothing.
// No dependencies (Node 20's fetch). An API failure is one line (method, path, status, GitHub's message), exit 1;
// a usage error exits 2.
import { readFileSync } from 'node:fs';

/** The hidden marker that identifies our comment. */
const MARKER = '<!-- genesys-access diff -->';
/** GitHub's limit for a comment body, in characters. */
const MAX_BODY = 65536;
const PER_PAGE = 100;

class Failure extends Error {
  constructor(message, code) {
    super(message);
    this.code = code;
  }
}

function env(name) {
  const value = process.env[name];
  if (!value) throw new Failure(`${name} is not set: run this script as a GitHub Actions step (see its header)`, 2);
  return value;
}

/** The comment body: the marker and the Markdown, cut at a line to fit GitHub's limit. */
function commentBody(markdown) {
  const body = `${MARKER}\n${markdown.trimEnd()}\n`;
  if (body.length <= MAX_BODY) return body;
  const note = '\n\n_Cut to fit a comment: the job summary and the workflow run have the whole review._\n';
  const room = body.slice(0, MAX_BODY - note.length);
  const cut = room.lastIndexOf('\n');
  return `${room.slice(0, cut > 0 ? cut : room.length)}${note}`;
}

/** What the comment says once the pull request no longer changes access. */
function unchangedBody() {
  return `${MARKER}\n## Genesys Cloud access changes\n\nThis pull request no longer changes Genesys Cloud access.\n`;
}

function github() {
  const api = (process.env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
  const token = env('GITHUB_TOKEN');
  return async (method, path, body) => {
    let response;
    try {
      response = await fetch(`${api}${path}`, {
        method,
        headers: {
          accept: 'application/vnd.github+json',
          authorization: `Bearer ${token}`,
          'x-github-api-version': '2022-11-28',
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    } catch (e) {
      throw new Failure(`GitHub API ${method} ${path} failed: ${e.cause?.message ?? e.message}`, 1);
    }
    const text = await response.text();
    if (!response.ok) {
      let message = text.slice(0, 200);
      try {
        message = JSON.parse(text).message ?? message;
      } catch {
        // not JSON: keep the text
      }
      const oneLine = String(message).replace(/\s+/g, ' ').trim();
      throw new Failure(`GitHub API ${method} ${path} failed: ${response.status} ${oneLine}`, 1);
    }
    return text ? JSON.parse(text) : undefined;
  };
}

/** Our comment: the first comment by a bot whose body starts with the marker, looked for on every page. */
async function findComment(call, issue) {
  for (let page = 1; ; page++) {
    const comments = await call('GET', `${issue}/comments?per_page=${PER_PAGE}&page=${page}`);
    if (!Array.isArray(comments)) throw new Failure(`GitHub API GET ${issue}/comments did not return a list`, 1);
    const mine = comments.find((c) => c.user?.type === 'Bot' && String(c.body ?? '').startsWith(MARKER));
    if (mine) return mine;
    if (comments.length < PER_PAGE) return undefined;
  }
}

async function main(argv) {
  if (argv.length !== 1) throw new Failure('usage: node comment.mjs <markdown file>', 2);
  const repository = env('GITHUB_REPOSITORY');
  const number = env('PR_NUMBER');
  const changed = env('CHANGED');
  if (!/^[^/\s]+\/[^/\s]+$/.test(repository))
    throw new Failure(`GITHUB_REPOSITORY "${repository}" is not owner/name`, 2);
  if (!/^[1-9][0-9]*$/.test(number)) throw new Failure(`PR_NUMBER "${number}" is not a pull-request number`, 2);
  if (changed !== 'true' && changed !== 'false')
    throw new Failure(`CHANGED must be true or false, not "${changed}"`, 2);
  let markdown;
  try {
    markdown = readFileSync(argv[0], 'utf8');
  } catch (e) {
    throw new Failure(`cannot read ${argv[0]}: ${e.code ?? e.message}`, 2);
  }

  const call = github();
  const repo = `/repos/${repository}`;
  const issue = `${repo}/issues/${number}`;
  const existing = await findComment(call, issue);
  if (changed === 'false' && !existing) return 'access does not change and there is no earlier comment: nothing posted';
  const body = changed === 'true' ? commentBody(markdown) : unchangedBody();
  if (existing) {
    if (existing.body === body) return `comment ${existing.id} is up to date`;
    await call('PATCH', `${repo}/issues/comments/${existing.id}`, { body });
    return `updated comment ${existing.id}`;
  }
  const created = await call('POST', `${issue}/comments`, { body });
  return `created comment ${created?.id}`;
}

main(process.argv.slice(2)).then(
  (done) => console.log(`genesys-access comment: ${done}`),
  (e) => {
    // One line, never a stack trace: an unexpected error says what it was and where to report it.
    const what = e instanceof Failure ? e.message : `unexpected error: ${String(e?.message ?? e).replace(/\s+/g, ' ')}`;
    console.error(
      `genesys-access comment: ${what}${e instanceof Failure ? '' : ' (please report it with the workflow run)'}`,
    );
    process.exitCode = e instanceof Failure ? e.code : 1;
  },
);
