/**
 * Lazily parsed catalog tables and their indexes. Nothing is parsed until the first lookup, so that
 * `require('cdktf-genesyscloud-access')` stays fast.
 */
import type { HttpMethod, Misconception, Operation, OperationId, OperationKey, Scope, ScopesSource } from './types';

type Row = [string, string, string, string, string[], string[], string[], string, number, string[], string | null];

interface RawData {
  operations: Row[];
  permissions: string[];
  mentionedOnly: string[];
  generalPermissions: string[];
  scopes: Array<[string, number]>;
  misconceptions: Record<'permissions' | 'scopes' | 'operations' | 'resources', Record<string, Misconception>>;
}

/** Parsed tables plus indexes for O(1) lookups. */
export interface CatalogTables {
  readonly operations: readonly Operation[];
  readonly byId: ReadonlyMap<string, Operation>;
  readonly byKey: ReadonlyMap<string, Operation>;
  /** method → segment count → operations, for matching concrete paths. */
  readonly byShape: ReadonlyMap<string, readonly Operation[]>;
  readonly permissions: ReadonlySet<string>;
  readonly generalPermissions: ReadonlySet<string>;
  readonly mentionedOnly: ReadonlySet<string>;
  /** `domain:entity` → actions. */
  readonly entities: ReadonlyMap<string, readonly string[]>;
  /** permission → operations that list it. */
  readonly operationsByPermission: ReadonlyMap<string, readonly Operation[]>;
  readonly scopes: ReadonlyMap<string, { readonly readonly: boolean }>;
  readonly misconceptions: RawData['misconceptions'];
}

let tables: CatalogTables | undefined;

/** Segments of a path template or concrete path, without query string or host. */
export function pathSegments(p: string): string[] {
  return p.split('/').filter((s) => s.length > 0);
}

export function shapeKey(method: string, segmentCount: number): string {
  return `${method} ${segmentCount}`;
}

export function catalogTables(): CatalogTables {
  if (tables) return tables;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { CATALOG_JSON } = require('../../src/generated/catalog/data') as { CATALOG_JSON: string };
  const raw = JSON.parse(CATALOG_JSON) as RawData;
  const operations: Operation[] = raw.operations.map((r) => {
    const op: Operation = {
      operationId: r[0] as OperationId,
      method: r[1] as HttpMethod,
      path: r[2],
      key: `${r[1]} ${r[2]}` as OperationKey,
      summary: r[3],
      anyOf: r[4],
      allOf: r[5],
      scopes: r[6] as Scope[],
      scopesSource: r[7] as ScopesSource,
      deprecated: r[8] === 1,
      mentionedPermissions: r[9],
      ...(r[10] ? { permissionsNote: r[10] } : {}),
    };
    return Object.freeze(op);
  });
  const byId = new Map<string, Operation>();
  const byKey = new Map<string, Operation>();
  const byShape = new Map<string, Operation[]>();
  const operationsByPermission = new Map<string, Operation[]>();
  for (const op of operations) {
    byId.set(op.operationId, op);
    if (!byKey.has(op.key)) byKey.set(op.key, op);
    const k = shapeKey(op.method, pathSegments(op.path).length);
    (byShape.get(k) ?? byShape.set(k, []).get(k)!).push(op);
    for (const p of [...op.anyOf, ...op.allOf]) {
      (operationsByPermission.get(p) ?? operationsByPermission.set(p, []).get(p)!).push(op);
    }
  }
  const entities = new Map<string, string[]>();
  for (const p of raw.permissions) {
    const [d, e, a] = p.split(':');
    const k = `${d}:${e}`;
    (entities.get(k) ?? entities.set(k, []).get(k)!).push(a);
  }
  tables = {
    operations,
    byId,
    byKey,
    byShape,
    permissions: new Set(raw.permissions),
    generalPermissions: new Set(raw.generalPermissions),
    mentionedOnly: new Set(raw.mentionedOnly),
    entities,
    operationsByPermission,
    scopes: new Map(raw.scopes.map(([s, ro]) => [s, { readonly: ro === 1 }])),
    misconceptions: raw.misconceptions,
  };
  return tables;
}
