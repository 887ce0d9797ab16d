/**
 * The Platform API operations `genesys-access snapshot` calls, as catalog keys: what the snapshot client's
 * permissions are derived from (lib/doctor/snapshot-client.ts), so the minimal set is computed, never listed.
 * A test checks the live reader calls exactly these.
 */

/** One operation the snapshot reads with, and when. */
export interface SnapshotOperation {
  /** `METHOD /api/v2/...` as the catalog keys it. */
  readonly key: string;
  /** `always`, or only with `--usage-days`. */
  readonly when: 'always' | 'usage';
  /** What it reads. */
  readonly reads: string;
}

/** Every operation of a snapshot, in the order the README lists them. */
export const SNAPSHOT_OPERATIONS: readonly SnapshotOperation[] = [
  { key: 'GET /api/v2/organizations/me', when: 'always', reads: "the org's name and id" },
  { key: 'GET /api/v2/authorization/divisions', when: 'always', reads: 'divisions (home flagged)' },
  { key: 'GET /api/v2/authorization/roles', when: 'always', reads: 'roles with their permission policies' },
  {
    key: 'GET /api/v2/authorization/roles/{roleId}/subjectgrants',
    when: 'always',
    reads: 'per role, every user, group and OAuth client holding it, with the divisions',
  },
  {
    key: 'GET /api/v2/authorization/permissions',
    when: 'always',
    reads: 'the permission list (division-aware, conditions)',
  },
  { key: 'GET /api/v2/authorization/policies', when: 'always', reads: 'attribute-based access policies' },
  {
    key: 'GET /api/v2/oauth/clients',
    when: 'always',
    reads: 'OAuth clients with grant type, scopes, state, role x division',
  },
  { key: 'GET /api/v2/users', when: 'always', reads: 'users (name, email)' },
  { key: 'GET /api/v2/groups', when: 'always', reads: 'groups (roles enabled)' },
  { key: 'POST /api/v2/usage/query', when: 'usage', reads: 'API usage by client, template URI and method' },
  { key: 'GET /api/v2/usage/query/{executionId}/results', when: 'usage', reads: 'the usage query results' },
];
