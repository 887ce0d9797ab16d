/**
 * Reads a synthesized `cdk.tf.json` (one cdktf or CDK Terrain stack) into the access graph. cdk.tf.json is
 * Terraform JSON with cdktf's `"//"` metadata (construct paths, the stack name) and our constructs' intent in
 * `locals.genesyscloud_access`; the reading itself is the shared Terraform document reader.
 */
import type { AccessGraph } from '../../access/graph';
import { type ReadDocumentOptions, readTerraformDocument } from '../terraform/document';

export type { ReadDocumentOptions as ReadCdktfOptions } from '../terraform/document';

/** Reads one synthesized stack (object or JSON text) into a graph; throws one line naming a bad value. */
export function readCdktf(json: unknown, options: Omit<ReadDocumentOptions, 'format'> = {}): AccessGraph {
  return readTerraformDocument(json, { ...options, format: 'cdktf' });
}
