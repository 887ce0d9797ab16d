/**
 * `genesys-access snapshot` in one call: the connection from the environment, the live client, the read and the
 * snapshot. This is the module the snapshot command loads lazily; the offline commands never load it (a test
 * checks that).
 */
import { connectionFromEnv } from './endpoints';
import { type ClientOptions, type ClientStats, PlatformApiClient } from './http-client';
import { readLiveOrg, type ReadOrgOptions } from './read-org';
import type { OrgSnapshot } from './snapshot-file';
import { toSnapshot } from './to-graph';

export { PlatformApiError } from './http-client';
export { serializeSnapshot } from './snapshot-file';

/** Options of {@link takeSnapshot}. */
export interface TakeSnapshotOptions extends ReadOrgOptions, ClientOptions {
  /**
   * Where the GENESYSCLOUD_* variables are read from.
   * @default process.env
   */
  readonly env?: NodeJS.ProcessEnv;
}

/** A snapshot and what it took. */
export interface TakenSnapshot {
  readonly snapshot: OrgSnapshot;
  readonly stats: ClientStats;
}

/** Reads the org the environment points at into a snapshot. */
export async function takeSnapshot(options: TakeSnapshotOptions = {}): Promise<TakenSnapshot> {
  const connection = connectionFromEnv(options.env ?? process.env);
  const client = new PlatformApiClient(connection, options);
  const org = await readLiveOrg(client, options);
  const takenAt = (options.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return { snapshot: toSnapshot(org, { apiHost: connection.apiHost, takenAt }), stats: client.stats };
}
