import { didYouMean } from '../errors';
import { rankBySimilarity } from '../catalog/similarity';
import type { IConstruct } from './core';
import { reportMistake } from './mistakes';

/** The kind of value a prop takes. */
export type PropKind = 'string' | 'boolean' | 'number' | 'strings' | 'list' | 'object' | 'any';

/** One prop a construct takes: its kind, and an example for the message when the value is wrong. */
export interface PropSpec {
  readonly kind: PropKind;
  /** An example value, e.g. `["wfm:schedule:view"]`. */
  readonly example?: string;
  /** Allowed values of a string prop. */
  readonly oneOf?: readonly string[];
  /** What the value must be, in words (default: the kind, e.g. `a list`). */
  readonly must?: string;
}

const KIND_TEXT: Record<PropKind, string> = {
  string: 'a string',
  boolean: 'true or false',
  number: 'a number',
  strings: 'a list of strings',
  list: 'a list',
  object: 'an object',
  any: 'a value',
};

/** How a value reads in a message: `null`, `a list`, `"text"`, `number 42`, `an object`. */
export function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'function') return 'a function';
  return `${typeof v} ${String(v)}`;
}

function fits(kind: PropKind, v: unknown): boolean {
  switch (kind) {
    case 'string':
      return typeof v === 'string';
    case 'boolean':
      return typeof v === 'boolean';
    case 'number':
      return typeof v === 'number' && !Number.isNaN(v);
    case 'strings':
    case 'list':
      return Array.isArray(v);
    case 'object':
      return typeof v === 'object' && v !== null && !Array.isArray(v);
    case 'any':
      return true;
  }
}

/**
 * Checks the props a JavaScript caller (no compiler) passes to a construct: props that are not an object, props
 * the construct does not take (with why, or a did-you-mean), values of the wrong kind, list entries that are not
 * strings. Each mistake is reported on `construct` as one line; the result holds only the values that fit, so the
 * construct never meets a wrong-typed value.
 *
 * @param what the construct's name in messages, e.g. `ClientCredentialsClient`
 * @param notTaken props users reach for that this construct does not take, with why
 */
export function checkProps<T extends object>(
  construct: IConstruct,
  what: string,
  props: unknown,
  spec: Readonly<Record<string, PropSpec>>,
  notTaken: Readonly<Record<string, string>> = {},
): Partial<T> {
  const names = Object.keys(spec);
  if (typeof props !== 'object' || props === null || Array.isArray(props)) {
    reportMistake(construct, `${what} needs props { ${names.join(', ')} } (got ${describeValue(props)})`);
    return {};
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props as Record<string, unknown>)) {
    const s = spec[k];
    if (!s) {
      const why = notTaken[k];
      reportMistake(
        construct,
        why
          ? `${what} does not take "${k}": ${why}`
          : `${what} does not take "${k}"; it takes ${names.join(', ')}.${didYouMean(rankBySimilarity(k, names, 1, 0.4))}`,
      );
      continue;
    }
    if (v === undefined) continue;
    const example = s.example ? `, e.g. ${s.example}` : '';
    if (!fits(s.kind, v)) {
      reportMistake(
        construct,
        `${what}: ${k} must be ${s.must ?? KIND_TEXT[s.kind]}${example} (got ${describeValue(v)})`,
      );
      continue;
    }
    if (s.oneOf && !s.oneOf.includes(v as string)) {
      reportMistake(
        construct,
        `${what}: ${k} must be one of ${s.oneOf.map((x) => JSON.stringify(x)).join(', ')} (got ${describeValue(v)})`,
      );
      continue;
    }
    if (s.kind === 'strings') {
      const list = v as unknown[];
      const bad = list.filter((x) => typeof x !== 'string');
      if (bad.length) {
        reportMistake(
          construct,
          `${what}: ${k} must be ${s.must ?? 'a list of strings'}${example} (got ${describeValue(bad[0])} in the list)`,
        );
      }
      out[k] = list.filter((x) => typeof x === 'string');
      continue;
    }
    out[k] = v;
  }
  return out as Partial<T>;
}

/** True when `props` gave `key` a value that {@link checkProps} rejected (so the construct should not default it). */
export function rejectedProp(props: unknown, checked: object, key: string): boolean {
  const given = typeof props === 'object' && props !== null ? (props as Record<string, unknown>)[key] : undefined;
  return given !== undefined && (checked as Record<string, unknown>)[key] === undefined;
}

/** Why user-context settings do nothing on a client-credentials client (shared by the constructs that make one). */
export const CLIENT_CREDENTIALS_NOT_TAKEN: Readonly<Record<string, string>> = {
  scopes:
    'scopes do nothing for a client-credentials token: its role × division grants decide what it can call (grant a role with role.grant(client, division)); scopes narrow only user-context tokens (UserContextClient)',
  extraScopes:
    'scopes do nothing for a client-credentials token: its role × division grants decide what it can call; scopes narrow only user-context tokens (UserContextClient)',
  grantType:
    'it is always CLIENT-CREDENTIALS; a client whose tokens act as a signed-in user (CODE, TOKEN, SAML2-BEARER, PASSWORD) is a UserContextClient',
  authorizedGrantType:
    'it is always CLIENT-CREDENTIALS; a client whose tokens act as a signed-in user (CODE, TOKEN, SAML2-BEARER, PASSWORD) is a UserContextClient',
  redirectUris: 'a client-credentials client never redirects a user; redirect URIs belong to a UserContextClient',
  roles: 'grant roles after creating the client, in named divisions: role.grant(client, Division.fromName(...))',
  divisions: 'divisions belong to grants: role.grant(client, Division.fromName(...), ...)',
  permissions:
    'permissions belong to a role: new AccessRole(this, id, { permissions }), then role.grant(client, division)',
  capabilities:
    'capabilities belong to a role: new AccessRole(this, id, { capabilities }), then role.grant(client, division)',
};
