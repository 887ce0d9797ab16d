/**
 * A fake of the three GitHub REST endpoints the comment script calls (list, create and update issue comments), on
 * 127.0.0.1, keeping the comments in memory and every request in a log. It pages like GitHub (`per_page`, `page`),
 * checks the bearer token, and can be told to refuse everything with a status and message.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';

/** One stored comment. */
export interface FakeComment {
  id: number;
  body: string;
  user: { login: string; type: 'Bot' | 'User' };
}

/** The fake API: its URL, its state and its request log. */
export interface FakeGitHub {
  readonly url: string;
  /** The comments of each issue, by `owner/name#number`. */
  readonly issues: Map<string, FakeComment[]>;
  /** Every request, as `METHOD /path?query`. */
  readonly requests: string[];
  /** When set, every request gets this status and message. */
  refuse?: { status: number; message: string };
  /** Adds a comment to `issue` (`owner/name#number`) and returns it. */
  add(issue: string, body: string, type?: 'Bot' | 'User'): FakeComment;
  close(): Promise<void>;
}

export const TOKEN = 'test-token';

/** Starts the fake API on a free port of 127.0.0.1. */
export async function startFakeGitHub(): Promise<FakeGitHub> {
  const issues = new Map<string, FakeComment[]>();
  const requests: string[] = [];
  let nextId = 1000;
  const comments = (issue: string): FakeComment[] => {
    if (!issues.has(issue)) issues.set(issue, []);
    return issues.get(issue)!;
  };
  const add = (issue: string, body: string, type: 'Bot' | 'User' = 'Bot'): FakeComment => {
    const comment: FakeComment = {
      id: nextId++,
      body,
      user: type === 'Bot' ? { login: 'github-actions[bot]', type } : { login: 'octocat', type },
    };
    comments(issue).push(comment);
    return comment;
  };

  const fake: FakeGitHub = {
    url: '',
    issues,
    requests,
    add,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      requests.push(`${req.method} ${req.url}`);
      const send = (status: number, body: unknown): void => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (fake.refuse) return send(fake.refuse.status, { message: fake.refuse.message });
      if (req.headers.authorization !== `Bearer ${TOKEN}`) return send(401, { message: 'Bad credentials' });
      const url = new URL(req.url!, 'http://127.0.0.1');
      const list = /^\/repos\/([^/]+\/[^/]+)\/issues\/(\d+)\/comments$/.exec(url.pathname);
      const one = /^\/repos\/([^/]+\/[^/]+)\/issues\/comments\/(\d+)$/.exec(url.pathname);
      if (list && req.method === 'GET') {
        const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), 100);
        const page = Number(url.searchParams.get('page') ?? 1);
        return send(200, comments(`${list[1]}#${list[2]}`).slice((page - 1) * perPage, page * perPage));
      }
      if (list && req.method === 'POST') return send(201, add(`${list[1]}#${list[2]}`, JSON.parse(raw).body));
      if (one && req.method === 'PATCH') {
        const found = [...issues.entries()]
          .filter(([key]) => key.startsWith(`${one[1]}#`))
          .flatMap(([, cs]) => cs)
          .find((c) => c.id === Number(one[2]));
        if (!found) return send(404, { message: 'Not Found' });
        found.body = JSON.parse(raw).body;
        return send(200, found);
      }
      return send(404, { message: 'Not Found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  (fake as { url: string }).url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
