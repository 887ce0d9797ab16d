/**
 * The SARIF 2.1.0 log, typed: only the parts `genesys-access` writes (OASIS SARIF 2.1.0; the tests validate every
 * log against the vendored schema). Plain data, no cdktf import.
 */

/** SARIF levels, of a result and of a rule's default configuration. */
export type SarifLevel = 'error' | 'warning' | 'note';

/** A plain-text message (one line). */
export interface SarifMessage {
  readonly text: string;
}

/** A file: a URI relative to `uriBaseId` (a POSIX path, percent-encoded), or an absolute `file:` URI. */
export interface SarifArtifactLocation {
  readonly uri: string;
  /**
   * `%SRCROOT%`: the repository root the uri is relative to.
   * @default - none: `uri` is absolute
   */
  readonly uriBaseId?: string;
}

/** A place in a file. */
export interface SarifPhysicalLocation {
  readonly artifactLocation: SarifArtifactLocation;
  /**
   * The 1-based line.
   * @default - the whole file
   */
  readonly region?: { readonly startLine: number };
}

/** A named place: the Terraform address, or the cdktf construct path. */
export interface SarifLogicalLocation {
  readonly fullyQualifiedName: string;
  /** `resource` for a Terraform address, `module` for a construct path. */
  readonly kind: string;
}

/** Where a result is. */
export interface SarifLocation {
  /** @default - none: the input names no file */
  readonly physicalLocation?: SarifPhysicalLocation;
  readonly logicalLocations: readonly SarifLogicalLocation[];
}

/** Why a result is not acted on: a reasoned suppression in the code, or a policy exception. */
export interface SarifSuppression {
  readonly kind: 'inSource' | 'external';
  readonly status: 'accepted';
  readonly justification: string;
}

/** One result: a finding or a change. */
export interface SarifResult {
  readonly ruleId: string;
  /** Index of the rule in `tool.driver.rules`. */
  readonly ruleIndex: number;
  readonly level: SarifLevel;
  readonly message: SarifMessage;
  readonly locations: readonly SarifLocation[];
  /** Stable across runs for the same finding (code scanning matches alerts by it). */
  readonly partialFingerprints: Readonly<Record<string, string>>;
  /** @default - none: the result is not suppressed */
  readonly suppressions?: readonly SarifSuppression[];
  readonly properties: Readonly<Record<string, unknown>>;
}

/** A rule, or a change kind. */
export interface SarifRule {
  readonly id: string;
  /** PascalCase or kebab-case name. */
  readonly name: string;
  readonly shortDescription: SarifMessage;
  readonly fullDescription: SarifMessage;
  /** How to fix what it finds. */
  readonly help: SarifMessage;
  readonly defaultConfiguration: { readonly level: SarifLevel };
  readonly properties: Readonly<Record<string, unknown>>;
}

/** The tool that wrote the log. */
export interface SarifDriver {
  readonly name: string;
  readonly version: string;
  /** @default - none: the package names no repository */
  readonly informationUri?: string;
  readonly rules: readonly SarifRule[];
}

/** One run of the tool. */
export interface SarifRun {
  readonly tool: { readonly driver: SarifDriver };
  /**
   * What each uri base id stands for, described rather than given (an absolute path would differ per machine).
   */
  readonly originalUriBaseIds: Readonly<Record<string, { readonly description: SarifMessage }>>;
  readonly results: readonly SarifResult[];
}

/** The whole log. */
export interface SarifLog {
  readonly $schema: string;
  readonly version: '2.1.0';
  readonly runs: readonly SarifRun[];
}

/** Where the SARIF 2.1.0 schema is published. */
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** The base id every relative uri is resolved against: the repository root. */
export const SRCROOT = '%SRCROOT%';
