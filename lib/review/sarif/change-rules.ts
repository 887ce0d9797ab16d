/**
 * One SARIF rule per diff change kind (`genesys-access/<kind>`): what the kind means and what a reviewer does
 * about it. No cdktf import.
 */
import { CHANGE_KIND_INFO, CHANGE_KINDS, canWiden, type ChangeKind } from '../changes';
import type { SarifRule } from './log';

/** The SARIF rule id of a change kind. */
export function changeRuleId(kind: ChangeKind): string {
  return `genesys-access/${kind}`;
}

interface KindText {
  readonly name: string;
  readonly short: string;
  readonly full: string;
  readonly help: string;
}

const REVIEW = 'Check the grant is needed; if it is, approve it (or record a policy exception with its reason).';

/** Every kind's text; a Record over ChangeKind, so a new kind cannot be left out. */
const KINDS: Readonly<Record<ChangeKind, KindText>> = {
  'all-divisions': {
    name: 'AllDivisions',
    short: 'A grant in all divisions (now and future) was added.',
    full: 'A role is newly granted in every division, including divisions created later: the widest grant there is.',
    help: 'Name the divisions the principal works in; if every division is meant, record the reason (Division.all({ reason })).',
  },
  'admin-grade': {
    name: 'AdminGrade',
    short: 'A destructive or admin-grade permission or scope was added.',
    full: 'The head grants a permission or scope that deletes, administers or changes access itself (roles, OAuth clients, divisions, users).',
    help: 'Grant the narrower read or edit permission the integration needs, or list the principal in the policy adminAllowed with a reason.',
  },
  wildcard: {
    name: 'Wildcard',
    short: 'A wildcard permission was added.',
    full: 'A role newly grants a wildcard permission (domain:entity:* or broader), which also grants every action added to the API later.',
    help: 'List the exact permissions the principal needs instead of the wildcard.',
  },
  'secret-exposed': {
    name: 'SecretExposed',
    short: 'An OAuth client secret is newly exposed.',
    full: 'An OAuth client now writes its secret to Terraform state or a file (expose_client_secret, directory_client_secret), where anyone who reads them holds the client.',
    help: 'Keep the secret out of state and files: read it from the Genesys Cloud UI or a secrets manager.',
  },
  'unknown-introduced': {
    name: 'UnknownIntroduced',
    short: 'The head holds access the input cannot tell.',
    full: 'A grant the static input cannot resolve (a role or division known only at apply time, a role defined outside the input) was added, so the change cannot be judged.',
    help: 'Name the role and division in the input, or set allowUnknown in the policy once the unknown is reviewed.',
  },
  'principal-added': {
    name: 'PrincipalAdded',
    short: 'A principal (OAuth client, user or group) was added.',
    full: 'A new principal holds access in the head: everything it is granted is new.',
    help: REVIEW,
  },
  'grant-added': {
    name: 'GrantAdded',
    short: 'A role was newly granted to a principal.',
    full: 'A principal holds a role in a division it did not hold it in before.',
    help: REVIEW,
  },
  'division-added': {
    name: 'DivisionAdded',
    short: 'A principal gained access in a new division.',
    full: 'A principal holds roles in a division where it held none before: its permissions now apply to that division’s objects too.',
    help: REVIEW,
  },
  'permission-added': {
    name: 'PermissionAdded',
    short: 'A principal gained a permission in a division.',
    full: 'A permission × division pair the principal did not hold before, through a new grant or a role that gained the permission.',
    help: REVIEW,
  },
  'operation-unlocked': {
    name: 'OperationUnlocked',
    short: 'A principal can newly call API operations.',
    full: 'The permissions the principal gained meet the permission rule of API operations it could not call before.',
    help: REVIEW,
  },
  'scope-added': {
    name: 'ScopeAdded',
    short: 'An OAuth scope was added to a user-context client.',
    full: 'A user-context OAuth client asks for a scope it did not before: signed-in users can use the client for more.',
    help: 'Check the client needs the scope; ask for the read-only scope where that is enough.',
  },
  'role-changed': {
    name: 'RoleChanged',
    short: 'A role definition changed.',
    full: 'A role the input defines gained or lost permissions; every principal that holds it (in the input or not) changes with it.',
    help: 'Check who holds the role, in the stack and in the org, and that they all need what it gained.',
  },
  'access-removed': {
    name: 'AccessRemoved',
    short: 'Access was removed.',
    full: 'A principal, grant, division, permission or scope was removed: access narrows (a caller that needed it now gets 403).',
    help: 'Check no integration still calls the operations the removed access allowed.',
  },
};

/** The SARIF rules of the change kinds, in CHANGE_KINDS order. */
export function changeRules(): SarifRule[] {
  return CHANGE_KINDS.map((kind) => {
    const k = KINDS[kind];
    return {
      id: changeRuleId(kind),
      name: k.name,
      shortDescription: { text: k.short },
      fullDescription: { text: k.full },
      help: { text: k.help },
      defaultConfiguration: { level: canWiden(kind) ? 'warning' : 'note' },
      // The label the Markdown shows for the kind.
      properties: { label: CHANGE_KIND_INFO[kind].label, tags: ['access', canWiden(kind) ? 'widening' : 'narrowing'] },
    };
  });
}
