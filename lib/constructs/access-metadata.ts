import type { RecordedCapability } from '../access/graph';
import type { ResolvedCapability } from '../access/capabilities';
import { Lazy, TerraformLocal, TerraformStack, type IConstruct } from './core';
import { Construct } from './core';
import { cmp } from '../util/compare';

type Entry = {
  construct: string;
  capabilities?: string[];
  allDivisionsReasons?: string[];
  base?: string;
  removed?: string[];
};

const ID = 'genesyscloud_access';

/** What the recorder writes; lib/sources/terraform/intent.ts reads it back (and checks `version`). */
interface AccessMetadata {
  readonly version: number;
  readonly principals: Record<string, Entry>;
  readonly roles: Record<string, Entry>;
  readonly capabilities?: Record<string, RecordedCapability>;
}

/**
 * Writes `locals.genesyscloud_access` into the stack: what our constructs meant (capabilities, all-divisions
 * reasons, derived roles, capabilities defined in code with their resolved permissions, suppressions). Terraform ignores an unused local; the review CLI reads it.
 * One per stack, created on first use.
 */
export class AccessMetadataRecorder extends Construct {
  /** The stack's recorder. */
  public static of(scope: IConstruct): AccessMetadataRecorder {
    const stack = TerraformStack.of(scope);
    return (stack.node.tryFindChild(ID) as AccessMetadataRecorder | undefined) ?? new AccessMetadataRecorder(stack);
  }

  private readonly principals = new Map<() => string, () => Entry>();
  private readonly roles = new Map<() => string, () => Entry>();
  private readonly capabilities = new Map<string, RecordedCapability>();
  private readonly extra: Array<(m: Record<string, unknown>) => void> = [];

  private constructor(stack: TerraformStack) {
    super(stack, ID);
    const local = new TerraformLocal(this, ID, Lazy.anyValue({ produce: () => this.render() }));
    local.overrideLogicalId(ID);
  }

  /** Records a principal, keyed by its Terraform address (resolved at synth). */
  public recordPrincipal(address: () => string, entry: () => Entry): void {
    this.principals.set(address, entry);
  }

  /** Records a role, keyed by its Terraform address (resolved at synth). */
  public recordRole(address: () => string, entry: Entry): void {
    this.roles.set(address, () => entry);
  }

  /**
   * Records a capability defined in code with what it resolved to (the CLI does not run code). Returns a one-line
   * problem when another capability with the same id but different operations or permissions is recorded already.
   */
  public recordCapability(c: ResolvedCapability): string | undefined {
    const entry: RecordedCapability = {
      summary: c.summary,
      operations: c.operations.map((o) => o.key).sort(cmp),
      permissions: [...c.permissions],
      scopes: [...c.scopes],
    };
    const prior = this.capabilities.get(c.id);
    if (prior && JSON.stringify(prior) !== JSON.stringify(entry)) {
      return `two different capabilities are named "${c.id}" in this stack: give each definition its own id`;
    }
    this.capabilities.set(c.id, entry);
    return undefined;
  }

  /** Adds a section (used by the rules for suppressions and findings). */
  public addSection(fn: (m: Record<string, unknown>) => void): void {
    this.extra.push(fn);
  }

  private render(): AccessMetadata {
    const byAddress = (m: Map<() => string, () => Entry>): Record<string, Entry> =>
      Object.fromEntries([...m.entries()].map(([k, v]) => [k(), v()] as const).sort(([a], [b]) => cmp(a, b)));
    const out: Record<string, unknown> = {
      version: 1,
      principals: byAddress(this.principals),
      roles: byAddress(this.roles),
    };
    if (this.capabilities.size) {
      out.capabilities = Object.fromEntries([...this.capabilities.entries()].sort(([a], [b]) => cmp(a, b)));
    }
    for (const fn of this.extra) fn(out);
    return out as unknown as AccessMetadata;
  }
}

/** `type.logicalId` of a Terraform element, as it appears in cdk.tf.json. */
export function terraformAddress(
  el: { terraformResourceType: string; friendlyUniqueId: string },
  data = false,
): string {
  return `${data ? 'data.' : ''}${el.terraformResourceType}.${el.friendlyUniqueId}`;
}
