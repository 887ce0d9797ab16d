/**
 * The shape of `genesys-access diff`'s model (what `--format json` writes): principals, role definitions and
 * changes per stack, and the summary. Types only; lib/review/diff.ts builds it. No cdktf import.
 */
import type { PrincipalKind } from '../access/graph';
import type { Change } from './changes';
import type { DriftInfo } from './drift';
import type { PairingSummary, PrincipalPairing } from './pairing';
import type { RoleDiff } from './role-diff';

/** One role × division grant. */
export interface GrantChange {
  readonly role: string;
  readonly roleAddress: string;
  readonly division: string;
  readonly divisionKey: string;
}

/** Permissions added or removed in one division. */
export interface DivisionPermissions {
  readonly division: string;
  readonly divisionKey: string;
  readonly permissions: readonly string[];
}

/** Operations newly unlocked in one division. */
export interface DivisionOperations {
  readonly division: string;
  readonly divisionKey: string;
  readonly count: number;
}

/** How one principal's access changed. */
export interface PrincipalDiff {
  readonly address: string;
  readonly name: string;
  readonly kind: PrincipalKind;
  readonly grantType?: string;
  readonly change: 'added' | 'removed' | 'changed';
  readonly grants: { readonly added: readonly GrantChange[]; readonly removed: readonly GrantChange[] };
  /** Division labels. */
  readonly divisions: { readonly added: readonly string[]; readonly removed: readonly string[] };
  readonly permissions: {
    readonly added: readonly DivisionPermissions[];
    readonly removed: readonly DivisionPermissions[];
  };
  /** Operations the head unlocks that the base did not (distinct over divisions), per division. */
  readonly operations: {
    readonly unlocked: number;
    readonly examples: readonly string[];
    readonly byDivision: readonly DivisionOperations[];
  };
  /** OAuth client scopes. */
  readonly scopes: { readonly added: readonly string[]; readonly removed: readonly string[] };
  /** Secret-handling attributes newly set (expose_client_secret, directory_client_secret, client_secret). */
  readonly secrets: readonly string[];
  readonly notes: readonly string[];
  /** How base and head were paired: by address, by Genesys type and name (addresses differ), or not (added, removed). */
  readonly pairing: PrincipalPairing;
}

export type BroadeningKind =
  'all-divisions' | 'admin-permission' | 'admin-scope' | 'secret-exposed' | 'wildcard-permission';

/** A change that widens access and should be approved. */
export interface Broadening {
  readonly kind: BroadeningKind;
  readonly stack: string;
  readonly principal: string;
  readonly name: string;
  readonly division?: string;
  readonly permission?: string;
  /** `admin-scope`: the scope. */
  readonly scope?: string;
  readonly detail: string;
}

/** One stack's change. */
export interface StackDiff {
  readonly stack: string;
  readonly change: 'added' | 'removed' | 'changed' | 'unchanged';
  /** Changed principals only, by address. */
  readonly principals: readonly PrincipalDiff[];
  /** Managed roles whose definition changed (held by a principal in the input or not), by address. */
  readonly roles: readonly RoleDiff[];
  /** How the principals were paired (all of them, changed or not), and every pair made by name. */
  readonly pairing: PairingSummary;
}

/** The whole diff. */
export interface DiffModel {
  readonly summary: {
    readonly stacks: number;
    readonly stacksChanged: number;
    readonly principalsAdded: number;
    readonly principalsRemoved: number;
    readonly principalsChanged: number;
    readonly permissionsAdded: number;
    readonly permissionsRemoved: number;
    readonly operationsUnlocked: number;
    readonly broadening: number;
    /** Role definitions changed. */
    readonly rolesChanged: number;
    /** Every change (see `changes`), and those that widen access. */
    readonly changes: number;
    readonly widening: number;
  };
  /** Every change, one kind each: widening first (lib/review/changes.ts). Empty when nothing changed. */
  readonly changes: readonly Change[];
  /** Every broadening change, by stack, principal, kind, division, permission. */
  readonly broadening: readonly Broadening[];
  readonly stacks: readonly StackDiff[];
  /** Set when one side is a live org (a snapshot) and the other code: the drift, paired by names. */
  readonly drift?: DriftInfo;
}
