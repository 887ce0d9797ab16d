import { AccessGrant } from '../access/access-grant';
import type { CapabilityId } from '../access/capabilities';
import { AccessRole } from './access-role';
import { ClientCredentialsClient } from './client-credentials-client';
import { Construct } from './core';
import type { IDivision } from './division';
import { checkProps, CLIENT_CREDENTIALS_NOT_TAKEN, rejectedProp } from './props';

const NOT_TAKEN: Readonly<Record<string, string>> = {
  ...CLIENT_CREDENTIALS_NOT_TAKEN,
  permissions:
    'it grants exactly screen-recording-read (and the conversation-detail query with includeConversationSearch); for another job build an AccessRole and grant it to a ClientCredentialsClient',
  capabilities:
    'it grants exactly screen-recording-read (and the conversation-detail query with includeConversationSearch); for another job build an AccessRole and grant it to a ClientCredentialsClient',
};

/** Props of {@link ScreenRecordingReaderClient}. */
export interface ScreenRecordingReaderClientProps {
  /**
   * Divisions of the conversations whose screen recordings the client reads (e.g. the Chicago division of the
   * Chicago agents' queues). At least one; `Division.all({ reason })` for every division.
   */
  readonly divisions: readonly IDivision[];
  /**
   * OAuth client name.
   * @default 'Screen recording reader'
   */
  readonly name?: string;
  /**
   * Role name.
   * @default - `<name> role`
   */
  readonly roleName?: string;
  /**
   * Also grant the conversation-detail query (to find the conversations to review).
   * @default false
   */
  readonly includeConversationSearch?: boolean;
  /**
   * Expose the client secret through a sensitive output.
   * @default false
   */
  readonly exposeSecret?: boolean;
  /**
   * Access token lifetime in seconds, 300..38880000.
   * @default 86400 (the provider's default)
   */
  readonly accessTokenValiditySeconds?: number;
}

/**
 * A CLIENT-CREDENTIALS OAuth client that downloads screen recordings, holding a role with exactly the
 * `screen-recording-read` capability in each given division.
 *
 * Operations enabled (capability `screen-recording-read`):
 * - `GET /api/v2/conversations/{conversationId}/recordings` (getConversationRecordings)
 * - `GET /api/v2/conversations/{conversationId}/recordings/{recordingId}` (getConversationRecording)
 * - `GET /api/v2/conversations/{conversationId}/recordingmetadata` (getConversationRecordingmetadata)
 * - `GET /api/v2/conversations/{conversationId}/recordingmetadata/{recordingId}` (getConversationRecordingmetadataRecordingId)
 * - `POST /api/v2/recording/batchrequests` (postRecordingBatchrequests)
 * - `GET /api/v2/recording/batchrequests/{jobId}` (getRecordingBatchrequest; no permission listed)
 *
 * Permissions granted: `recording:screenRecording:view` (plus `analytics:conversationDetail:view` with
 * `includeConversationSearch`, for `POST /api/v2/analytics/conversations/details/query` and
 * `GET /api/v2/analytics/conversations/{conversationId}/details`).
 *
 * No scopes: a client-credentials token ignores them. A 403 for some agents means the grant misses the division
 * of their conversations, not a missing scope.
 */
export class ScreenRecordingReaderClient extends Construct {
  /** The role. */
  public readonly role: AccessRole;
  /** The OAuth client. */
  public readonly client: ClientCredentialsClient;
  /** What was granted. */
  public readonly grant: AccessGrant;

  constructor(scope: Construct, id: string, props: ScreenRecordingReaderClientProps) {
    super(scope, id);
    const p = checkProps<ScreenRecordingReaderClientProps>(
      this,
      'ScreenRecordingReaderClient',
      props,
      {
        divisions: {
          kind: 'list',
          must: 'a list of divisions',
          example: '[Division.fromName(this, "chicago", "Chicago")]',
        },
        name: { kind: 'string' },
        roleName: { kind: 'string' },
        includeConversationSearch: { kind: 'boolean' },
        exposeSecret: { kind: 'boolean' },
        accessTokenValiditySeconds: { kind: 'number' },
      },
      NOT_TAKEN,
    );
    const name = p.name ?? 'Screen recording reader';
    const capabilities: CapabilityId[] = ['screen-recording-read'];
    if (p.includeConversationSearch) capabilities.push('analytics-conversation-detail-query');
    this.role = new AccessRole(this, 'role', { name: p.roleName ?? `${name} role`, capabilities });
    this.client = new ClientCredentialsClient(this, 'client', {
      name,
      exposeSecret: p.exposeSecret,
      accessTokenValiditySeconds: p.accessTokenValiditySeconds,
    });
    if (rejectedProp(props, p, 'divisions')) {
      // Reported already: a grant without them would report a second line for the same fix.
      this.client.noteFailedGrant();
      this.grant = AccessGrant.none();
    } else this.grant = this.role.grant(this.client, ...((p.divisions ?? []) as IDivision[]));
  }
}
