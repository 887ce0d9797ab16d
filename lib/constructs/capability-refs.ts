import { Capabilities, CustomCapability, type CapabilityRef } from '../access/capabilities';
import { AccessMetadataRecorder } from './access-metadata';
import type { IConstruct } from './core';
import { reportMistake } from './mistakes';
import { describeValue } from './props';

/**
 * The usable capabilities among `refs` (built-in ids and capabilities defined in code), deduplicated by id and
 * sorted. Each one that does not resolve is reported on `construct`; each one defined in code is recorded with its
 * resolved permissions in the stack's `locals.genesyscloud_access`, so the CLI (which runs no code) knows it.
 */
export function useCapabilities(construct: IConstruct, refs: unknown, what: string): CapabilityRef[] {
  if (refs === undefined) return [];
  if (!Array.isArray(refs)) {
    reportMistake(
      construct,
      `${what}: capabilities must be a list, e.g. ["routing-queue-read"] or [Capabilities.define({ ... })] (got ${describeValue(refs)})`,
    );
    return [];
  }
  const byId = new Map<string, CapabilityRef>();
  for (const ref of refs as unknown[]) {
    const problem = Capabilities.problemOf(ref);
    if (problem) {
      reportMistake(construct, `${what}: ${problem}`);
      continue;
    }
    const r = ref as CapabilityRef;
    if (CustomCapability.isCustomCapability(r)) {
      const clash = AccessMetadataRecorder.of(construct).recordCapability(r.resolve());
      if (clash) {
        reportMistake(construct, `${what}: ${clash}`);
        continue;
      }
    }
    byId.set(Capabilities.idOf(r), r);
  }
  return [...byId.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
}
