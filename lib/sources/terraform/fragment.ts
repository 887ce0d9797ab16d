/**
 * What one Terraform file declares, in the shape both HCL (through hcl2json) and Terraform JSON give once
 * normalised: blocks, variables, locals and module calls, each with where it is written. Merged over a
 * module's files by ./module-dir. No cdktf import.
 */
import { AccessValidationError } from '../../errors';
import type { ConfigBlock, ModuleCall, ModuleConfig } from './configuration';
import type { SourceLocation } from './document';
import { isObject, type Json } from '../../util/json';
import { isBlockKey } from './json-duplicates';

/** Lists of blocks: hcl2json wraps each block in a list; Terraform JSON allows an object or a list of them. */
function bodies(v: unknown): Json[] {
  const list = Array.isArray(v) ? v : [v];
  return list.filter(isObject);
}

/** Where a block header is, for a file format that knows lines. */
export type Locator = (
  kind: 'resource' | 'data' | 'variable' | 'module',
  type: string,
  name: string,
) => SourceLocation & { pointer?: string };

/**
 * Adds one normalised file (`resource`, `data`, `variable`, `locals`, `module` sections) to `into`. Override
 * files (`override.tf`, `*_override.tf`, and their `.tf.json`) are merged over the blocks they name, as
 * Terraform merges them: top-level arguments and nested blocks of the override replace the original's.
 */
export function addFragment(
  into: ModuleConfig,
  json: Json,
  locate: Locator,
  override: boolean | 'lenient',
  shown: string,
): void {
  for (const kind of ['resource', 'data'] as const) {
    for (const section of bodies(json[kind])) {
      for (const [type, byName] of Object.entries(section)) {
        for (const named of bodies(byName)) {
          for (const [name, blockList] of Object.entries(named)) {
            for (const body of bodies(blockList)) {
              const mode = kind === 'data' ? 'data' : 'managed';
              if (override) {
                const existing = into.blocks.findIndex((b) => b.mode === mode && b.type === type && b.name === name);
                if (existing === -1) {
                  // One file read alone: the block it overrides may be in a file the user did not give.
                  if (override === 'lenient') continue;
                  throw new AccessValidationError(
                    `"${shown}" overrides ${kind} "${type}" "${name}", which no other file of the module declares: remove it or fix the name`,
                  );
                }
                const base = into.blocks[existing];
                into.blocks[existing] = { ...base, body: overrideBody(base.body, body) };
                continue;
              }
              const block: ConfigBlock = { mode, type, name, body, location: locate(kind, type, name) };
              into.blocks.push(block);
            }
          }
        }
      }
    }
  }
  for (const section of bodies(json.variable)) {
    for (const [name, list] of Object.entries(section)) {
      for (const v of bodies(list)) {
        into.variables.set(name, {
          ...(v.default !== undefined ? { default: v.default } : {}),
          location: locate('variable', '', name),
        });
      }
    }
  }
  for (const locals of bodies(json.locals)) for (const [k, v] of Object.entries(locals)) into.locals.set(k, v);
  for (const section of bodies(json.output)) {
    for (const [name, list] of Object.entries(section)) {
      for (const o of bodies(list)) into.outputs.set(name, o.value);
    }
  }
  for (const section of bodies(json.module)) {
    for (const [name, list] of Object.entries(section)) {
      for (const m of bodies(list)) {
        const call: ModuleCall = { name, source: m.source, args: m, location: locate('module', '', name) };
        into.modules.push(call);
      }
    }
  }
}

/**
 * A block body with an override merged over it, as Terraform's MergeBodies does (internal/configs/
 * module_merge_body.go): an argument of the override replaces the original's; a nested block type in the
 * override (static, or a `dynamic` block of that type) replaces every block of that type in the original, static
 * and dynamic; block types the override does not name stay. Nested blocks are not merged into each other.
 */
export function overrideBody(base: Json, over: Json): Json {
  const out: Json = { ...base };
  const replaced = new Set<string>();
  for (const [k, v] of Object.entries(over)) {
    if (k === 'dynamic') {
      for (const label of isObject(v) ? Object.keys(v) : []) replaced.add(label);
    } else if (isBlockKey(k, v)) replaced.add(k);
  }
  const baseDynamic = isObject(base.dynamic) ? base.dynamic : undefined;
  for (const [k, v] of Object.entries(over)) {
    if (k !== 'dynamic') out[k] = v;
  }
  // Blocks of a replaced type go, static and dynamic; the override's own dynamic blocks come in.
  for (const k of replaced) if (!Object.prototype.hasOwnProperty.call(over, k)) delete out[k];
  const dynamic: Json = {};
  for (const [label, b] of Object.entries(baseDynamic ?? {})) if (!replaced.has(label)) dynamic[label] = b;
  if (isObject(over.dynamic)) Object.assign(dynamic, over.dynamic);
  if (Object.keys(dynamic).length) out.dynamic = dynamic;
  else delete out.dynamic;
  return out;
}

/** True for an override file name (merged over the module's other files). */
export function isOverrideFile(file: string): boolean {
  return /(^|[/\\])(override|[^/\\]+_override)\.tf(\.json)?$/.test(file);
}
