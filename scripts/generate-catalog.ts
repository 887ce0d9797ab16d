/**
 * Generates the typed Platform API catalog from the pinned data.
 *
 * Inputs:  data/genesyscloud/platform-api-operations.json, permissions.json, scopes.json
 * Outputs: src/generated/catalog/{permissions,scopes,operations,data,capabilities,preferences}.ts (do not edit;
 *          rerun `npm run generate`)
 *
 * The literal unions (`Permission`, `Scope`, `OperationId`, `OperationKey`) cost nothing at run time. The tables
 * live in data.ts as one JSON string, which `lib/catalog` parses lazily on first use.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ROOT, compareStrings, generatedHeader, sha256File, writeIfChanged } from './util';

interface RawOperation {
  operationId: string;
  method: string;
  path: string;
  summary: string;
  deprecated: boolean;
  permissions: { any: string[]; all: string[] };
  permissionsNote: string | null;
  mentionedPermissions: string[];
  scopes: string[];
  scopesSource: string;
}

const DATA = path.join(ROOT, 'data/genesyscloud');
const OUT = path.join(ROOT, 'src/generated/catalog');

function union(name: string, doc: string, values: readonly string[]): string {
  const body = values.map((v) => `  | ${JSON.stringify(v)}`).join('\n');
  return `/** ${doc} */\nexport type ${name} =\n${body};\n`;
}

export function generateCatalog(): void {
  const inputs = ['platform-api-operations.json', 'permissions.json', 'scopes.json'];
  const shas = Object.fromEntries(inputs.map((f) => [`data/genesyscloud/${f}`, sha256File(path.join(DATA, f))]));
  const mythsFile = path.join(ROOT, 'data/misconceptions.json');
  shas['data/misconceptions.json'] = sha256File(mythsFile);
  const capsFile = path.join(ROOT, 'data/capabilities.json');
  shas['data/capabilities.json'] = sha256File(capsFile);
  const prefsFile = path.join(ROOT, 'data/any-of-preferences.json');
  shas['data/any-of-preferences.json'] = sha256File(prefsFile);
  const header = generatedHeader('scripts/generate-catalog.ts', shas);

  const ops: RawOperation[] = JSON.parse(fs.readFileSync(path.join(DATA, 'platform-api-operations.json'), 'utf8'));
  const perms = JSON.parse(fs.readFileSync(path.join(DATA, 'permissions.json'), 'utf8'));
  const scopes = JSON.parse(fs.readFileSync(path.join(DATA, 'scopes.json'), 'utf8'));

  const permissionNames = Object.keys(perms.permissions).sort();
  const general = Object.keys(perms.nonStandard).sort();
  const scopeNames = Object.keys(scopes.scopes).sort();
  const sortedOps = [...ops].sort((a, b) => compareStrings(a.operationId, b.operationId));

  for (const p of permissionNames) {
    if (p.split(':').length !== 3) throw new Error(`generate-catalog: permission ${p} is not domain:entity:action`);
  }

  writeIfChanged(
    path.join(OUT, 'permissions.ts'),
    header +
      '\n' +
      union(
        'Permission',
        `Every Genesys Cloud permission (\`domain:entity:action\`) that the pinned Platform API catalog lists or mentions (${permissionNames.length}).`,
        permissionNames,
      ) +
      '\n' +
      union(
        'GeneralPermission',
        'Non-standard permission names the catalog lists (role "general permissions", set with `permissions`, not `permission_policies`).',
        general,
      ),
  );
  writeIfChanged(
    path.join(OUT, 'scopes.ts'),
    header + '\n' + union('Scope', `Every OAuth scope in the pinned catalog (${scopeNames.length}).`, scopeNames),
  );
  writeIfChanged(
    path.join(OUT, 'operations.ts'),
    header +
      '\n' +
      union(
        'OperationId',
        `Every Platform API operation id (SDK method name) in the pinned catalog (${ops.length}).`,
        sortedOps.map((o) => o.operationId),
      ) +
      '\n' +
      union(
        'OperationKey',
        'Every Platform API operation as `METHOD /path/{template}`.',
        [...new Set(sortedOps.map((o) => `${o.method} ${o.path}`))].sort(),
      ),
  );

  const myths = JSON.parse(fs.readFileSync(mythsFile, 'utf8'));
  checkMisconceptions(myths, new Set(permissionNames), new Set(scopeNames), new Set(ops.map((o) => o.operationId)));

  // Compact tables: one row per operation, in operationId order.
  const data = {
    operations: sortedOps.map((o) => [
      o.operationId,
      o.method,
      o.path,
      o.summary,
      o.permissions.any,
      o.permissions.all,
      o.scopes,
      o.scopesSource,
      o.deprecated ? 1 : 0,
      o.mentionedPermissions,
      o.permissionsNote,
    ]),
    permissions: permissionNames,
    mentionedOnly: permissionNames.filter((p) => perms.permissions[p].operations.length === 0),
    generalPermissions: general,
    scopes: scopeNames.map((s) => [s, scopes.scopes[s].readonly ? 1 : 0]),
    misconceptions: {
      permissions: myths.permissions,
      scopes: myths.scopes,
      operations: myths.operations,
      resources: myths.resources,
    },
  };
  writeIfChanged(
    path.join(OUT, 'data.ts'),
    header +
      '\n/* eslint-disable */\n' +
      '/** Compact catalog tables; parsed lazily by lib/catalog. Row layout: see scripts/generate-catalog.ts. */\n' +
      `export const CATALOG_JSON: string = ${JSON.stringify(JSON.stringify(data))};\n`,
  );
  const prefs = JSON.parse(fs.readFileSync(prefsFile, 'utf8')) as { preferences: RawPreference[] };
  checkPreferences(prefs.preferences, ops, new Set(permissionNames));
  writeIfChanged(
    path.join(OUT, 'preferences.ts'),
    header +
      '\n/** data/any-of-preferences.json (the preferences only): the built-in ranking of ANY-of alternatives, read by lib/access/ranking.ts. */\n' +
      `export const ANY_OF_PREFERENCES_JSON: string = ${JSON.stringify(JSON.stringify({ preferences: prefs.preferences }))};\n`,
  );
  const caps = JSON.parse(fs.readFileSync(capsFile, 'utf8')).capabilities as Record<string, RawCapability>;
  checkCapabilities(caps, ops, new Set(permissionNames));
  const capIds = Object.keys(caps).sort(compareStrings);
  writeIfChanged(
    path.join(OUT, 'capabilities.ts'),
    header +
      '\n' +
      union('CapabilityId', `Every capability declared in data/capabilities.json (${capIds.length}).`, capIds) +
      '\n/** data/capabilities.json, verbatim (resolved into permissions by lib/model). */\n' +
      `export const CAPABILITIES_JSON: string = ${JSON.stringify(JSON.stringify(caps))};\n`,
  );
  writeIfChanged(
    path.join(OUT, 'index.ts'),
    header +
      "\nexport * from './permissions';\nexport * from './scopes';\nexport * from './operations';\nexport type { CapabilityId } from './capabilities';\n",
  );
}

interface Myth {
  explanation: string;
  use: string[];
}

/** Every replacement a misconception points to must be real, and no "invented" name may be real. */
function checkMisconceptions(
  myths: Record<string, Record<string, Myth>>,
  permissions: Set<string>,
  scopes: Set<string>,
  operationIds: Set<string>,
): void {
  const check = (kind: string, known: Set<string> | undefined, real: Set<string>): void => {
    for (const [name, myth] of Object.entries(myths[kind] ?? {})) {
      if (known?.has(name)) throw new Error(`data/misconceptions.json: ${kind} "${name}" is real in the catalog`);
      for (const u of myth.use) {
        if (!real.has(u)) throw new Error(`data/misconceptions.json: ${kind} "${name}" points to unknown "${u}"`);
      }
    }
  };
  check('permissions', permissions, permissions);
  check('scopes', scopes, scopes);
  check('operations', undefined, operationIds);
}

interface RawCapability {
  summary: string;
  operations: string[];
  prefer?: Array<{ permission: string; why: string }>;
  notes?: string[];
}

interface RawPreference {
  prefer: string;
  over: string[];
  why: string;
}

/** Every capability names real operations; each preference is a real permission that one of them accepts. */
function checkCapabilities(
  caps: Record<string, RawCapability>,
  ops: readonly RawOperation[],
  permissions: Set<string>,
): void {
  const byId = new Map(ops.map((o) => [o.operationId, o] as const));
  for (const [id, cap] of Object.entries(caps)) {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) throw new Error(`data/capabilities.json: id "${id}" is not kebab-case`);
    if (!cap.summary || !cap.operations?.length)
      throw new Error(`data/capabilities.json: ${id} needs a summary and operations`);
    if (new Set(cap.operations).size !== cap.operations.length)
      throw new Error(`data/capabilities.json: ${id} lists an operation twice`);
    for (const op of cap.operations) {
      if (!byId.has(op)) throw new Error(`data/capabilities.json: ${id} names unknown operation "${op}"`);
    }
    for (const p of cap.prefer ?? []) {
      if (!permissions.has(p.permission))
        throw new Error(`data/capabilities.json: ${id} prefers unknown "${p.permission}"`);
      if (!p.why) throw new Error(`data/capabilities.json: ${id} must say why it prefers ${p.permission}`);
      if (
        !cap.operations.some(
          (o) => byId.get(o)!.permissions.any.length > 1 && byId.get(o)!.permissions.any.includes(p.permission),
        )
      )
        throw new Error(
          `data/capabilities.json: ${id} prefers ${p.permission}, which none of its operations has among several ANY-of alternatives`,
        );
    }
  }
}

/** Each rule names real permissions that are alternatives of one operation, says why, and no two rules conflict. */
function checkPreferences(
  prefs: readonly RawPreference[],
  ops: readonly RawOperation[],
  permissions: Set<string>,
): void {
  const where = 'data/any-of-preferences.json';
  const seen = new Set<string>();
  for (const r of prefs) {
    if (!permissions.has(r.prefer)) throw new Error(`${where}: unknown permission "${r.prefer}"`);
    if (!r.why?.trim()) throw new Error(`${where}: the preference for ${r.prefer} must say why`);
    if (!r.over?.length)
      throw new Error(`${where}: the preference for ${r.prefer} must name what it is preferred over`);
    for (const o of r.over) {
      if (!permissions.has(o)) throw new Error(`${where}: ${r.prefer} is preferred over unknown "${o}"`);
      if (!ops.some((op) => op.permissions.any.includes(r.prefer) && op.permissions.any.includes(o)))
        throw new Error(`${where}: no operation accepts both ${r.prefer} and ${o}: the preference decides nothing`);
      if (seen.has(`${o}>${r.prefer}`))
        throw new Error(`${where}: ${r.prefer} and ${o} are each preferred over the other`);
      seen.add(`${r.prefer}>${o}`);
    }
  }
}
