/**
 * The least-privilege permission set for a list of operations (`genesys-access generate`, and the tightened
 * roles of `audit`): every ALL-of permission, and for each ANY-of group one already needed, else the pick of
 * the one ranking capabilities, explain and deployer use (lib/access/ranking.ts). Operations are named as `METHOD /path` (template
 * or concrete), operation ids, or SDK method names in any of the SDKs' spellings. No cdktf import.
 */
import { Catalog } from '../catalog/catalog';
import type { Operation } from '../catalog/types';
import { isGeneralPermission } from '../access/permission-match';
import { AccessValidationError } from '../errors';
import { cmp } from '../util/compare';
import { type AnyOfChoice, minimalPermissions } from './deployer';

/** An operation in a least-privilege set. */
export interface OperationNeed {
  readonly key: string;
  readonly operationId: string;
  readonly allOf: readonly string[];
  readonly anyOf: readonly string[];
}

/** The least-privilege set for some operations. */
export interface LeastPrivilegeSet {
  /** The operations, by key. */
  readonly operations: readonly OperationNeed[];
  /** `domain:entity:action` permissions to grant, sorted. */
  readonly permissions: readonly string[];
  /** General role permissions (`admin`, ...) an operation accepts nothing narrower than, sorted. */
  readonly generalPermissions: readonly string[];
  /** How each ANY-of group was resolved. */
  readonly choices: readonly AnyOfChoice[];
  /** Operations that list no permission. */
  readonly open: readonly string[];
}

/** The least-privilege set for `operations`. */
export function leastPrivilegeSet(operations: readonly Operation[]): LeastPrivilegeSet {
  const byKey = new Map<string, Operation>();
  for (const op of operations) byKey.set(op.key, op);
  const ops = [...byKey.values()].sort((a, b) => cmp(a.key, b.key));
  const { permissions, choices } = minimalPermissions(
    // The one ranking capabilities, explain and deployer use (lib/access/ranking.ts).
    ops.map((o) => ({ key: o.key, operationId: o.operationId, anyOf: o.anyOf, allOf: o.allOf })),
  );
  return {
    operations: ops.map((o) => ({ key: o.key, operationId: o.operationId, allOf: o.allOf, anyOf: o.anyOf })),
    permissions: permissions.filter((p) => !isGeneralPermission(p)),
    generalPermissions: permissions.filter(isGeneralPermission),
    choices,
    open: ops.filter((o) => o.allOf.length === 0 && o.anyOf.length === 0).map((o) => o.key),
  };
}

let byLooseId: Map<string, Operation> | undefined;

/** `get_conversation_recordings`, `GetConversationRecordings` and `getConversationRecordings` are one name. */
function looseId(name: string): string {
  return name.replace(/[_-]/g, '').toLowerCase();
}

/**
 * The operation `ref` names: `METHOD /path` (template or concrete, a full URL too), an operation id, or an SDK
 * method name in snake_case or PascalCase (`get_conversation_recordings`). Throws one line with the nearest
 * real operations.
 */
export function resolveOperationRef(ref: string): Operation {
  const text = ref.trim();
  const exact = Catalog.operation(text);
  if (exact) return exact;
  if (/^[A-Za-z][A-Za-z0-9_-]*$/.test(text)) {
    if (!byLooseId) {
      byLooseId = new Map();
      for (const op of Catalog.operations()) byLooseId.set(looseId(op.operationId), op);
    }
    const hit = byLooseId.get(looseId(text));
    if (hit) return hit;
  }
  throw new AccessValidationError(Catalog.explainUnknownOperation(text));
}

/** What a line of an operations file looks like: `METHOD /path` (or a URL), or an id / SDK method name. */
const OPERATION_SHAPE = /^(?:[A-Za-z]+\s+(?:https?:\/\/[^\s/]+)?\/[^\s]*|[A-Za-z][A-Za-z0-9_-]*)$/;

/**
 * Operations from a list file: one per line, `#` comments and blank lines skipped; a line is `METHOD /path`, an
 * operation id or an SDK method name. Errors name the line.
 */
export function parseOperationList(text: string, shown: string): Operation[] {
  const out: Operation[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) return;
    try {
      out.push(resolveOperationRef(line));
    } catch (e) {
      // Echo the line only when it is shaped like an operation: a file given by mistake (/etc/passwd, a key)
      // must not reach the CI log.
      if (!OPERATION_SHAPE.test(line)) {
        throw new AccessValidationError(
          `${shown} line ${i + 1} is not an operation: write METHOD /path, an operation id or an SDK method name, one per line`,
        );
      }
      throw new AccessValidationError(`${shown} line ${i + 1}: ${(e as Error).message}`);
    }
  });
  if (out.length === 0) throw new AccessValidationError(`${shown} lists no operations: write one per line`);
  return out;
}
