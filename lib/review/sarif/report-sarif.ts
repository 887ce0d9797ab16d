/**
 * `genesys-access report --format sarif`: the rule findings of every stack as one SARIF 2.1.0 run, one result per
 * finding (ruleId = the GCA rule id), suppressed findings with their reasons. No cdktf import.
 */
import { visible } from '../markdown';
import type { FindingReport, ReportModel, StackReport, SuppressedFindingReport } from '../report';
import { findingId } from '../../rules/engine';
import { ALL_RULES } from '../../rules/packs';
import type { Rule } from '../../rules/types';
import { cmp } from '../../util/compare';
import { fingerprint } from './fingerprint';
import { type LocationOptions, Locator, type Site } from './locations';
import type { SarifLog, SarifResult, SarifRule } from './log';
import { sarifLog } from './run';

/** Options of {@link reportSarif}. */
export interface ReportSarifOptions extends LocationOptions {
  /**
   * The input file of each stack, by stack name: the location of findings whose input names no file per
   * resource (a cdk.tf.json).
   * @default - none: such findings have only logical locations
   */
  readonly stackFiles?: ReadonlyMap<string, string>;
}

/** The SARIF rule of a GCA rule. */
export function ruleDescriptor(r: Rule): SarifRule {
  return {
    id: r.id,
    name: r.name,
    shortDescription: { text: r.info },
    fullDescription: { text: r.explanation },
    help: { text: r.fix },
    defaultConfiguration: { level: r.level },
    properties: { tags: [r.area], suppressible: r.suppressible },
  };
}

interface Item {
  readonly stack: string;
  readonly finding: FindingReport;
  readonly suppressed?: SuppressedFindingReport;
  readonly site: Site;
}

function siteOf(s: StackReport, f: FindingReport, stackFiles?: ReadonlyMap<string, string>): Site {
  const file = f.source?.file ?? stackFiles?.get(s.stack);
  return {
    address: f.address,
    ...(file !== undefined ? { file } : {}),
    ...(f.source?.pointer !== undefined ? { pointer: f.source.pointer } : {}),
    ...(f.source?.line !== undefined ? { line: f.source.line } : {}),
    ...(f.path !== undefined ? { constructPath: f.path } : {}),
  };
}

function order(a: Item, b: Item): number {
  return (
    cmp(a.finding.ruleId, b.finding.ruleId) ||
    cmp(a.stack, b.stack) ||
    cmp(a.finding.address, b.finding.address) ||
    cmp(a.finding.finding ?? '', b.finding.finding ?? '') ||
    Number(a.suppressed !== undefined) - Number(b.suppressed !== undefined)
  );
}

/** The SARIF log of a report: every rule in the driver, one result per finding, sorted. */
export function reportSarif(model: ReportModel, options: ReportSarifOptions = {}): SarifLog {
  const rules = ALL_RULES.map(ruleDescriptor);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const items: Item[] = [];
  for (const s of model.stacks) {
    for (const f of s.findings) items.push({ stack: s.stack, finding: f, site: siteOf(s, f, options.stackFiles) });
    for (const f of s.suppressed) {
      items.push({ stack: s.stack, finding: f, suppressed: f, site: siteOf(s, f, options.stackFiles) });
    }
  }
  items.sort(order);
  const locator = new Locator(
    items.map((i) => i.site),
    options,
  );
  const results = items.map(({ stack, finding: f, suppressed, site }): SarifResult => {
    const index = ruleIndex.get(f.ruleId);
    if (index === undefined) throw new Error(`internal error: finding of unknown rule ${f.ruleId}`);
    const id = findingId(f);
    return {
      ruleId: f.ruleId,
      ruleIndex: index,
      level: f.level,
      message: { text: visible(f.message) },
      locations: [locator.location(site)],
      partialFingerprints: fingerprint([f.ruleId, stack, f.address, id]),
      ...(suppressed
        ? { suppressions: [{ kind: 'inSource', status: 'accepted', justification: visible(suppressed.reason) }] }
        : {}),
      properties: {
        stack,
        address: f.address,
        ...(f.finding !== undefined ? { finding: f.finding } : {}),
        ...(site.pointer !== undefined ? { jsonPointer: site.pointer } : {}),
        ...(site.constructPath !== undefined ? { constructPath: site.constructPath } : {}),
        ...(suppressed ? { suppressedAt: suppressed.suppressedAt } : {}),
      },
    };
  });
  return sarifLog(rules, results);
}
