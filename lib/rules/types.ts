/**
 * Rule types, modelled on cdk-nag v2: one rule per file, a pure function over the access model, with metadata.
 * No cdktf import: the CLI runs the same rules on a cdk.tf.json file.
 */
import type { AccessGraph } from '../access/graph';
import type { GraphIndex } from '../access/graph-index';

/** `error` fails `cdktf synth` (and `genesys-access report` exits 1); `warning` is reported. */
export type RuleLevel = 'error' | 'warning';

/** What a rule is and how to fix what it finds. */
export interface RuleMetadata {
  /** `GCA-<AREA><n>`, e.g. `GCA-DIV1`. */
  readonly id: string;
  /** kebab-case name (the file name). */
  readonly name: string;
  /** Area folder: `permissions`, `scopes`, `oauth`, `divisions`, `subjects`. */
  readonly area: string;
  readonly level: RuleLevel;
  /** One line: what is wrong. */
  readonly info: string;
  /** Why it matters. */
  readonly explanation: string;
  /** How to fix it. */
  readonly fix: string;
  /** False for rules no reason can silence (invented names, impossible values, conflicting owners). */
  readonly suppressible: boolean;
}

/** Options the rules read. */
export interface RuleOptions {
  /**
   * Ceiling for `access_token_validity_seconds` (GCA-OAUTH3 warns above it).
   * @default 86400
   */
  readonly maxTokenValiditySeconds?: number;
}

/** What a rule sees. */
export interface RuleContext {
  /** The access graph of the stack. */
  readonly graph: AccessGraph;
  /** Lookups over it. */
  readonly index: GraphIndex;
  readonly options: Required<RuleOptions>;
}

/** One thing a rule found on one resource. */
export interface RuleHit {
  /** Terraform address of the resource (e.g. `genesyscloud_oauth_client.qa`). */
  readonly address: string;
  /** Granular finding id, e.g. the permission (`GCA-PERM1[wfm:schedule:publish]`). */
  readonly finding?: string;
  /** One line: what exactly is wrong here, and the specific fix. */
  readonly detail: string;
}

/** A rule: metadata plus a pure check. */
export interface Rule extends RuleMetadata {
  check(ctx: RuleContext): RuleHit[];
}

/** A reasoned suppression (cdk-nag style). */
export interface Suppression {
  /** Rule id, e.g. `GCA-PERM2`. */
  readonly id: string;
  /** Why this is acceptable; at least 10 characters. Recorded in the synthesized output. */
  readonly reason: string;
  /**
   * Only these granular findings (exact strings, or `/regex/`).
   * @default - every finding of the rule
   */
  readonly appliesTo?: readonly string[];
}

/** A suppression bound to a construct path. */
export interface PlacedSuppression extends Suppression {
  /** Construct path it was added on; it covers that construct and its children. */
  readonly path: string;
}

/** A finding, as reported. */
export interface Finding {
  readonly ruleId: string;
  readonly level: RuleLevel;
  readonly address: string;
  /** Construct path where known (from cdktf metadata). */
  readonly path?: string;
  /** Where the resource is written, where the input knows: `main.tf:12`, or `file.tf.json#/resource/t/n`. */
  readonly location?: string;
  readonly finding?: string;
  /** One line: `GCA-X[finding] <address>: <detail>`. */
  readonly message: string;
  /** Set when a suppression silenced it. */
  readonly suppressedBy?: PlacedSuppression;
}
