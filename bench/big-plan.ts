/**
 * A `cdk.tf.json` of about `resources` resources shaped like a large contact-centre org, for the review
 * benchmark: 2% OAuth clients, 20% users (each with a genesyscloud_user_roles), 200 roles, and the rest routing
 * queues and skills. Synthesizing 50,000 resources takes cdktf minutes and gigabytes, so a seed org is
 * synthesized for real (constructs + rules, so it carries cdktf's "//" metadata and our locals) and its
 * clients, users, queues and skills are replicated under new names. Every replica is a copy of a real
 * synthesized resource.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { AccessRole, Division, ServiceAccountUser } from '../dist/lib';
import { RoutingQueue } from '../dist/src/generated/provider/routing-queue';
import { RoutingSkill } from '../dist/src/generated/provider/routing-skill';
import { buildWithConstructs } from './org';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const SEED = { clients: 20, roles: 200, divisions: 20, users: 20, queues: 20 };

function synthSeed(): Json {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'gca-bench-plan-'));
  const app = new App({ outdir });
  const stack = buildWithConstructs(app, { clients: SEED.clients, roles: SEED.roles, divisions: SEED.divisions });
  const divisions = Array.from({ length: 2 }, (_, d) => Division.fromName(stack, `user-division-${d}`, `Site ${d}`));
  const agent = stack.node.findChild('role-0') as AccessRole;
  for (let u = 0; u < SEED.users; u++) {
    const user = new ServiceAccountUser(stack, `user-${u}`, { email: `agent${u}@example.com`, name: `Agent ${u}` });
    agent.grant(user, ...divisions);
  }
  for (let q = 0; q < SEED.queues; q++) {
    new RoutingQueue(stack, `queue-${q}`, { name: `Queue ${q}`, divisionId: divisions[q % 2].divisionId });
    new RoutingSkill(stack, `skill-${q}`, { name: `Skill ${q}` });
  }
  app.synth();
  const json = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'org', 'cdk.tf.json'), 'utf8'));
  fs.rmSync(outdir, { recursive: true, force: true });
  return json;
}

function replicate(section: Json, n: number, rename: (body: Json, i: number, copy: string) => void): void {
  const seeds = Object.entries(section);
  for (let i = 0; i < n; i++) {
    const [name, body] = seeds[i % seeds.length];
    const copy = `${name}_r${i}`;
    const b = JSON.parse(JSON.stringify(body));
    if (b['//']?.metadata) b['//'].metadata = { path: `org/replica-${copy}/Default`, uniqueId: copy };
    rename(b, i, copy);
    section[copy] = b;
  }
}

/** The plan, as JSON text; `head` also grants every 10th client all divisions and drops every 50th user's roles. */
export function bigPlan(resources: number, variant: 'base' | 'head' = 'base'): string {
  const json = synthSeed();
  const r = json.resource;
  const seeded = Object.values(r as Json).reduce((n: number, s) => n + Object.keys(s as Json).length, 0);
  const budget = Math.max(0, resources - seeded);
  const clients = Math.round(budget * 0.02);
  const users = Math.round(budget * 0.2);
  const rest = budget - clients - 2 * users;
  const meta = json.locals.genesyscloud_access.principals as Json;
  replicate(r.genesyscloud_oauth_client, clients, (b, i, copy) => {
    b.name = `${b.name} ${i}`;
    if (variant === 'head' && i % 10 === 0) b.roles = [...b.roles, { role_id: b.roles[0].role_id, division_id: '*' }];
    meta[`genesyscloud_oauth_client.${copy}`] = { construct: `org/replica-${copy}`, capabilities: [] };
  });
  const rolesSeeds = Object.values(r.genesyscloud_user_roles as Json);
  replicate(r.genesyscloud_user, users, (b, i, copy) => {
    b.email = `replica${i}@example.com`;
    const roles = JSON.parse(JSON.stringify(rolesSeeds[i % rolesSeeds.length]));
    roles.user_id = `\${genesyscloud_user.${copy}.id}`;
    if (variant === 'head' && i % 50 === 0) roles.roles = [];
    r.genesyscloud_user_roles[`${copy}_roles`] = roles;
  });
  replicate(r.genesyscloud_routing_queue, Math.ceil(rest / 2), (b, i) => (b.name = `Queue replica ${i}`));
  replicate(r.genesyscloud_routing_skill, Math.floor(rest / 2), (b, i) => (b.name = `Skill replica ${i}`));
  return JSON.stringify(json, null, 2);
}

/** Number of resources in a plan. */
export function resourceCount(json: Json): number {
  return Object.values((json.resource ?? {}) as Json).reduce((n: number, s) => n + Object.keys(s as Json).length, 0);
}
