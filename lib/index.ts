/**
 * The package root: the constructs, the catalog, capabilities, the access graph and its evaluator, and the
 * reader that turns a synthesized stack into a graph. Parser internals and caches are not exported.
 */
export * from './access';
export * from './catalog';
export * from './constructs';
export { AccessValidationError } from './errors';
export { GENESYS_ACCESS_PACK, ALL_RULES, type RulePack } from './rules/packs';
export type {
  Finding,
  Rule,
  RuleContext,
  RuleHit,
  RuleLevel,
  RuleMetadata,
  RuleOptions,
  Suppression,
  PlacedSuppression,
} from './rules/types';
export { readCdktf, type ReadCdktfOptions } from './sources/cdktf/read';
export { readGraph, ACCESS_GRAPH_SCHEMA_PATH } from './sources/graph-json';
export {
  readSnapshot,
  readSnapshotFile,
  serializeSnapshot,
  SNAPSHOT_KIND,
  SNAPSHOT_VERSION,
  type OrgSnapshot,
  type SnapshotDefaultRole,
  type SnapshotPermission,
  type SnapshotUsage,
  type SnapshotUsageRow,
} from './sources/genesys-org/snapshot-file';
