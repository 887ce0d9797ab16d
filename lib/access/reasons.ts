/**
 * The reasons a decision gives: a stable code plus one sentence. Codes are part of the public API (they appear
 * in `explain --format json`); add new ones, never rename.
 */

/** What each reason code means. */
export const REASON_CODES = {
  ALLOWED_BY_GRANT: 'a role granted in a division that reaches the object holds what the operation needs',
  ALL_DIVISIONS: 'a role granted in all divisions (*) reaches every division, now and future',
  WILDCARD: 'a wildcard permission covers what is needed; the API expands it when the role is saved',
  NO_PERMISSION_REQUIRED: 'the operation lists no permission: any authenticated principal may call it',
  NOT_DIVISION_AWARE: 'the org says the permission is not division-aware: a grant in any division satisfies it',
  OTHER_DIVISIONS_FORBIDDEN: 'objects in divisions the grants do not reach return 403',
  IMPLICIT_HOME: 'a role is granted with no division, which the provider turns into the home division only',
  MISSING_PERMISSION: 'no role reaching the division holds what the operation needs',
  WRONG_DIVISION: 'the principal holds what is needed, but not in the division of the object',
  SPLIT_DIVISIONS: 'what is needed is held, but in different divisions: no one division has it all',
  NO_GRANTS: 'the principal has no role grants in the input',
  CONDITIONS: 'what is needed is granted only by a policy with conditions, which narrow the grant to some objects',
  ROLE_PERMISSIONS_UNKNOWN: 'a role reaching the division is defined outside the input: its permissions are not known',
  DIVISION_UNKNOWN: 'a grant names a division the input cannot resolve',
  GRANTS_INCOMPLETE: "some of the principal's grants cannot be read statically",
  USER_CONTEXT_ROLES_INERT: 'a user-context OAuth client holds nothing of its own: roles on it grant nothing',
  USER_CONTEXT_USER_DECIDES:
    "a user-context token carries the signed-in user's permissions, which the input does not hold",
  SCOPE_ACCEPTED: 'the client has a scope the operation accepts',
  SCOPE_MISSING: 'the client has none of the scopes the operation accepts',
  SCOPE_UNKNOWN: 'the catalog does not know which scopes the operation accepts',
  SCOPES_INFERRED: "the operation's scopes in the catalog are inferred from similar operations, not documented",
  SCOPES_NOT_ENFORCED: "orgs do not enforce scopes by default: where not enforced, the app has the user's access",
  SCOPES_IGNORED: "a client-credentials token ignores scopes: only the client's role x division grants count",
  CLIENT_INACTIVE: 'an inactive OAuth client cannot get tokens',
  CLIENT_STATE_UNKNOWN: "the OAuth client's state is an expression the input cannot resolve",
  CLIENT_CREDENTIALS_USER_API: 'a client-credentials token has no user: user-specific (/me) APIs are not for it',
  GROUP_ROLES_DISABLED: 'the group has roles_enabled = false: its roles give its members nothing',
  GROUP_ROLES_UNKNOWN: "the group's roles_enabled is an expression the input cannot resolve",
  USER_GROUPS_NOT_SEEN: 'grants through the groups a user belongs to are not in the input',
  ACCESS_POLICY: 'the org has active attribute-based access policies, which can deny what roles allow',
} as const;

/** A stable reason code. */
export type ReasonCode = keyof typeof REASON_CODES;

/** One reason: a stable code and one sentence about this case. */
export interface Reason {
  readonly code: ReasonCode;
  readonly message: string;
}

/** A reason with its message. */
export function reason(code: ReasonCode, message: string = REASON_CODES[code]): Reason {
  return { code, message };
}
