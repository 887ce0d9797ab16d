/**
 * Jest adapter for the access matchers. Load it once, e.g. in `setupFilesAfterEnv`:
 *
 * ```ts
 * import 'cdktf-genesyscloud-access/testing/jest';
 * expect(Testing.synth(stack)).toAllowOperation(qa.client, 'GET /api/v2/conversations/{conversationId}/recordings', { division: 'Chicago' });
 * ```
 *
 * The received value is a synthesized stack (JSON text or object) or a TerraformStack (synthesized here).
 * Principals and divisions may be given as constructs or as strings.
 */
import { Testing, TerraformStack } from '../constructs/core';
import { terraformAddress } from '../constructs/access-metadata';
import type { IDivision } from '../constructs/division';
import { allowsOperation, grantsExactly, grantsPermission, type MatcherResult } from './matchers';

/** A principal: a Terraform address or name, or a construct of ours or of the raw bindings. */
export type PrincipalLike = string | object;

/** Options of the jest matchers. */
export interface JestAccessOptions {
  /**
   * The division: a name, id, address, `home`, `*`, or an IDivision.
   * @default - any division
   */
  readonly division?: string | IDivision;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      /** The principal holds `permission` in the division. */
      toGrantPermission(principal: PrincipalLike, permission: string, options?: JestAccessOptions): R;
      /** The principal can call the operation (`METHOD /path` or operation id) in the division. */
      toAllowOperation(principal: PrincipalLike, operation: string, options?: JestAccessOptions): R;
      /** The principal's permissions in the division are exactly `permissions`. */
      toGrantExactly(principal: PrincipalLike, permissions: readonly string[], options?: JestAccessOptions): R;
    }
  }
}

/** Resolves a construct to the Terraform address the plan uses. */
export function principalAddress(x: PrincipalLike): string {
  if (typeof x === 'string') return x;
  const o = x as Record<string, unknown>;
  const el = (o.resource ?? o.user ?? o) as { terraformResourceType?: string; friendlyUniqueId?: string };
  if (el.terraformResourceType && el.friendlyUniqueId)
    return terraformAddress(el as { terraformResourceType: string; friendlyUniqueId: string });
  if (typeof o.userId === 'string') return `user:${o.userId}`;
  if (o.client) return principalAddress(o.client as object);
  if (o.principal) return principalAddress(o.principal as object);
  throw new Error('principal must be a Terraform address string or a construct with a genesyscloud resource');
}

function divisionQuery(d: string | IDivision | undefined): string | undefined {
  if (d === undefined || typeof d === 'string') return d;
  if (d.isAllDivisions) return '*';
  return d.label;
}

function toJson(received: unknown): unknown {
  if (TerraformStack.isStack(received)) return JSON.parse(Testing.synth(received as TerraformStack));
  return received;
}

function adapt(r: MatcherResult): { pass: boolean; message: () => string } {
  return { pass: r.pass, message: () => r.message };
}

expect.extend({
  toGrantPermission(received: unknown, principal: PrincipalLike, permission: string, options?: JestAccessOptions) {
    return adapt(
      grantsPermission(toJson(received), principalAddress(principal), permission, {
        division: divisionQuery(options?.division),
      }),
    );
  },
  toAllowOperation(received: unknown, principal: PrincipalLike, operation: string, options?: JestAccessOptions) {
    return adapt(
      allowsOperation(toJson(received), principalAddress(principal), operation, {
        division: divisionQuery(options?.division),
      }),
    );
  },
  toGrantExactly(
    received: unknown,
    principal: PrincipalLike,
    permissions: readonly string[],
    options?: JestAccessOptions,
  ) {
    return adapt(
      grantsExactly(toJson(received), principalAddress(principal), permissions, {
        division: divisionQuery(options?.division),
      }),
    );
  },
});
