import * as divisions from './divisions';
import * as oauth from './oauth';
import * as permissions from './permissions';
import * as scopes from './scopes';
import * as subjects from './subjects';
import type { Rule } from './types';

function rulesOf(mod: Record<string, unknown>): Rule[] {
  return Object.values(mod).filter((v): v is Rule => typeof v === 'object' && v !== null && 'check' in v && 'id' in v);
}

/** A named set of rules. */
export interface RulePack {
  readonly name: string;
  readonly description: string;
  readonly rules: readonly Rule[];
}

/** Every rule, sorted by id. */
export const ALL_RULES: readonly Rule[] = [permissions, scopes, oauth, divisions, subjects]
  .flatMap((m) => rulesOf(m as Record<string, unknown>))
  .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** The default pack: every rule. */
export const GENESYS_ACCESS_PACK: RulePack = {
  name: 'GenesysAccess',
  description: 'Least-privilege and 403-prevention rules for Genesys Cloud roles, divisions and OAuth clients.',
  rules: ALL_RULES,
};
