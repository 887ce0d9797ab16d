/**
 * The resource instances of a plan: the module trees of `planned_values` (what will hold after apply) and
 * `prior_state` (what holds now), and the `after_unknown` marks of `resource_changes`. Instances of the types
 * the document reader reads are kept (and every data source); other `genesyscloud_*` resources are counted, and
 * other providers' types are counted apart (to say which provider a plan is for). Checked as read: each error
 * is one line with the JSON pointer into the plan. No cdktf import.
 */
import { AccessValidationError } from '../../errors';
import { attributesOf } from './attributes';
import { kindOf } from './plan-file';
import { isObject, type Json } from '../../util/json';

/** The provider's resource and data source types start with this. */
export const GENESYS_PREFIX = 'genesyscloud_';

/** One resource or data source instance. */
export interface PlanInstance {
  /** The full address as the plan writes it: `module.team.genesyscloud_user.agent["a@example.com"]`. */
  readonly address: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  /** The count index or for_each key; absent for a single instance. */
  readonly index?: number | string;
  /** The module instance address (`module.team`, `module.site["chicago"]`); `""` for the root module. */
  readonly module: string;
  /** Attribute values (unknown values are absent); `{}` when the plan gives none. */
  readonly values: Json;
  /** JSON pointer of the instance in the plan file. */
  readonly pointer: string;
}

/** Instances found in a plan section, and the other providers' types seen there. */
export interface Instances {
  /** Instances of the types read, and every Genesys data source. */
  readonly genesys: PlanInstance[];
  /** Count of the other Genesys managed resources, by type. */
  readonly counted: Map<string, number>;
  /** Count of non-Genesys instances by type. */
  readonly others: Map<string, number>;
}

/** An empty {@link Instances}. */
export function noInstances(): Instances {
  return { genesys: [], counted: new Map(), others: new Map() };
}

/** How many Genesys instances there are. */
export function genesysCount(i: Instances): number {
  let n = i.genesys.length;
  for (const c of i.counted.values()) n += c;
  return n;
}

function changeAt(i: number): string {
  return `/resource_changes/${i}`;
}

function isEmpty(o: Json): boolean {
  for (const _ in o) return false;
  return true;
}

function fail(shown: string, pointer: string, what: string): never {
  throw new AccessValidationError(`"${shown}" at ${pointer} ${what}`);
}

/** `[0]` or `["key"]`, as Terraform writes an instance key. */
export function keySuffix(index: number | string | undefined): string {
  return index === undefined ? '' : typeof index === 'number' ? `[${index}]` : `[${JSON.stringify(index)}]`;
}

/** The address of an instance from its parts. */
export function addressOf(
  module: string,
  mode: 'managed' | 'data',
  type: string,
  name: string,
  index?: number | string,
): string {
  return `${module ? `${module}.` : ''}${mode === 'data' ? 'data.' : ''}${type}.${name}${keySuffix(index)}`;
}

/** Reads one resource entry into `out`: an instance, or a count of its type. */
function readResource(r: unknown, pointer: string, module: string, shown: string, out: Instances): void {
  if (!isObject(r)) fail(shown, pointer, `must be an object, not ${kindOf(r)}`);
  const type = r.type;
  if (typeof type !== 'string') {
    fail(
      shown,
      `${pointer}/type`,
      type === undefined ? 'is missing: every resource has a type' : `must be a string, not ${kindOf(type)}`,
    );
  }
  if (!type.startsWith(GENESYS_PREFIX)) {
    out.others.set(type, (out.others.get(type) ?? 0) + 1);
    return;
  }
  const mode = r.mode === undefined ? 'managed' : r.mode;
  if (mode !== 'managed' && mode !== 'data') fail(shown, `${pointer}/mode`, 'must be "managed" or "data"');
  if (mode === 'managed' && attributesOf(mode, type) === undefined) {
    out.counted.set(type, (out.counted.get(type) ?? 0) + 1);
    return;
  }
  const name = r.name;
  if (typeof name !== 'string' || name === '') fail(shown, `${pointer}/name`, 'must be a non-empty string');
  const rawIndex = r.index;
  if (rawIndex !== undefined && rawIndex !== null && typeof rawIndex !== 'number' && typeof rawIndex !== 'string') {
    fail(shown, `${pointer}/index`, `must be a number or a string, not ${kindOf(rawIndex)}`);
  }
  const index = rawIndex === null ? undefined : rawIndex;
  const address = r.address === undefined ? addressOf(module, mode, type, name, index) : r.address;
  if (typeof address !== 'string') fail(shown, `${pointer}/address`, `must be a string, not ${kindOf(address)}`);
  const values = r.values;
  if (values !== undefined && values !== null && !isObject(values)) {
    fail(shown, `${pointer}/values`, `must be an object, not ${kindOf(values)}`);
  }
  const v = (values ?? {}) as Json;
  // Two literal shapes rather than a spread: a plan has tens of thousands of instances.
  out.genesys.push(
    index === undefined
      ? { address, mode, type, name, module, values: v, pointer }
      : { address, mode, type, name, index, module, values: v, pointer },
  );
}

/**
 * Every instance of a module tree (`planned_values.root_module`, `prior_state.values.root_module`); with
 * `dataOnly`, only data sources (the prior state of a plan read for its planned values).
 */
export function moduleInstances(root: unknown, pointer: string, shown: string, dataOnly = false): Instances {
  const out = noInstances();
  if (root === undefined || root === null) return out;
  const walk = (m: unknown, at: string, module: string, depth: number): void => {
    if (!isObject(m)) fail(shown, at, `must be an object, not ${kindOf(m)}`);
    if (depth > 64) fail(shown, at, 'nests modules more than 64 deep');
    const resources = m.resources;
    if (resources !== undefined && resources !== null) {
      if (!Array.isArray(resources)) fail(shown, `${at}/resources`, `must be a list, not ${kindOf(resources)}`);
      for (let i = 0; i < resources.length; i++) {
        const r: unknown = resources[i];
        if (dataOnly && isObject(r) && r.mode !== 'data') continue;
        readResource(r, `${at}/resources/${i}`, module, shown, out);
      }
    }
    const children = m.child_modules;
    if (children !== undefined && children !== null) {
      if (!Array.isArray(children)) fail(shown, `${at}/child_modules`, `must be a list, not ${kindOf(children)}`);
      children.forEach((c: unknown, i) => {
        const cat = `${at}/child_modules/${i}`;
        if (!isObject(c)) fail(shown, cat, `must be an object, not ${kindOf(c)}`);
        if (typeof c.address !== 'string' || !c.address.startsWith('module.')) {
          fail(shown, `${cat}/address`, 'must be a module address such as "module.team"');
        }
        walk(c, cat, c.address, depth + 1);
      });
    }
  };
  walk(root, pointer, '', 0);
  return out;
}

/** What `resource_changes` says: the unknown marks, and each side when the plan gives no module tree for it. */
export interface PlanChanges {
  /** `change.after_unknown` by address, where it marks something unknown. */
  readonly unknowns: Map<string, unknown>;
  /** The planned values from `change.after` (asked for with `sides.after`). */
  readonly after?: Instances;
  /** The prior state from `change.before` (asked for with `sides.before`). */
  readonly before?: Instances;
  /** How many Genesys changes there are. */
  readonly count: number;
  /** Count of non-Genesys changes by type. */
  readonly others: Map<string, number>;
}

/** The Genesys entries of `resource_changes`. */
export function resourceChanges(
  list: unknown,
  shown: string,
  sides: { readonly after: boolean; readonly before: boolean },
): PlanChanges {
  const unknowns = new Map<string, unknown>();
  const others = new Map<string, number>();
  const after = sides.after ? noInstances() : undefined;
  const before = sides.before ? noInstances() : undefined;
  let count = 0;
  if (!Array.isArray(list))
    return { unknowns, count, others, ...(after ? { after } : {}), ...(before ? { before } : {}) };
  for (let i = 0; i < list.length; i++) {
    const c: unknown = list[i];
    if (!isObject(c)) fail(shown, changeAt(i), `must be an object, not ${kindOf(c)}`);
    if (typeof c.type !== 'string') fail(shown, `${changeAt(i)}/type`, `must be a string, not ${kindOf(c.type)}`);
    if (!c.type.startsWith(GENESYS_PREFIX)) {
      others.set(c.type, (others.get(c.type) ?? 0) + 1);
      continue;
    }
    count++;
    if (typeof c.address !== 'string')
      fail(shown, `${changeAt(i)}/address`, `must be a string, not ${kindOf(c.address)}`);
    const change = c.change;
    if (!isObject(change)) fail(shown, `${changeAt(i)}/change`, `must be an object, not ${kindOf(change)}`);
    const actions = change.actions;
    if (!Array.isArray(actions) || actions.some((a) => typeof a !== 'string')) {
      fail(shown, `${changeAt(i)}/change/actions`, 'must be a list of strings such as ["create"]');
    }
    const u = change.after_unknown;
    // Most changes know every value (`{}`): only marks that say something are kept.
    if (u === true || (Array.isArray(u) && u.length > 0) || (isObject(u) && !isEmpty(u))) unknowns.set(c.address, u);
    const module = typeof c.module_address === 'string' ? c.module_address : '';
    for (const [key, out] of [
      ['after', after],
      ['before', before],
    ] as const) {
      const v = change[key];
      if (out && v !== undefined && v !== null)
        readResource({ ...c, values: v }, `${changeAt(i)}/change/${key}`, module, shown, out);
    }
  }
  return { unknowns, count, others, ...(after ? { after } : {}), ...(before ? { before } : {}) };
}
