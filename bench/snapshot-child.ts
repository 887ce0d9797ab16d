/**
 * One snapshot measurement in a fresh process: `tsx bench/snapshot-child.ts <users> <divisions> <roles>
 * <clients> <groups> <latencyMs> <concurrency> <repetitions>` starts the fake Platform API in a process of its
 * own, takes the snapshot with the built package (`dist/`, as users run it) and, as the baseline, replays the
 * very requests the snapshot made (same URLs, same bodies, same concurrency) with a bare fetch loop: the fake
 * server's own minimum for that many requests. Prints the times, the calls and the formula's count.
 */
import { spawn } from 'child_process';
import * as path from 'path';
import { takeSnapshot } from '../dist/lib/sources/genesys-org/live';
import { expectedCalls } from '../test/fake-platform-api/expected';
import { generateOrg } from '../test/fake-platform-api/org';

const ROOT = path.resolve(__dirname, '..');
const [users, divisions, roles, clients, groups, latencyMs, concurrency, repetitions] = process.argv
  .slice(2)
  .map(Number);
const PAGE = 100;
const SECRET = 'snapshot-secret-s3cr3t';

interface Logged {
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly body?: string;
}

async function replay(base: string, log: readonly Logged[], c: number): Promise<number> {
  const basic = `Basic ${Buffer.from(`snapshot-client:${SECRET}`).toString('base64')}`;
  const token = (
    (await (
      await fetch(`${base}/oauth/token`, {
        method: 'POST',
        headers: { Authorization: basic },
        body: 'grant_type=client_credentials',
      })
    ).json()) as { access_token: string }
  ).access_token;
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: c }, async () => {
      while (next < log.length) {
        const l = log[next++]!;
        const res = await fetch(`${base}${l.url}`, {
          method: l.method,
          headers: l.url === '/oauth/token' ? { Authorization: basic } : { Authorization: `Bearer ${token}` },
          ...(l.body ? { body: l.body } : {}),
        });
        await res.arrayBuffer();
      }
    }),
  );
  return performance.now() - t0;
}

void (async () => {
  const server = spawn(
    process.execPath,
    [
      '--require',
      require.resolve('tsx/cjs'),
      path.join(ROOT, 'bench/fake-api-child.ts'),
      ...[users, divisions, roles, clients, groups, latencyMs].map(String),
    ],
    {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const ports = await new Promise<{ port: number; control: number }>((resolve, reject) => {
    let buf = '';
    server.stdout!.on('data', (d: Buffer) => {
      buf += d.toString('utf8');
      if (buf.includes('\n')) resolve(JSON.parse(buf.split('\n')[0]!));
    });
    server.on('exit', (code) => reject(new Error(`fake API exited ${code}`)));
  });
  const base = `http://127.0.0.1:${ports.port}`;
  const control = `http://127.0.0.1:${ports.control}`;
  const env = {
    GENESYSCLOUD_OAUTHCLIENT_ID: 'snapshot-client',
    GENESYSCLOUD_OAUTHCLIENT_SECRET: SECRET,
    GENESYSCLOUD_GATEWAY_HOST: '127.0.0.1',
    GENESYSCLOUD_GATEWAY_PORT: String(ports.port),
    GENESYSCLOUD_GATEWAY_PROTOCOL: 'http',
  };
  const options = { env, usageDays: 90, concurrency, pageSize: PAGE, pollIntervalMs: 0 };
  const snapshotMs: number[] = [];
  const baselineMs: number[] = [];
  let calls = 0;
  let log: Logged[] = [];
  await takeSnapshot(options); // warm-up: JIT, catalog tables, connections
  for (let i = 0; i < repetitions!; i++) {
    await fetch(`${control}/reset`, { method: 'POST' });
    const t0 = performance.now();
    const { stats } = await takeSnapshot(options);
    snapshotMs.push(performance.now() - t0);
    calls = stats.requests;
    log = (await (await fetch(`${control}/log`)).json()) as Logged[];
    baselineMs.push(await replay(base, log, concurrency!));
  }
  server.stdin!.end();
  const org = generateOrg({ users: users!, divisions: divisions!, roles: roles!, clients: clients!, groups: groups! });
  const formula = expectedCalls(org, PAGE, { polls: 1 });
  const perUser = users! + roles! + divisions! + clients!; // one grants call per user (plus the listings)
  console.log(
    JSON.stringify({ snapshotMs, baselineMs, calls, replayed: log.length, formula, perUser, concurrency, latencyMs }),
  );
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
