/**
 * The fake Platform API in a process of its own (so the client measured does not share its event loop):
 * `tsx bench/fake-api-child.ts <users> <divisions> <roles> <clients> <groups> <latencyMs>` serves the generated
 * org on 127.0.0.1 and prints `{"port":..,"control":..}`. The control port answers `GET /log` (the requests
 * since the last reset) and `POST /reset`. It stops when its parent closes stdin.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';
import { generateOrg } from '../test/fake-platform-api/org';
import { startFakeApi } from '../test/fake-platform-api/server';

const [users, divisions, roles, clients, groups, latencyMs] = process.argv.slice(2).map(Number);

void (async () => {
  const org = generateOrg({ users: users!, divisions: divisions!, roles: roles!, clients: clients!, groups: groups! });
  const api = await startFakeApi(org, { latencyMs: latencyMs!, usagePolls: 1 });
  const control = http.createServer((req, res) => {
    if (req.method === 'POST' && req.url === '/reset') api.log.length = 0;
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(req.method === 'GET' && req.url === '/log' ? JSON.stringify(api.log) : '{}');
  });
  await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
  process.stdout.write(`${JSON.stringify({ port: api.port, control: (control.address() as AddressInfo).port })}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => {
    control.close();
    void api.close().then(() => process.exit(0));
  });
})();
