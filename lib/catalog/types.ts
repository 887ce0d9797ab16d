import type { OperationId, OperationKey, Permission, Scope } from '../../src/generated/catalog';

export type { OperationId, OperationKey, Permission, Scope };
export type { GeneralPermission } from '../../src/generated/catalog';

/** HTTP methods of the Platform API. */
export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Where an operation's scopes come from in the pinned data. */
export type ScopesSource = 'openapi' | 'inferred' | 'unknown';

/** One Platform API operation with its documented access requirements. */
export interface Operation {
  /** SDK method name, e.g. `getConversationRecordings`. */
  readonly operationId: OperationId;
  /** HTTP method. */
  readonly method: HttpMethod;
  /** Path template, e.g. `/api/v2/conversations/{conversationId}/recordings`. */
  readonly path: string;
  /** `METHOD /path/template`. */
  readonly key: OperationKey;
  /** Swagger summary. */
  readonly summary: string;
  /** "Requires ANY permissions": holding one of them suffices (empty when none listed). */
  readonly anyOf: readonly string[];
  /** "Requires ALL permissions": every one must be held (empty when none listed). */
  readonly allOf: readonly string[];
  /** OAuth scopes that satisfy the operation for user-context tokens (any one suffices). */
  readonly scopes: readonly Scope[];
  /** `openapi` (stated), `inferred` (a hint, never a grant basis) or `unknown`. */
  readonly scopesSource: ScopesSource;
  /** Deprecated in the SDK. */
  readonly deprecated: boolean;
  /** Permissions the description mentions but does not list (conditional behaviour such as redaction). */
  readonly mentionedPermissions: readonly string[];
  /** Prose found where a permission list was expected, if any. */
  readonly permissionsNote?: string;
}

/** A known invented name and what is real instead. */
export interface Misconception {
  /** Why the name is wrong, in one sentence. */
  readonly explanation: string;
  /** Real names to use instead (permissions, scopes, operation ids or resource types). */
  readonly use: readonly string[];
}
