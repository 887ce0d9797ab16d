/**
 * Type validation before analysis: every value the access model reads is checked against the pinned provider
 * schema, and a wrong type is one line naming the value (address and JSON pointer, or file:line) and what it
 * must be. Nothing is coerced.
 */
import { readCdktf } from '../../lib/sources/cdktf/read';
import { documentedValues, readSchema } from '../../lib/sources/document-schema';
import { validateDocument } from '../../lib/sources/validate-document';

const ROLE_REF = '${genesyscloud_auth_role.r.id}';

function stack(client: Record<string, unknown> = {}, role: Record<string, unknown> = {}, extra = {}): object {
  return {
    resource: {
      genesyscloud_auth_role: {
        r: {
          name: 'R',
          permission_policies: [{ domain: 'routing', entity_name: 'queue', action_set: ['view'] }],
          ...role,
        },
      },
      genesyscloud_oauth_client: {
        c: {
          name: 'C',
          authorized_grant_type: 'CLIENT-CREDENTIALS',
          roles: [{ role_id: ROLE_REF, division_id: '*' }],
          ...client,
        },
      },
    },
    ...extra,
  };
}

const message = (doc: object): string => {
  try {
    readCdktf(doc, { file: 'cdk.tf.json' });
  } catch (e) {
    return (e as Error).message;
  }
  return '(no error)';
};

describe('validateDocument', () => {
  test('the schema it reads has every attribute and the documented client states', () => {
    const s = readSchema();
    expect(s.resource.genesyscloud_oauth_client.attributes.state.oneOf).toEqual(['active', 'inactive']);
    expect(s.resource.genesyscloud_oauth_client.attributes.scopes.type).toBe('strings');
    expect(s.resource.genesyscloud_oauth_client.attributes.access_token_validity_seconds.type).toBe('number');
    expect(s.resource.genesyscloud_auth_role.blocks.permission_policies.attributes.action_set.type).toBe('strings');
    expect(documentedValues('The state (active | inactive). Defaults to `active`.')).toEqual(['active', 'inactive']);
    expect(documentedValues('A name.')).toBeUndefined();
  });

  test('a valid stack and expressions pass', () => {
    expect(() => validateDocument(stack())).not.toThrow();
    expect(() =>
      validateDocument(
        stack({ roles: '${var.roles}', scopes: '${var.scopes}', access_token_validity_seconds: '${var.ttl}' }),
      ),
    ).not.toThrow();
    expect(() =>
      validateDocument(stack({ access_token_validity_seconds: '3600', expose_client_secret: 'false' })),
    ).not.toThrow();
    expect(() => validateDocument('not an object')).not.toThrow();
  });

  test.each<[string, object, string]>([
    [
      'an object division',
      stack({ roles: [{ role_id: ROLE_REF, division_id: { id: 'x' } }] }),
      '"cdk.tf.json" at /resource/genesyscloud_oauth_client/c/roles/0/division_id (genesyscloud_oauth_client.c.roles[0].division_id) is an object: it must be a division id such as "${data.genesyscloud_auth_division.x.id}" or "*"',
    ],
    [
      'an object scope',
      stack({ scopes: [{ s: 1 }] }),
      '"cdk.tf.json" at /resource/genesyscloud_oauth_client/c/scopes/0 (genesyscloud_oauth_client.c.scopes[0]) is an object: it must be a string in a list of scope names such as ["users:readonly"]',
    ],
    [
      'a deleted client',
      stack({ state: 'deleted' }),
      '"cdk.tf.json" at /resource/genesyscloud_oauth_client/c/state (genesyscloud_oauth_client.c.state) is "deleted": it must be one of "active", "inactive"',
    ],
    [
      'a token lifetime that is not a number',
      stack({ access_token_validity_seconds: 'a day' }),
      '(genesyscloud_oauth_client.c.access_token_validity_seconds) is a string that is not a number: it must be a whole number of seconds such as 3600',
    ],
    [
      'a string for a boolean',
      stack({ expose_client_secret: 'yes' }),
      '(genesyscloud_oauth_client.c.expose_client_secret) is a string: it must be true or false',
    ],
    [
      'a string for the action set',
      stack({}, { permission_policies: [{ domain: 'routing', entity_name: 'queue', action_set: 'view' }] }),
      '(genesyscloud_auth_role.r.permission_policies[0].action_set) is a string: it must be a list of actions such as ["view"]',
    ],
    [
      'a string for conditions',
      stack(
        {},
        { permission_policies: [{ domain: 'routing', entity_name: 'queue', action_set: ['view'], conditions: 'x' }] },
      ),
      '(genesyscloud_auth_role.r.permission_policies[0].conditions) is a string: it must be a conditions block (an object)',
    ],
    [
      'a numeric division name in a data source',
      stack({}, {}, { data: { genesyscloud_auth_division: { d: { name: 7 } } } }),
      '"cdk.tf.json" at /data/genesyscloud_auth_division/d/name (data.genesyscloud_auth_division.d.name) is a number',
    ],
    [
      'a construct path that is not a string',
      stack({ '//': { metadata: { path: 5 } } }),
      '(genesyscloud_oauth_client.c["//"].metadata.path) is a number: it must be a string written by cdktf synth',
    ],
    [
      'a stack name that is not a string',
      stack({}, {}, { '//': { metadata: { stackName: ['x'] } } }),
      '"cdk.tf.json" at /~1~1/metadata/stackName (["//"].metadata.stackName) is a list',
    ],
    [
      'a numeric entry in division_ids',
      {
        resource: {
          genesyscloud_group_roles: { g: { group_id: 'g-1', roles: [{ role_id: 'r', division_ids: [1] }] } },
        },
      },
      '(genesyscloud_group_roles.g.roles[0].division_ids[0]) is a number',
    ],
  ])('%s', (_name, doc, expected) => {
    const m = message(doc);
    expect(m).toContain(expected);
    expect(m).not.toContain('\n');
    expect(m).not.toContain('[object Object]');
  });

  test('HCL sources name file:line instead of the pointer', () => {
    expect(() =>
      validateDocument(stack({ state: 'gone' }), {
        file: 'main.tf',
        locate: (a) => (a === 'genesyscloud_oauth_client.c' ? { file: 'main.tf', line: 12 } : undefined),
      }),
    ).toThrow('main.tf:12: genesyscloud_oauth_client.c.state is "gone": it must be one of "active", "inactive"');
  });

  test('a long or invisible value is quoted short and visible', () => {
    const m = message(stack({ state: `\u202e${'x'.repeat(100)}` }));
    expect(m).toContain('"\\u202exxxxxxxxx');
    expect(m).not.toContain('\u202e');
    expect(m.length).toBeLessThan(300);
  });
});
