/**
 * The repository's gate policy, `genesys-access.policy.json`: which change kinds fail, which permissions are never
 * to be granted, which principals may hold admin-grade access, and exceptions, each with a reason. Read from the
 * repository root (the nearest ancestor of the working directory holding `.git`) or `--policy <file>`, and checked
 * strictly: one line with the JSON pointer of what is wrong and how to fix it. No cdktf import.
 */
import * as fs from 'fs';
import * as path from 'path';
import { permissionCovers } from '../access/permission-match';
import { Catalog } from '../catalog/catalog';
import { cutValue } from '../cut';
import { AccessValidationError, didYouMean } from '../errors';
import { isObject, jsonPointer } from '../util/json';
import { CHANGE_KINDS, type ChangeKind } from './changes';
import { FAIL_ON_NAMES } from './fail-on';
import { readInputText } from '../util/read-input';
import { nearest } from './suggest';

/** The file name looked for at the repository root. */
export const POLICY_FILE = 'genesys-access.policy.json';

/** The policy version this release reads. */
export const POLICY_VERSION = 1;

/** A permission never to be granted. */
export interface ForbiddenPermission {
  /** `domain:entity:action`; wildcards match what they cover, either way. */
  readonly permission: string;
  readonly reason: string;
}

/** A principal allowed to hold admin-grade access. */
export interface AdminAllowed {
  /** Terraform address or display name. */
  readonly principal: string;
  readonly reason: string;
}

/** A change let through. */
export interface PolicyException {
  readonly kind: ChangeKind;
  /** Terraform address or display name of the principal or role. @default any */
  readonly principal?: string;
  /** @default any */
  readonly permission?: string;
  /** The division's label as diff shows it. @default any */
  readonly division?: string;
  readonly reason: string;
}

/** The policy file. */
export interface Policy {
  readonly version: typeof POLICY_VERSION;
  /** `--fail-on` words used when the command line gives none. @default ["broadening"] */
  readonly failOn: readonly string[];
  /** @default [] */
  readonly forbiddenPermissions: readonly ForbiddenPermission[];
  /** When non-empty, admin-grade changes fail unless the principal is listed. @default [] */
  readonly adminAllowed: readonly AdminAllowed[];
  /** @default [] */
  readonly exceptions: readonly PolicyException[];
  /** Let changes the input cannot tell pass instead of failing closed (exit 3). @default false */
  readonly allowUnknown: boolean;
}

const PERMISSION = /^[A-Za-z*][A-Za-z0-9*]*:[A-Za-z*][A-Za-z0-9*]*:[A-Za-z*][A-Za-z0-9*]*$/;

/** The policy file that applies in `cwd`: at the repository root, else in `cwd`; undefined when there is none. */
export function findPolicy(cwd: string): string | undefined {
  let dir = path.resolve(cwd);
  for (;;) {
    if (fs.existsSync(path.join(dir, '.git'))) break;
    const up = path.dirname(dir);
    if (up === dir) {
      dir = path.resolve(cwd);
      break;
    }
    dir = up;
  }
  const file = path.join(dir, POLICY_FILE);
  return fs.existsSync(file) ? file : undefined;
}

/** Reads and checks a policy file; `shown` is how to name it in errors. */
export function readPolicy(file: string, shown = file): Policy {
  if (!fs.existsSync(file)) {
    throw new AccessValidationError(`policy file ${shown} does not exist: give an existing file to --policy`);
  }
  const text = readInputText(file, `policy file ${shown}`, { give: 'give a JSON file', maxBytes: 1 << 20 });
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new AccessValidationError(
      `policy file ${shown} is not valid JSON: fix it (the format is in the README, "The review gate")`,
    );
  }
  return parsePolicy(doc, shown);
}

/** Checks a parsed policy document. */
export function parsePolicy(doc: unknown, shown: string): Policy {
  const fail = (pointer: string, what: string): never => {
    throw new AccessValidationError(`policy file ${shown}: ${pointer || '/'} ${what}`);
  };
  if (!isObject(doc)) fail('', 'must be an object such as {"version": 1, "failOn": ["broadening"]}');
  const o = doc as Record<string, unknown>;
  known(
    o,
    '',
    ['$schema', 'version', 'failOn', 'forbiddenPermissions', 'adminAllowed', 'exceptions', 'allowUnknown'],
    fail,
  );
  if (o.version !== POLICY_VERSION)
    fail('/version', `must be ${POLICY_VERSION} (this release reads version ${POLICY_VERSION})`);
  const failOn = strings(o.failOn, '/failOn', fail) ?? ['broadening'];
  failOn.forEach((w, i) => {
    for (const part of w.split(',')) {
      if (!FAIL_ON_NAMES.includes(part.trim())) {
        fail(
          jsonPointer('failOn', i),
          `is "${cut(part)}": use broadening, high-risk, none or a change kind.${didYouMean(nearest(part.slice(0, 60), FAIL_ON_NAMES, 2))}`,
        );
      }
    }
  });
  const list = <T>(key: string, item: (x: Record<string, unknown>, at: string) => T): T[] => {
    const v = o[key];
    if (v === undefined) return [];
    if (!Array.isArray(v)) return fail(`/${key}`, 'must be a list');
    return v.map((x, i) => {
      const at = jsonPointer(key, i);
      if (!isObject(x)) return fail(at, 'must be an object');
      return item(x, at);
    });
  };
  const forbiddenPermissions = list('forbiddenPermissions', (x, at) => {
    known(x, at, ['permission', 'reason'], fail);
    return { permission: permission(x.permission, `${at}/permission`, fail), reason: reason(x.reason, at, fail) };
  });
  const adminAllowed = list('adminAllowed', (x, at) => {
    known(x, at, ['principal', 'reason'], fail);
    return { principal: text(x.principal, `${at}/principal`, fail), reason: reason(x.reason, at, fail) };
  });
  const exceptions = list('exceptions', (x, at): PolicyException => {
    known(x, at, ['kind', 'principal', 'permission', 'division', 'reason'], fail);
    const kind = text(x.kind, `${at}/kind`, fail);
    if (!(CHANGE_KINDS as readonly string[]).includes(kind)) {
      fail(
        `${at}/kind`,
        `is "${cut(kind)}": use a change kind (${CHANGE_KINDS.join(', ')}).${didYouMean(nearest(kind.slice(0, 60), CHANGE_KINDS, 2))}`,
      );
    }
    return {
      kind: kind as ChangeKind,
      ...(x.principal !== undefined ? { principal: text(x.principal, `${at}/principal`, fail) } : {}),
      ...(x.permission !== undefined ? { permission: permission(x.permission, `${at}/permission`, fail) } : {}),
      ...(x.division !== undefined ? { division: text(x.division, `${at}/division`, fail) } : {}),
      reason: reason(x.reason, at, fail),
    };
  });
  if (o.allowUnknown !== undefined && typeof o.allowUnknown !== 'boolean')
    fail('/allowUnknown', 'must be true or false');
  return {
    version: POLICY_VERSION,
    failOn,
    forbiddenPermissions,
    adminAllowed,
    exceptions,
    allowUnknown: o.allowUnknown === true,
  };
}

type Fail = (pointer: string, what: string) => never;

/** A value from the file, cut for a message (lib/cut.ts). */
const cut = (s: string): string => cutValue(s, 60);

function known(o: Record<string, unknown>, at: string, keys: readonly string[], fail: Fail): void {
  for (const k of Object.keys(o).sort()) {
    if (!keys.includes(k)) {
      fail(
        jsonPointer(...at.split('/').slice(1), k),
        `is not a policy field: use ${keys.filter((x) => x !== '$schema').join(', ')}.${didYouMean(nearest(k.slice(0, 60), keys, 1))}`,
      );
    }
  }
}

function text(v: unknown, at: string, fail: Fail): string {
  if (typeof v !== 'string' || v.trim() === '') return fail(at, 'must be a non-empty string');
  return v;
}

function reason(v: unknown, at: string, fail: Fail): string {
  if (v === undefined) return fail(`${at}/reason`, 'is missing: every entry needs a reason a reviewer can read');
  return text(v, `${at}/reason`, fail);
}

function permission(v: unknown, at: string, fail: Fail): string {
  const p = text(v, at, fail);
  if (!PERMISSION.test(p)) fail(at, `is "${cut(p)}": a permission is domain:entity:action, e.g. routing:queue:delete`);
  const real = p.includes('*') ? Catalog.permissions().some((x) => permissionCovers(p, x)) : Catalog.isPermission(p);
  // A typo would never match, and the policy would silently allow what it means to forbid.
  if (!real) fail(at, `${Catalog.explainUnknownPermission(p)}: name a catalog permission`);
  return p;
}

function strings(v: unknown, at: string, fail: Fail): string[] | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || v.length === 0)
    return fail(at, 'must be a non-empty list of strings such as ["broadening"]');
  return v.map((x, i) => text(x, `${at}/${i}`, fail));
}
