/**
 * The published JSON Schema of the access graph (schema/access-graph.schema.json): it compiles with Ajv in strict
 * mode, every graph the cdktf reader produces (hand-written documents and the real examples) validates against
 * it, it rejects malformed graphs, and the committed file is exactly what the generator produces from
 * lib/access/graph.ts now.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { EXAMPLES } from '../../examples';
import type { AccessGraph } from '../../lib/access/graph';
import { readCdktf } from '../../lib/sources/cdktf/read';
import { ACCESS_GRAPH_SCHEMA_PATH, readGraph } from '../../lib/sources/graph-json';
import { SCHEMA_ID, schemaText } from '../../scripts/generate-schema';
import { ROOT, synthExamples, tmpDir } from '../cli/fixtures';

const SCHEMA_FILE = path.join(ROOT, ACCESS_GRAPH_SCHEMA_PATH);

function loadSchema(): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
}

function compile(): ValidateFunction {
  const ajv = new Ajv({ strict: true, allowUnionTypes: true, allErrors: true });
  return ajv.compile(loadSchema());
}

/** The errors of a graph (none when it is valid), so a failure shows what is wrong. */
function errorsOf(validate: ValidateFunction, graph: unknown): ErrorObject[] {
  return validate(graph) ? [] : (validate.errors ?? []);
}

/** A deep copy as plain JSON, for mutating. */
function copy(graph: AccessGraph): any {
  return JSON.parse(JSON.stringify(graph));
}

const ref = (address: string): string => `\${${address}.id}`;

/**
 * A CLIENT-CREDENTIALS client holding roles in a looked-up division, in all divisions (`*`) and in no division
 * (implicit home); a role with conditions and general permissions; a looked-up role (data.genesyscloud_auth_role);
 * and the intent our constructs record in locals.genesyscloud_access.
 */
const OAUTH_DOC = {
  '//': { metadata: { backend: 'local', stackName: 'hand-oauth', version: '0.21.0' } },
  data: {
    genesyscloud_auth_division: {
      chicago: { '//': { metadata: { path: 'hand-oauth/chicago' } }, name: 'Chicago' },
    },
    genesyscloud_auth_role: { employee: { name: 'employee' } },
  },
  resource: {
    genesyscloud_auth_role: {
      reader: {
        '//': { metadata: { path: 'hand-oauth/reader' } },
        name: 'Recording reader',
        permission_policies: [
          { domain: 'recording', entity_name: 'screenRecording', action_set: ['view', 'delete'] },
          { domain: 'analytics', entity_name: 'conversationDetail', action_set: ['view'] },
        ],
      },
      supervisor: {
        name: 'Queue supervisor',
        permissions: ['group_creation', 'admin'],
        permission_policies: [
          {
            domain: 'analytics',
            entity_name: 'queueObservation',
            action_set: ['*'],
            conditions: [
              {
                conjunction: 'AND',
                terms: [
                  { variable_name: 'Queue_id', operator: 'EQ', operands: [{ type: 'QUEUE', queue_id: 'queue-1' }] },
                ],
              },
            ],
          },
        ],
      },
    },
    genesyscloud_oauth_client: {
      qa: {
        '//': { metadata: { path: 'hand-oauth/qa' } },
        name: 'QA recording downloader',
        authorized_grant_type: 'CLIENT-CREDENTIALS',
        access_token_validity_seconds: 3600,
        expose_client_secret: true,
        roles: [
          {
            role_id: ref('genesyscloud_auth_role.reader'),
            division_id: ref('data.genesyscloud_auth_division.chicago'),
          },
          { role_id: ref('genesyscloud_auth_role.supervisor'), division_id: '*' },
          { role_id: ref('data.genesyscloud_auth_role.employee') },
        ],
      },
    },
  },
  locals: {
    genesyscloud_access: {
      version: 1,
      principals: {
        'genesyscloud_oauth_client.qa': {
          construct: 'app/qa',
          capabilities: ['recordings-read'],
          allDivisionsReasons: ['supervises every queue'],
        },
      },
      roles: {
        'genesyscloud_auth_role.reader': {
          construct: 'app/reader',
          capabilities: ['recordings-read'],
          base: 'recording reader',
          removed: ['recording:screenRecording:delete'],
        },
      },
      suppressions: [
        { id: 'GCA-DIV1', path: 'app/qa', reason: 'single-division org', appliesTo: ['genesyscloud_oauth_client.qa'] },
      ],
      suppressedFindings: [{ id: 'GCA-DIV1', address: 'genesyscloud_oauth_client.qa', reason: 'single-division org' }],
    },
  },
};

/** The minimal intent block, as the brief's example records it. */
const MINIMAL_INTENT_DOC = {
  resource: {
    genesyscloud_auth_role: {
      reader: {
        name: 'Reader',
        permission_policies: [{ domain: 'recording', entity_name: 'recording', action_set: ['view'] }],
      },
    },
    genesyscloud_oauth_client: {
      qa: {
        name: 'QA',
        authorized_grant_type: 'CLIENT-CREDENTIALS',
        roles: [{ role_id: ref('genesyscloud_auth_role.reader') }],
      },
    },
  },
  locals: {
    genesyscloud_access: {
      version: 1,
      principals: {
        'genesyscloud_oauth_client.qa': {
          construct: 'app/qa',
          capabilities: ['recordings-read'],
          allDivisionsReasons: [],
        },
      },
      roles: {},
      suppressions: [],
      suppressedFindings: [],
    },
  },
};

/**
 * Users and groups: a genesyscloud_user_roles in the home division and with no division, a genesyscloud_group
 * with roles_enabled false and its genesyscloud_group_roles, a user referenced by a literal id holding a role by
 * literal id, and a managed division.
 */
const SUBJECTS_DOC = {
  '//': { metadata: { stackName: 'hand-subjects' } },
  data: {
    genesyscloud_auth_division_home: { home: {} },
  },
  resource: {
    genesyscloud_auth_division: { emea: { name: 'EMEA' } },
    genesyscloud_auth_role: {
      wfm: {
        name: 'WFM schedule reader',
        permission_policies: [{ domain: 'wfm', entity_name: 'schedule', action_set: ['view'] }],
      },
    },
    genesyscloud_user: { auditor: { email: 'auditor@example.com', name: 'Auditor' } },
    genesyscloud_user_roles: {
      auditor_roles: {
        user_id: ref('genesyscloud_user.auditor'),
        roles: [
          {
            role_id: ref('genesyscloud_auth_role.wfm'),
            division_ids: [ref('data.genesyscloud_auth_division_home.home'), ref('genesyscloud_auth_division.emea')],
          },
          { role_id: 'role-literal-1' },
        ],
      },
      legacy_roles: { user_id: 'u-9', roles: [{ role_id: ref('genesyscloud_auth_role.wfm'), division_ids: ['d-42'] }] },
    },
    genesyscloud_group: { planners: { name: 'Planners', roles_enabled: false } },
    genesyscloud_group_roles: {
      planners_roles: {
        group_id: ref('genesyscloud_group.planners'),
        roles: [{ role_id: ref('genesyscloud_auth_role.wfm'), division_ids: [ref('genesyscloud_auth_division.emea')] }],
      },
    },
  },
};

/**
 * What the reader cannot resolve: a dynamic roles block, an unresolved division and role, a role adopting a
 * built-in role, a client's secret in configuration and in a directory, an integration credential, scopes, a
 * state, and a group whose roles_enabled is an expression with roles that are an expression.
 */
const UNRESOLVED_DOC = {
  resource: {
    genesyscloud_auth_role: {
      builtin: { name: 'Adopts a built-in role', default_role_id: 'employee' },
      dynamic: {
        name: 'Dynamic policies',
        dynamic: { permission_policies: { for_each: '${var.policies}', content: {} } },
      },
    },
    genesyscloud_oauth_client: {
      dyn: {
        name: 'Dynamic roles',
        authorized_grant_type: 'CLIENT-CREDENTIALS',
        dynamic: { roles: { for_each: '${var.roles}', content: {} } },
      },
      code: {
        name: 'Code grant',
        authorized_grant_type: 'CODE',
        scopes: ['users:readonly', 'analytics'],
        state: 'inactive',
        client_secret: 'not-a-real-secret',
        directory_client_secret: '/var/secrets',
        integration_credential_name: 'code-credential',
        roles: [
          { role_id: ref('genesyscloud_auth_role.builtin'), division_id: '${var.division_id}' },
          { role_id: '${var.role_id}', division_id: 'literal-division-id' },
        ],
      },
    },
    genesyscloud_group: { ops: { name: 'Ops', roles_enabled: '${var.enabled}' } },
    genesyscloud_group_roles: { ops_roles: { group_id: ref('genesyscloud_group.ops'), roles: '${var.group_roles}' } },
  },
};

const HAND_DOCS: Record<string, object> = {
  'oauth-client': OAUTH_DOC,
  'minimal-intent': MINIMAL_INTENT_DOC,
  subjects: SUBJECTS_DOC,
  unresolved: UNRESOLVED_DOC,
};

/** Every graph must validate as is, as plain JSON, and read back unchanged. */
function expectValidGraph(validate: ValidateFunction, graph: AccessGraph): void {
  expect(errorsOf(validate, graph)).toEqual([]);
  expect(errorsOf(validate, JSON.parse(JSON.stringify(graph)))).toEqual([]);
  expect(readGraph(JSON.stringify(graph))).toStrictEqual(graph);
}

describe('the access graph JSON Schema', () => {
  let validate: ValidateFunction;

  beforeAll(() => {
    validate = compile();
  });

  test('compiles with Ajv in strict mode and names itself', () => {
    expect(typeof validate).toBe('function');
    const schema = loadSchema();
    expect(schema.$id).toBe(SCHEMA_ID);
    expect(schema.$id).toBe(
      'https://github.com/cdktf-genesyscloud-access/cdktf-genesyscloud-access/schema/access-graph.schema.json',
    );
    expect(schema.title).toEqual(expect.any(String));
    expect(schema.description).toContain('lib/access/graph.ts');
    expect(schema.description).toContain('npm run generate');
  });

  test('maps the types: version is the constant 1, optional properties are not required, lists are arrays', () => {
    const schema = loadSchema() as any;
    expect(schema.properties.version.const).toBe(1);
    expect(schema.required).toEqual(
      expect.arrayContaining(['version', 'source', 'divisions', 'roles', 'principals', 'grants', 'grantWriters']),
    );
    expect(schema.required).not.toContain('intent');
    expect(schema.required).not.toContain('org');
    expect(schema.properties.divisions.type).toBe('array');
    const grant = schema.definitions.GraphGrant;
    expect(grant.required).toEqual(['principal', 'role', 'division', 'writer']);
    expect(grant.properties.implicitHome.type).toBe('boolean');
    expect(schema.definitions.GraphRole.properties.permissions).toMatchObject({
      type: 'array',
      items: { type: 'string' },
    });
    expect(schema.definitions.Provenance.required).toBeUndefined();
  });

  describe.each(Object.entries(HAND_DOCS))('the graph of a hand-written cdk.tf.json (%s)', (name, doc) => {
    test('validates', () => {
      expectValidGraph(validate, readCdktf(doc, { name, file: `${name}/cdk.tf.json` }));
    });
  });

  test('the hand-written documents cover what they say they do', () => {
    const oauth = readCdktf(OAUTH_DOC);
    expect(oauth.grants.map((g) => [g.division, g.implicitHome ?? false])).toEqual(
      expect.arrayContaining([
        ['data.genesyscloud_auth_division.chicago', false],
        ['*', false],
        ['home', true],
      ]),
    );
    expect(oauth.roles.find((r) => r.origin === 'data')?.key).toBe('data.genesyscloud_auth_role.employee');
    const supervisor = oauth.roles.find((r) => r.key === 'genesyscloud_auth_role.supervisor')!;
    expect(supervisor.policies[0].conditions).toBe(true);
    expect(supervisor.generalPermissions).toEqual(['admin', 'group_creation']);
    expect(oauth.intent?.principals['genesyscloud_oauth_client.qa'].capabilities).toEqual(['recordings-read']);
    expect(readCdktf(MINIMAL_INTENT_DOC).intent?.principals['genesyscloud_oauth_client.qa'].construct).toBe('app/qa');

    const subjects = readCdktf(SUBJECTS_DOC);
    expect(subjects.principals.find((p) => p.key === 'genesyscloud_group.planners')?.rolesEnabled).toBe(false);
    expect(subjects.grantWriters.map((w) => w.type)).toEqual(expect.arrayContaining(['user-roles', 'group-roles']));
    expect(subjects.roles.find((r) => r.origin === 'id')?.key).toBe('role:role-literal-1');

    const unresolved = readCdktf(UNRESOLVED_DOC);
    expect(unresolved.principals.find((p) => p.key === 'genesyscloud_group.ops')?.rolesEnabled).toBe('${var.enabled}');
    expect(unresolved.principals.filter((p) => !p.grantsComplete).map((p) => p.key)).toEqual(
      expect.arrayContaining(['genesyscloud_oauth_client.dyn', 'genesyscloud_group.ops']),
    );
  });

  describe('the graphs of the examples', () => {
    let outdir: string;

    beforeAll(() => {
      outdir = synthExamples(tmpDir('schema'));
    });

    afterAll(() => {
      fs.rmSync(outdir, { recursive: true, force: true });
    });

    test.each(Object.keys(EXAMPLES))('%s validates', (name) => {
      const file = path.join(outdir, 'stacks', name, 'cdk.tf.json');
      const graph = readCdktf(JSON.parse(fs.readFileSync(file, 'utf8')), { file: `stacks/${name}/cdk.tf.json` });
      expect(graph.principals.length).toBeGreaterThan(0);
      expectValidGraph(validate, graph);
    });
  });

  describe('rejects', () => {
    let graph: AccessGraph;

    beforeAll(() => {
      graph = readCdktf(OAUTH_DOC);
      expect(errorsOf(validate, graph)).toEqual([]);
    });

    test('an extra top-level property', () => {
      const bad = { ...copy(graph), extra: true };
      expect(errorsOf(validate, bad)).toContainEqual(
        expect.objectContaining({
          instancePath: '',
          keyword: 'additionalProperties',
          params: { additionalProperty: 'extra' },
        }),
      );
    });

    test('a principal of an unknown kind', () => {
      const bad = copy(graph);
      bad.principals[0].kind = 'robot';
      expect(errorsOf(validate, bad)).toContainEqual(
        expect.objectContaining({ instancePath: '/principals/0/kind', keyword: 'enum' }),
      );
    });

    test('another version', () => {
      const bad = { ...copy(graph), version: 2 };
      expect(errorsOf(validate, bad)).toContainEqual(
        expect.objectContaining({ instancePath: '/version', keyword: 'const' }),
      );
    });

    test('a grant without its writer', () => {
      const bad = copy(graph);
      delete bad.grants[0].writer;
      expect(errorsOf(validate, bad)).toContainEqual(
        expect.objectContaining({
          instancePath: '/grants/0',
          keyword: 'required',
          params: { missingProperty: 'writer' },
        }),
      );
    });
  });

  test('the committed file is what `npm run generate` writes from lib/access/graph.ts now, formatted as prettier formats it', () => {
    const text = schemaText();
    expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(text);
    expect(schemaText()).toBe(text);
    const prettier = spawnSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/prettier/bin/prettier.cjs'), '--stdin-filepath', ACCESS_GRAPH_SCHEMA_PATH],
      { cwd: ROOT, input: text, encoding: 'utf8' },
    );
    expect(prettier.stderr).toBe('');
    expect(prettier.stdout).toBe(text);
  });
});
