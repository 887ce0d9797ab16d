/**
 * Reads the intent our constructs record in `locals.genesyscloud_access` (capabilities, all-divisions reasons,
 * derived roles, capabilities defined in code with their resolved permissions, suppressions), checking its version and the type of every field: the file may come from a
 * pull request, so nothing is coerced.
 */
import { AccessValidationError } from '../../errors';
import type {
  AccessIntent,
  PrincipalIntent,
  RecordedCapability,
  RecordedSuppression,
  RecordedSuppressedFinding,
  RoleIntent,
} from '../../access/graph';
import { compileAppliesTo } from '../../util/pattern';
import { isObject, type Json } from '../../util/json';

/** The metadata version this library writes and reads. */
export const INTENT_VERSION = 1;

const POINTER = '/locals/genesyscloud_access';

class IntentReader {
  constructor(private readonly shown: string) {}

  fail(pointer: string, what: string): never {
    throw new AccessValidationError(
      `"${this.shown}" at ${POINTER}${pointer} ${what}: it is written by this library's constructs at synth; synthesize again instead of editing it`,
    );
  }

  object(v: unknown, pointer: string): Json {
    if (v === undefined) return {};
    if (!isObject(v)) this.fail(pointer, 'must be an object');
    return v;
  }

  string(v: unknown, pointer: string): string {
    if (typeof v !== 'string') this.fail(pointer, 'must be a string');
    return v;
  }

  optString(v: unknown, pointer: string): string | undefined {
    return v === undefined ? undefined : this.string(v, pointer);
  }

  /** Checks a suppression's `appliesTo` entry (a finding id or a safe /regex/). */
  pattern(v: string, pointer: string): void {
    try {
      compileAppliesTo(v);
    } catch (e) {
      throw new AccessValidationError(`"${this.shown}" at ${POINTER}${pointer}: ${(e as Error).message}`);
    }
  }

  strings(v: unknown, pointer: string): string[] {
    if (v === undefined) return [];
    if (!Array.isArray(v)) this.fail(pointer, 'must be a list of strings');
    return v.map((x, i) => this.string(x, `${pointer}/${i}`));
  }
}

/** Reads and checks `locals.genesyscloud_access`. */
export function readIntent(raw: unknown, shown: string): AccessIntent {
  const r: IntentReader = new IntentReader(shown);
  const m = r.object(raw, '');
  const rawVersion = m.version === undefined ? INTENT_VERSION : m.version;
  if (typeof rawVersion !== 'number' || !Number.isInteger(rawVersion)) r.fail('/version', 'must be a whole number');
  const version: number = rawVersion;
  if (version > INTENT_VERSION) {
    throw new AccessValidationError(
      `"${shown}" was synthesized by a newer cdktf-genesyscloud-access (metadata version ${version}; this one reads ${INTENT_VERSION}): upgrade the package`,
    );
  }
  const principals: Record<string, PrincipalIntent> = {};
  for (const [key, v] of Object.entries(r.object(m.principals, '/principals'))) {
    const p = `/principals/${key}`;
    const e = r.object(v, p);
    const construct = r.optString(e.construct, `${p}/construct`);
    principals[key] = {
      ...(construct !== undefined ? { construct } : {}),
      capabilities: r.strings(e.capabilities, `${p}/capabilities`),
      allDivisionsReasons: r.strings(e.allDivisionsReasons, `${p}/allDivisionsReasons`),
    };
  }
  const roles: Record<string, RoleIntent> = {};
  for (const [key, v] of Object.entries(r.object(m.roles, '/roles'))) {
    const p = `/roles/${key}`;
    const e = r.object(v, p);
    const construct = r.optString(e.construct, `${p}/construct`);
    const base = r.optString(e.base, `${p}/base`);
    roles[key] = {
      ...(construct !== undefined ? { construct } : {}),
      capabilities: r.strings(e.capabilities, `${p}/capabilities`),
      ...(base !== undefined ? { base } : {}),
      removed: r.strings(e.removed, `${p}/removed`),
    };
  }
  const capabilities: Record<string, RecordedCapability> = {};
  for (const [key, v] of Object.entries(r.object(m.capabilities, '/capabilities'))) {
    const p = `/capabilities/${key}`;
    const e = r.object(v, p);
    capabilities[key] = {
      summary: r.optString(e.summary, `${p}/summary`) ?? '',
      operations: r.strings(e.operations, `${p}/operations`),
      permissions: r.strings(e.permissions, `${p}/permissions`),
      scopes: r.strings(e.scopes, `${p}/scopes`),
    };
  }
  const list = (v: unknown, pointer: string): unknown[] => {
    if (v === undefined) return [];
    if (!Array.isArray(v)) r.fail(pointer, 'must be a list');
    return v as unknown[];
  };
  const suppressions: RecordedSuppression[] = list(m.suppressions, '/suppressions').map((v, i) => {
    const p = `/suppressions/${i}`;
    const e = r.object(v, p);
    const appliesTo = e.appliesTo === undefined ? undefined : r.strings(e.appliesTo, `${p}/appliesTo`);
    appliesTo?.forEach((a, k) => r.pattern(a, `${p}/appliesTo/${k}`));
    return {
      id: r.string(e.id, `${p}/id`),
      path: r.string(e.path, `${p}/path`),
      reason: r.string(e.reason, `${p}/reason`),
      ...(appliesTo ? { appliesTo } : {}),
    };
  });
  const suppressedFindings: RecordedSuppressedFinding[] = list(m.suppressedFindings, '/suppressedFindings').map(
    (v, i) => {
      const p = `/suppressedFindings/${i}`;
      const e = r.object(v, p);
      return {
        id: r.string(e.id, `${p}/id`),
        address: r.string(e.address, `${p}/address`),
        reason: r.string(e.reason, `${p}/reason`),
      };
    },
  );
  return {
    version,
    principals,
    roles,
    ...(Object.keys(capabilities).length ? { capabilities } : {}),
    suppressions,
    suppressedFindings,
  };
}
