/**
 * Checks a synthesized `cdk.tf.json` against the pinned genesyscloud provider schema (1.84.1): unknown resource
 * and data source types, unknown arguments, missing required arguments, read-only arguments set, wrong value
 * types, and min/max items of blocks. No cdktf import: it reads JSON.
 */
import * as fs from 'fs';
import { rankBySimilarity } from '../catalog/similarity';
import { Catalog } from '../catalog/catalog';
import { didYouMean } from '../errors';
import { dataFile } from '../util/package-root';

/** Terraform's schema type: `"string"`, `["list","string"]`, `["object",{...}]`, ... */
export type SchemaType = string | [string, unknown];

/** An attribute of a schema block. */
export interface SchemaAttribute {
  readonly type?: SchemaType;
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
  readonly sensitive?: boolean;
  readonly deprecated?: boolean;
}

/** A schema block: attributes and nested blocks. */
export interface SchemaBlock {
  readonly attributes?: Record<string, SchemaAttribute>;
  readonly block_types?: Record<string, SchemaNestedBlock>;
}

/** A nested block with its nesting mode and item limits. */
export interface SchemaNestedBlock {
  readonly nesting_mode: 'list' | 'set' | 'single' | 'map' | 'group';
  readonly block: SchemaBlock;
  readonly min_items?: number;
  readonly max_items?: number;
}

/** One provider's schema, as in `terraform providers schema -json`. */
export interface ProviderSchema {
  readonly provider: { readonly block: SchemaBlock };
  readonly resource_schemas: Record<string, { readonly block: SchemaBlock }>;
  readonly data_source_schemas: Record<string, { readonly block: SchemaBlock }>;
}

/** One problem found: where, and what is wrong. */
export interface SchemaProblem {
  /** Terraform address, e.g. `genesyscloud_oauth_client.qa.roles[0]`. */
  readonly address: string;
  /** What is wrong, in one line. */
  readonly message: string;
}

const FULL_SCHEMA_SOURCE = 'registry.terraform.io/mypurecloud/genesyscloud';
const META_ARGUMENTS = new Set([
  'count',
  'for_each',
  'depends_on',
  'provider',
  'lifecycle',
  'provisioner',
  'connection',
  '//',
]);

let cached: ProviderSchema | undefined;

/** The pinned full provider schema (data/genesyscloud/provider-schema.json), loaded once. */
export function loadProviderSchema(): ProviderSchema {
  if (!cached) {
    const doc = JSON.parse(fs.readFileSync(dataFile('genesyscloud', 'provider-schema.json'), 'utf8'));
    cached = doc.provider_schemas[FULL_SCHEMA_SOURCE] as ProviderSchema;
  }
  return cached;
}

function isToken(v: unknown): boolean {
  return typeof v === 'string' && v.includes('${');
}

function typeName(t: SchemaType): string {
  return typeof t === 'string' ? t : `${t[0]} of ${typeName(t[1] as SchemaType)}`;
}

function checkType(t: SchemaType | undefined, v: unknown, address: string, out: SchemaProblem[]): void {
  if (t === undefined || v === null || isToken(v)) return;
  const bad = (): void => {
    out.push({
      address,
      message: `expects ${typeName(t)}, got ${Array.isArray(v) ? 'array' : typeof v} ${JSON.stringify(v).slice(0, 60)}`,
    });
  };
  if (typeof t === 'string') {
    if (t === 'string' && !['string', 'number', 'boolean'].includes(typeof v)) bad();
    if (t === 'number' && !(typeof v === 'number' || (typeof v === 'string' && v.trim() !== '' && !isNaN(Number(v)))))
      bad();
    if (t === 'bool' && !(typeof v === 'boolean' || v === 'true' || v === 'false')) bad();
    return;
  }
  const [kind, inner] = t;
  if (kind === 'list' || kind === 'set') {
    if (!Array.isArray(v)) return bad();
    v.forEach((item, i) => checkType(inner as SchemaType, item, `${address}[${i}]`, out));
  } else if (kind === 'map') {
    if (typeof v !== 'object' || Array.isArray(v)) return bad();
    for (const [k, item] of Object.entries(v as object)) checkType(inner as SchemaType, item, `${address}.${k}`, out);
  } else if (kind === 'object') {
    if (typeof v !== 'object' || Array.isArray(v)) return bad();
    const fields = inner as Record<string, SchemaType>;
    for (const [k, item] of Object.entries(v as object)) {
      if (!(k in fields))
        out.push({
          address: `${address}.${k}`,
          message: `unknown object attribute.${didYouMean(rankBySimilarity(k, Object.keys(fields), 3))}`,
        });
      else checkType(fields[k], item, `${address}.${k}`, out);
    }
  }
}

function checkBlock(block: SchemaBlock, body: unknown, address: string, out: SchemaProblem[], topLevel: boolean): void {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    out.push({ address, message: 'expects a block (JSON object)' });
    return;
  }
  const attrs = block.attributes ?? {};
  const blocks = block.block_types ?? {};
  const values = body as Record<string, unknown>;
  for (const [key, value] of Object.entries(values)) {
    if (key === '//' || (topLevel && META_ARGUMENTS.has(key))) continue;
    const at = `${address}.${key}`;
    const attr = attrs[key];
    if (attr) {
      if (attr.computed && !attr.optional && !attr.required) {
        out.push({ address: at, message: 'is read-only (computed by the provider); remove it' });
      }
      checkType(attr.type, value, at, out);
      continue;
    }
    const nested = blocks[key];
    if (nested) {
      checkNested(nested, value, at, out);
      continue;
    }
    out.push({
      address: at,
      message: `unknown argument.${didYouMean(rankBySimilarity(key, [...Object.keys(attrs), ...Object.keys(blocks)], 3))}`,
    });
  }
  for (const [name, attr] of Object.entries(attrs)) {
    if (attr.required && values[name] === undefined)
      out.push({ address: `${address}.${name}`, message: 'is required' });
  }
  for (const [name, nested] of Object.entries(blocks)) {
    if ((nested.min_items ?? 0) > 0 && values[name] === undefined) {
      out.push({ address: `${address}.${name}`, message: `needs at least ${nested.min_items} block(s)` });
    }
  }
}

function checkNested(nested: SchemaNestedBlock, value: unknown, address: string, out: SchemaProblem[]): void {
  if (isToken(value)) return;
  if (nested.nesting_mode === 'single' || nested.nesting_mode === 'group') {
    checkBlock(nested.block, value, address, out, false);
    return;
  }
  const items = Array.isArray(value) ? value : [value];
  if (nested.min_items !== undefined && items.length < nested.min_items) {
    out.push({ address, message: `needs at least ${nested.min_items} block(s), got ${items.length}` });
  }
  if (nested.max_items !== undefined && nested.max_items > 0 && items.length > nested.max_items) {
    out.push({ address, message: `allows at most ${nested.max_items} block(s), got ${items.length}` });
  }
  items.forEach((item, i) => checkBlock(nested.block, item, `${address}[${i}]`, out, false));
}

function unknownTypeMessage(kind: 'resource' | 'data source', type: string, known: string[]): string {
  const myth = kind === 'resource' ? Catalog.misconception('resource', type) : undefined;
  const why = myth ? `: ${myth.explanation}` : ` in provider genesyscloud 1.84.1`;
  return `unknown ${kind} type${why}.${didYouMean(myth ? [...myth.use] : rankBySimilarity(type, known, 3))}`;
}

/**
 * Validates every genesyscloud resource, data source and provider block in a synthesized stack
 * (`cdk.tf.json` content). Returns the problems found, sorted by address; empty means valid.
 */
export function validateTerraformJson(stack: unknown, schema: ProviderSchema = loadProviderSchema()): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  const doc = (typeof stack === 'string' ? JSON.parse(stack) : stack) as Record<
    string,
    Record<string, Record<string, unknown>>
  >;
  for (const [section, schemas, kind, prefix] of [
    ['resource', schema.resource_schemas, 'resource', ''],
    ['data', schema.data_source_schemas, 'data source', 'data.'],
  ] as const) {
    for (const [type, instances] of Object.entries(doc[section] ?? {})) {
      if (!type.startsWith('genesyscloud_')) continue;
      const s = schemas[type];
      if (!s) {
        out.push({ address: `${prefix}${type}`, message: unknownTypeMessage(kind, type, Object.keys(schemas)) });
        continue;
      }
      for (const [name, body] of Object.entries(instances))
        checkBlock(s.block, body, `${prefix}${type}.${name}`, out, true);
    }
  }
  const providers = (doc.provider ?? {}) as Record<string, unknown>;
  const gc = providers.genesyscloud;
  for (const [i, p] of (Array.isArray(gc) ? gc : gc ? [gc] : []).entries()) {
    const { alias: _alias, ...rest } = p as Record<string, unknown>;
    checkBlock(schema.provider.block, rest, `provider.genesyscloud[${i}]`, out, false);
  }
  return out.sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
}

/** Throws one error listing every problem, one per line, if the stack does not match the schema. */
export function assertValidTerraformJson(stack: unknown, schema?: ProviderSchema): void {
  const problems = validateTerraformJson(stack, schema);
  if (problems.length) {
    throw new Error(
      `cdk.tf.json does not match the genesyscloud 1.84.1 schema:\n${problems.map((p) => `  ${p.address} ${p.message}`).join('\n')}`,
    );
  }
}
