/**
 * HCL benchmark child: writes a Terraform module of about `resources` resources (roles, OAuth clients with role
 * blocks, users with user_roles, division lookups) across several files, then times, interleaved, a bare
 * `@cdktf/hcl2json` parse of every file (the baseline) and genesys-access reading the module into a graph.
 * Prints `{ ours, bare }` (ms per repetition) as its last line. Run by bench/run.ts in a fresh process.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadInputs } from '../dist/lib/sources';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const hcl2json = require('@cdktf/hcl2json') as { parse(file: string, text: string): Promise<unknown> };

/** Writes the module; returns its directory and its files. */
export function writeHclTree(resources: number): { dir: string; files: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gca-bench-hcl-'));
  const divisions = Math.max(2, Math.round(resources / 125));
  const roles = Math.max(2, Math.round(resources / 25));
  const rest = Math.max(0, resources - divisions - roles);
  const clients = Math.round(rest * 0.4);
  const users = Math.max(0, Math.floor((rest - clients) / 2));
  const perFile = 250;
  const blocks: string[] = [];
  for (let d = 0; d < divisions; d++)
    blocks.push(`data "genesyscloud_auth_division" "d${d}" {\n  name = "Division ${d}"\n}\n`);
  for (let r = 0; r < roles; r++) {
    blocks.push(
      `resource "genesyscloud_auth_role" "r${r}" {\n  name = "Role ${r}"\n  permission_policies {\n    domain      = "routing"\n    entity_name = "queue"\n    action_set  = ["view"]\n  }\n  permission_policies {\n    domain      = "recording"\n    entity_name = "recording"\n    action_set  = ["view"]\n  }\n}\n`,
    );
  }
  for (let c = 0; c < clients; c++) {
    blocks.push(
      `resource "genesyscloud_oauth_client" "c${c}" {\n  name                  = "Client ${c}"\n  authorized_grant_type = "CLIENT-CREDENTIALS"\n  roles {\n    role_id     = genesyscloud_auth_role.r${c % roles}.id\n    division_id = data.genesyscloud_auth_division.d${c % divisions}.id\n  }\n  roles {\n    role_id     = genesyscloud_auth_role.r${(c + 1) % roles}.id\n    division_id = data.genesyscloud_auth_division.d${(c + 7) % divisions}.id\n  }\n}\n`,
    );
  }
  for (let u = 0; u < users; u++) {
    blocks.push(`resource "genesyscloud_user" "u${u}" {\n  email = "user${u}@example.com"\n  name  = "User ${u}"\n}\n`);
    blocks.push(
      `resource "genesyscloud_user_roles" "u${u}" {\n  user_id = genesyscloud_user.u${u}.id\n  roles {\n    role_id      = genesyscloud_auth_role.r${u % roles}.id\n    division_ids = [data.genesyscloud_auth_division.d${u % divisions}.id]\n  }\n}\n`,
    );
  }
  const files: string[] = [];
  for (let i = 0; i * perFile < blocks.length; i++) {
    const f = path.join(dir, `part${String(i).padStart(3, '0')}.tf`);
    fs.writeFileSync(f, blocks.slice(i * perFile, (i + 1) * perFile).join('\n'));
    files.push(f);
  }
  return { dir, files };
}

async function main(): Promise<void> {
  const [resources, repetitions] = process.argv.slice(2).map(Number);
  const { dir, files } = writeHclTree(resources);
  const texts = files.map((f) => [path.basename(f), fs.readFileSync(f, 'utf8')] as const);
  const bare = async (): Promise<number> => {
    const t0 = performance.now();
    for (const f of files) await hcl2json.parse(path.basename(f), fs.readFileSync(f, 'utf8'));
    return performance.now() - t0;
  };
  const ours = async (): Promise<number> => {
    const t0 = performance.now();
    const stacks = await loadInputs(dir);
    if (stacks[0].graph.principals.length === 0) throw new Error('bench: the HCL tree read as empty');
    return performance.now() - t0;
  };
  // Warm up both (the WASM parser, the JIT), then interleave.
  await hcl2json.parse(texts[0][0], texts[0][1]);
  await ours();
  const o: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    b.push(await bare());
    o.push(await ours());
  }
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(JSON.stringify({ ours: o, bare: b, files: files.length }));
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}
