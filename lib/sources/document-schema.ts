/**
 * What the access model reads from a Terraform document, with each attribute's type taken from the pinned
 * genesyscloud provider schema (data/genesyscloud/provider-schema.json) and, where the provider documents them,
 * the values it allows (e.g. an OAuth client's `state`: active | inactive). Loaded once, on first use.
 * No cdktf import.
 */
import * as fs from 'fs';
import { dataFile } from '../util/package-root';

/** The type of an attribute, reduced to what the checks need. */
export type AttrType = 'string' | 'number' | 'bool' | 'strings';

/** One attribute the access model reads. */
export interface ReadAttribute {
  readonly type: AttrType;
  /** What a right value looks like, for the message, e.g. `a division id such as "${...}"`. */
  readonly must: string;
  /** The values the provider allows (from its documentation), when it lists them. */
  readonly oneOf?: readonly string[];
}

/** The attributes and nested blocks the access model reads from one block. */
export interface ReadBlock {
  readonly attributes: Readonly<Record<string, ReadAttribute>>;
  readonly blocks: Readonly<Record<string, ReadBlock>>;
}

/** Attribute and block names read, per resource or data source type; `must` gives the example of a right value. */
interface Wanted {
  readonly attributes: Readonly<Record<string, string>>;
  readonly blocks?: Readonly<Record<string, Wanted>>;
  /** Attributes whose documented values are enforced. */
  readonly enforce?: readonly string[];
}

const ROLE_REF = 'a role id such as "${genesyscloud_auth_role.x.id}"';
const DIVISION_REF = 'a division id such as "${data.genesyscloud_auth_division.x.id}" or "*"';
const NAME = 'a string (the name shown in Genesys Cloud)';

const ROLE_GRANTS: Wanted = {
  attributes: {
    role_id: ROLE_REF,
    division_ids: 'a list of division ids such as ["${data.genesyscloud_auth_division.x.id}"] or ["*"]',
  },
};

const WANTED: Readonly<Record<'resource' | 'data', Readonly<Record<string, Wanted>>>> = {
  resource: {
    genesyscloud_oauth_client: {
      attributes: {
        name: NAME,
        authorized_grant_type: 'a grant type such as "CLIENT-CREDENTIALS"',
        state: 'a client state',
        access_token_validity_seconds: 'a whole number of seconds such as 3600',
        scopes: 'a list of scope names such as ["users:readonly"]',
        expose_client_secret: 'true or false',
        directory_client_secret: 'a directory path string',
        client_secret: 'a string',
        integration_credential_name: 'a string',
        registered_redirect_uris: 'a list of URIs such as ["https://example.com/callback"]',
      },
      blocks: { roles: { attributes: { role_id: ROLE_REF, division_id: DIVISION_REF } } },
      enforce: ['state'],
    },
    genesyscloud_auth_role: {
      attributes: {
        name: NAME,
        description: 'a string',
        permissions: 'a list of general permissions such as ["admin"]',
        default_role_id: 'a built-in role id such as "employee"',
      },
      blocks: {
        permission_policies: {
          attributes: {
            domain: 'a permission domain such as "routing"',
            entity_name: 'a permission entity such as "queue"',
            action_set: 'a list of actions such as ["view"]',
          },
          blocks: {
            conditions: {
              attributes: { conjunction: 'a conjunction such as "AND"' },
              blocks: {
                terms: {
                  attributes: {
                    variable_name: 'a variable name such as "Conversation.queues"',
                    operator: 'an operator such as "IN"',
                  },
                  blocks: {
                    operands: {
                      attributes: {
                        type: 'an operand type such as "QUEUE"',
                        queue_id: 'a queue id string',
                        user_id: 'a user id string',
                        value: 'a string',
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
    genesyscloud_user_roles: {
      attributes: { user_id: 'a user id such as "${genesyscloud_user.x.id}"' },
      blocks: { roles: ROLE_GRANTS },
    },
    genesyscloud_group_roles: {
      attributes: { group_id: 'a group id such as "${genesyscloud_group.x.id}"' },
      blocks: { roles: ROLE_GRANTS },
    },
    genesyscloud_auth_division: { attributes: { name: NAME, home: 'true or false' } },
    genesyscloud_user: { attributes: { name: NAME, email: 'an email address string' } },
    genesyscloud_group: { attributes: { name: NAME, roles_enabled: 'true or false' } },
  },
  data: {
    genesyscloud_auth_division: { attributes: { name: NAME } },
    genesyscloud_auth_division_home: { attributes: { name: NAME } },
    genesyscloud_auth_role: { attributes: { name: NAME } },
    genesyscloud_user: { attributes: { name: NAME, email: 'an email address string' } },
    genesyscloud_group: { attributes: { name: NAME } },
  },
};

interface SchemaAttr {
  readonly type?: unknown;
  readonly description?: string;
}
interface SchemaBlock {
  readonly attributes?: Readonly<Record<string, SchemaAttr>>;
  readonly block_types?: Readonly<Record<string, { readonly block: SchemaBlock }>>;
}

const SOURCE = 'registry.terraform.io/mypurecloud/genesyscloud';

function attrType(t: unknown, where: string): AttrType {
  if (t === 'string' || t === 'number' || t === 'bool') return t;
  if (Array.isArray(t) && (t[0] === 'set' || t[0] === 'list') && t[1] === 'string') return 'strings';
  throw new Error(`provider schema: ${where} has type ${JSON.stringify(t)}, which the document checks do not read`);
}

/** The values a provider description lists, e.g. `The state of the OAuth client (active | inactive).` */
export function documentedValues(description: string | undefined): string[] | undefined {
  const m = /\(([^()|]+(?:\s*\|\s*[^()|]+)+)\)/.exec(description ?? '');
  return m ? m[1].split('|').map((s) => s.trim()) : undefined;
}

function build(wanted: Wanted, block: SchemaBlock | undefined, where: string): ReadBlock {
  if (!block) throw new Error(`provider schema: no ${where}`);
  const attributes: Record<string, ReadAttribute> = {};
  for (const [name, must] of Object.entries(wanted.attributes)) {
    const a = block.attributes?.[name];
    if (!a) throw new Error(`provider schema: ${where} has no attribute ${name}`);
    const oneOf = wanted.enforce?.includes(name) ? documentedValues(a.description) : undefined;
    if (wanted.enforce?.includes(name) && !oneOf) throw new Error(`provider schema: ${where}.${name} lists no values`);
    attributes[name] = { type: attrType(a.type, `${where}.${name}`), must, ...(oneOf ? { oneOf } : {}) };
  }
  const blocks: Record<string, ReadBlock> = {};
  for (const [name, w] of Object.entries(wanted.blocks ?? {})) {
    blocks[name] = build(w, block.block_types?.[name]?.block, `${where}.${name}`);
  }
  return { attributes, blocks };
}

let cached: Readonly<Record<'resource' | 'data', Readonly<Record<string, ReadBlock>>>> | undefined;

/** What the access model reads, per section and type, typed by the pinned provider schema. */
export function readSchema(): Readonly<Record<'resource' | 'data', Readonly<Record<string, ReadBlock>>>> {
  if (cached) return cached;
  const doc = JSON.parse(fs.readFileSync(dataFile('genesyscloud', 'provider-schema.json'), 'utf8'));
  const p = doc.provider_schemas[SOURCE] as {
    resource_schemas: Record<string, { block: SchemaBlock }>;
    data_source_schemas: Record<string, { block: SchemaBlock }>;
  };
  const out = { resource: {} as Record<string, ReadBlock>, data: {} as Record<string, ReadBlock> };
  for (const [type, w] of Object.entries(WANTED.resource))
    out.resource[type] = build(w, p.resource_schemas[type]?.block, type);
  for (const [type, w] of Object.entries(WANTED.data)) {
    out.data[type] = build(w, p.data_source_schemas[type]?.block, `data.${type}`);
  }
  cached = out;
  return out;
}
