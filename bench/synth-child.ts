/**
 * One synth measurement in a fresh process (so peak RSS is per variant):
 * `tsx bench/synth-child.ts <constructs|raw> <clients> <divisions> <roles>` prints `{"ms":..,"maxRssMb":..}`.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { buildRaw, buildWithConstructs } from './org';

const [variant, clients, divisions, roles] = process.argv.slice(2);
const size = { clients: Number(clients), divisions: Number(divisions), roles: Number(roles) };
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'gca-bench-'));
const t0 = performance.now();
const app = new App({ outdir });
(variant === 'raw' ? buildRaw : buildWithConstructs)(app, size);
app.synth();
const ms = performance.now() - t0;
const bytes = fs.statSync(path.join(outdir, 'stacks', 'org', 'cdk.tf.json')).size;
fs.rmSync(outdir, { recursive: true, force: true });
console.log(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, bytes }));
