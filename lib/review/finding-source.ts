/**
 * Where a finding's resource is written, for the report model and SARIF: the input file, the JSON pointer and the
 * line, as far as the input knows them. No cdktf import.
 */
import type { AccessGraph } from '../access/graph';
import { GraphIndex } from '../access/graph-index';
import { jsonPointer } from '../util/json';

/** Where a resource is written in its input. */
export interface FindingSource {
  /**
   * The input file, as the user named it.
   * @default - the stack's own file (a cdktf synthesis records no file per resource)
   */
  readonly file?: string;
  /**
   * A JSON pointer into the file (cdk.tf.json, .tf.json, plans).
   * @default - none: the input is not JSON
   */
  readonly pointer?: string;
  /**
   * The 1-based line in the file (HCL).
   * @default - none: the input does not record lines
   */
  readonly line?: number;
}

/** The pointer of a cdktf address in its cdk.tf.json: `/resource/<type>/<name>` or `/data/<type>/<name>`. */
function cdktfPointer(address: string): string | undefined {
  const parts = address.split('.');
  if (parts.length === 2) return jsonPointer('resource', parts[0], parts[1]);
  if (parts.length === 3 && parts[0] === 'data') return jsonPointer('data', parts[1], parts[2]);
  return undefined;
}

/** Where `address` is written in the input of `graph`, or undefined when the input does not say. */
export function findingSource(graph: AccessGraph, address: string): FindingSource | undefined {
  const p = GraphIndex.of(graph).provenanceOf(address);
  if (graph.source.format === 'cdktf') {
    // The pointer follows from the address; the file is the stack's (not repeated per finding).
    const pointer = p ? cdktfPointer(address) : undefined;
    return pointer !== undefined ? { pointer } : undefined;
  }
  if (!p?.file) return undefined;
  return {
    file: p.file,
    ...(p.pointer !== undefined ? { pointer: p.pointer } : {}),
    ...(p.line !== undefined ? { line: p.line } : {}),
  };
}
