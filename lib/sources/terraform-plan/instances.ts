/**
 * The resource instances of a plan: the module trees of `planned_values` (what will hold after apply) and
 * `prior_state` (what holds now), and the `after_unknown` marks of `resource_changes`. Only `genesyscloud_*`
 * instances are kept; the others are counted (to say which provider a plan is for). Checked as read: each
 * error is one line with the JSON pointer into the plan. No cdktf import.
 */
import { AccessValidationError } from '../../errors';
import { kindOf } from './plan-file';

type Json = Record<string, unknown>;

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
  readonly genesys: PlanInstance[];
  /** Count of non-Genesys instances by type. */
  readonly others: Map<string, number>;
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
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

/** Reads one resource entry; undefined for another provider's type (counted in `others`). */
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
  out.genesys.push({
    address,
    mode,
    type,
    name,
    ...(index !== undefined ? { index } : {}),
    module,
    values: (values ?? {}) as Json,
    pointer,
  });
}

/** Every instance of a module tree (`planned_values.root_module`, `prior_state.values.root_module`). */
export function moduleInstances(root: unknown, pointer: string, shown: string): Instances {
  const out: Instances = { genesys: [], others: new Map() };
  if (root === undefined || root === null) return out;
  const walk = (m: unknown, at: string, module: string, depth: number): void => {
    if (!isObject(m)) fail(shown, at, `must be an object, not ${kindOf(m)}`);
    if (depth > 64) fail(shown, at, 'nests modules more than 64 deep');
    const resources = m.resources;
    if (resources !== undefined && resources !== null) {
      if (!Array.isArray(resources)) fail(shown, `${at}/resources`, `must be a list, not ${kindOf(resources)}`);
      for (let i = 0; i < resources.length; i++) readResource(resources[i], `${at}/resources/${i}`, module, shown, out);
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

/** One entry of `resource_changes`, as far as it matters here. */
export interface PlanChange {
  readonly address: string;
  readonly actions: readonly string[];
  /** `change.after_unknown`: `true` where a value is known only after apply. */
  readonly afterUnknown: unknown;
  /** Built from `change.after` when the plan has no `planned_values`; else undefined. */
  readonly after?: PlanInstance;
  /** Built from `change.before` when the plan has no `prior_state`. */
  readonly before?: PlanInstance;
}

/** The Genesys entries of `resource_changes` by address, and the other providers' types. */
export function resourceChanges(
  list: unknown,
  shown: string,
): { byAddress: Map<string, PlanChange>; others: Map<string, number> } {
  const byAddress = new Map<string, PlanChange>();
  const others = new Map<string, number>();
  if (!Array.isArray(list)) return { byAddress, others };
  for (let i = 0; i < list.length; i++) {
    const at = `/resource_changes/${i}`;
    const c: unknown = list[i];
    if (!isObject(c)) fail(shown, at, `must be an object, not ${kindOf(c)}`);
    if (typeof c.type !== 'string') fail(shown, `${at}/type`, `must be a string, not ${kindOf(c.type)}`);
    if (!c.type.startsWith(GENESYS_PREFIX)) {
      others.set(c.type, (others.get(c.type) ?? 0) + 1);
      continue;
    }
    if (typeof c.address !== 'string') fail(shown, `${at}/address`, `must be a string, not ${kindOf(c.address)}`);
    const change = c.change;
    if (!isObject(change)) fail(shown, `${at}/change`, `must be an object, not ${kindOf(change)}`);
    const actions = change.actions;
    if (!Array.isArray(actions) || actions.some((a) => typeof a !== 'string')) {
      fail(shown, `${at}/change/actions`, 'must be a list of strings such as ["create"]');
    }
    const module = typeof c.module_address === 'string' ? c.module_address : '';
    const side = (key: 'before' | 'after'): PlanInstance | undefined => {
      const v = change[key];
      if (v === undefined || v === null) return undefined;
      const out: Instances = { genesys: [], others: new Map() };
      readResource({ ...c, values: v }, `${at}/change/${key}`, module, shown, out);
      return out.genesys[0];
    };
    byAddress.set(c.address, {
      address: c.address,
      actions: actions as string[],
      afterUnknown: change.after_unknown,
      ...(actions.includes('delete') && !actions.includes('create') ? {} : { after: side('after') }),
      before: side('before'),
    });
  }
  return { byAddress, others };
}
