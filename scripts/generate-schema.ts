/**
 * Generates the JSON Schema of the access graph's JSON form from its TypeScript types, so the published schema
 * cannot drift from them.
 *
 * Input:  lib/access/graph.ts (the `AccessGraph` interface and the node types it uses, with their TSDoc), and
 *         lib/review/policy-file.ts (the `PolicyFile` of genesys-access.policy.json)
 * Output: schema/access-graph.schema.json and schema/policy.schema.json (do not edit; rerun `npm run generate`)
 *
 * Only graph.ts is given to the compiler (it imports nothing), and type-checking is left to `npm run typecheck`:
 * that keeps generation to about a second. The output is deterministic: definitions sorted by name, properties in
 * declaration order, 2-space indent, printed the way prettier prints JSON (so `prettier --check` agrees).
 */
import * as path from 'path';
import { createGenerator } from 'ts-json-schema-generator';
import { POLICY_SCHEMA_PATH } from '../lib/review/policy-file';
import { ACCESS_GRAPH_SCHEMA_PATH } from '../lib/sources/graph-json';
import { ROOT, compareStrings, writeIfChanged } from './util';

/** The file the types are read from, relative to the repository root. */
export const GRAPH_SOURCE = 'lib/access/graph.ts';

/** The policy file's types, relative to the repository root. */
export const POLICY_SOURCE = 'lib/review/policy-file.ts';

/** The schema's `$id`: where the repository publishes it. */
export const SCHEMA_ID = `https://github.com/cdktf-genesyscloud-access/cdktf-genesyscloud-access/${ACCESS_GRAPH_SCHEMA_PATH}`;

/** prettier's `printWidth` (.prettierrc.json). */
const PRINT_WIDTH = 120;

type JsonObject = { [key: string]: Json };
type Json = string | number | boolean | null | Json[] | JsonObject;

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `{@link Foo.bar}` in TSDoc (which the generator leaves padded with spaces) as `Foo.bar` in code quotes. */
function plainLinks(text: string): string {
  return text
    .replace(/\s*\{@link\s+([^\s|}]+)[^}]*\}\s*/g, (match: string, name: string, offset: number, all: string) => {
      const before = offset === 0 ? '' : ' ';
      const next = all[offset + match.length];
      const after = next === undefined || /[).,;:!?]/.test(next) ? '' : ' ';
      return `${before}\`${name}\`${after}`;
    })
    .replace(/\( `/g, '(`');
}

/** Cleans every `description` of a schema node (in place). */
function cleanDescriptions(node: Json): void {
  if (Array.isArray(node)) {
    node.forEach(cleanDescriptions);
    return;
  }
  if (!isObject(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'description' && typeof value === 'string') node[key] = plainLinks(value);
    else cleanDescriptions(value);
  }
}

/**
 * JSON as prettier prints it: non-empty objects one property a line; arrays of scalars on one line when the
 * line (with its key and trailing comma) fits in the print width, else one element a line.
 */
function printJson(value: Json, indent: string, column: number, trailing: number): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((v) => !Array.isArray(v) && !isObject(v))) {
      const flat = `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
      if (column + flat.length + trailing <= PRINT_WIDTH) return flat;
    }
    const items = value.map((v, i) => `${inner}${printJson(v, inner, inner.length, i < value.length - 1 ? 1 : 0)}`);
    return `[\n${items.join(',\n')}\n${indent}]`;
  }
  if (isObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    const lines = entries.map(([k, v], i) => {
      const head = `${inner}${JSON.stringify(k)}: `;
      return `${head}${printJson(v, inner, head.length, i < entries.length - 1 ? 1 : 0)}`;
    });
    return `{\n${lines.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/** One schema to generate: the root type, the file it is in, and how it is published. */
interface SchemaSpec {
  readonly source: string;
  readonly type: string;
  readonly id: string;
  readonly title: string;
}

/** The schema as an object, generated now from lib/access/graph.ts. */
export function accessGraphSchema(): JsonObject {
  return generatedSchema({
    source: GRAPH_SOURCE,
    type: 'AccessGraph',
    id: SCHEMA_ID,
    title: 'Genesys Cloud access graph',
  });
}

/** The policy file's schema (lib/review/policy-file.ts, which imports only the change kinds). */
export function policySchema(): JsonObject {
  return generatedSchema({
    source: POLICY_SOURCE,
    type: 'PolicyFile',
    id: `https://github.com/cdktf-genesyscloud-access/cdktf-genesyscloud-access/${POLICY_SCHEMA_PATH}`,
    title: 'genesys-access gate policy',
  });
}

function generatedSchema(spec: SchemaSpec): JsonObject {
  const generator = createGenerator({
    path: path.join(ROOT, spec.source),
    tsconfig: path.join(ROOT, 'tsconfig.json'),
    type: spec.type,
    expose: 'export',
    // The root is AccessGraph itself, not a `$ref` to it: draft-07 ignores the siblings of a `$ref` (here `$id`,
    // `title` and `description`).
    topRef: false,
    jsDoc: 'extended',
    additionalProperties: false,
    skipTypeCheck: true,
  });
  const generated = JSON.parse(JSON.stringify(generator.createSchema(spec.type))) as JsonObject;
  cleanDescriptions(generated);
  const { $schema, definitions, description, ...root } = generated;
  if (!isObject(definitions)) throw new Error(`the generated schema of ${spec.type} has no definitions`);
  const sorted: JsonObject = {};
  for (const name of Object.keys(definitions).sort(compareStrings)) sorted[name] = definitions[name];
  return {
    $schema,
    $id: spec.id,
    title: spec.title,
    description: `${typeof description === 'string' ? `${description} ` : ''}Generated from ${spec.source} by \`npm run generate\`: do not edit.`,
    ...root,
    definitions: sorted,
  };
}

/** The text of schema/access-graph.schema.json, generated now. */
export function schemaText(): string {
  return `${printJson(accessGraphSchema(), '', 0, 0)}\n`;
}

/** The text of schema/policy.schema.json, generated now. */
export function policySchemaText(): string {
  return `${printJson(policySchema(), '', 0, 0)}\n`;
}

export function generateSchema(): void {
  writeIfChanged(path.join(ROOT, ACCESS_GRAPH_SCHEMA_PATH), schemaText());
  writeIfChanged(path.join(ROOT, POLICY_SCHEMA_PATH), policySchemaText());
}
