/**
 * The access graph's published JSON form: read a graph that another tool (or `genesys-access snapshot`) wrote,
 * checking its version and shape. The JSON Schema is shipped at `schema/access-graph.schema.json`, generated
 * from lib/access/graph.ts.
 */
import { ACCESS_GRAPH_VERSION, type AccessGraph } from '../access/graph';
import { AccessValidationError } from '../errors';
import { isObject } from '../util/json';

/** Where the JSON Schema of the graph is, relative to the package root. */
export const ACCESS_GRAPH_SCHEMA_PATH = 'schema/access-graph.schema.json';

const LISTS = ['divisions', 'roles', 'principals', 'grants', 'grantWriters', 'resourceTypes'] as const;

/**
 * Reads the JSON form of an access graph (object or text). Checks the version and that every node list holds
 * objects with string keys, and that grants name nodes the graph holds; the full shape is the JSON Schema's.
 */
export function readGraph(json: unknown, shown = 'the access graph'): AccessGraph {
  let doc: unknown = json;
  if (typeof json === 'string') {
    try {
      doc = JSON.parse(json);
    } catch {
      throw new AccessValidationError(`${shown} is not valid JSON: write it with JSON.stringify(graph)`);
    }
  }
  if (!isObject(doc))
    throw new AccessValidationError(`${shown} must be a JSON object (see ${ACCESS_GRAPH_SCHEMA_PATH})`);
  if (doc.version !== ACCESS_GRAPH_VERSION) {
    const v = typeof doc.version === 'number' ? String(doc.version) : 'none';
    throw new AccessValidationError(
      `${shown} has graph version ${v}; this library reads version ${ACCESS_GRAPH_VERSION}${typeof doc.version === 'number' && doc.version > ACCESS_GRAPH_VERSION ? ': upgrade cdktf-genesyscloud-access' : ''}`,
    );
  }
  if (!isObject(doc.source) || typeof doc.source.format !== 'string' || typeof doc.source.name !== 'string') {
    throw new AccessValidationError(`${shown}: "source" must be an object with string "format" and "name"`);
  }
  for (const list of LISTS) {
    const v = doc[list];
    if (!Array.isArray(v)) throw new AccessValidationError(`${shown}: "${list}" must be a list`);
    v.forEach((x, i) => {
      if (!isObject(x)) throw new AccessValidationError(`${shown}: /${list}/${i} must be an object`);
    });
  }
  const keys = (list: 'divisions' | 'roles' | 'principals' | 'grantWriters'): Set<string> => {
    const out = new Set<string>();
    (doc as Record<string, Array<Record<string, unknown>>>)[list].forEach((x, i) => {
      if (typeof x.key !== 'string') throw new AccessValidationError(`${shown}: /${list}/${i}/key must be a string`);
      out.add(x.key);
    });
    return out;
  };
  const divisions = keys('divisions');
  const roles = keys('roles');
  const principals = keys('principals');
  const writers = keys('grantWriters');
  (doc.grants as Array<Record<string, unknown>>).forEach((g, i) => {
    for (const [field, set] of [
      ['principal', principals],
      ['role', roles],
      ['division', divisions],
      ['writer', writers],
    ] as const) {
      const v = g[field];
      if (typeof v !== 'string' || !set.has(v)) {
        throw new AccessValidationError(
          `${shown}: /grants/${i}/${field} must name one of the graph's ${field === 'writer' ? 'grantWriters' : `${field}s`}`,
        );
      }
    }
  });
  return doc as unknown as AccessGraph;
}
