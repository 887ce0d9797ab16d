/**
 * `terraform show -json` plans (the `terraform-plan` input format): the planned values are what holds after
 * apply (what report, deployer and explain read), the prior state is what holds now; together they are a diff
 * by itself. Each side is normalised into Terraform JSON and read by the one document reader, so a plan gives
 * the same graph as the configuration it was planned from. No cdktf import.
 */
import * as path from 'path';
import type { AccessGraph } from '../../access/graph';
import { AccessValidationError } from '../../errors';
import type { LoadedStack } from '../cdktf/load';
import { readTerraformDocument } from '../terraform/document';
import { readConfiguration } from './configuration';
import { IdIndex } from './ids';
import {
  genesysCount,
  type Instances,
  moduleInstances,
  noInstances,
  type PlanInstance,
  resourceChanges,
} from './instances';
import { Namer, planPointers, relabelGraph } from './names';
import { SideNormaliser } from './normalise';
import { checkPlan, kindOf, looksLikePlan, readPlanFile } from './plan-file';
import { isObject, type Json } from '../../util/json';

export { looksLikePlan } from './plan-file';

/** The name of this input format (`--input-format terraform-plan`, `source.format` of its graphs). */
export const PLAN_FORMAT = 'terraform-plan';

/** A side of a plan: what holds now (`before`, the prior state) or after apply (`after`, the planned values). */
export type PlanSideName = 'before' | 'after';

/** Options of {@link readTerraformPlan}. */
export interface ReadPlanOptions {
  /** The configuration name. @default "plan" */
  readonly name?: string;
  /** The plan file, as the user named it (for messages and provenance). */
  readonly file?: string;
  /** The sides to read. @default ["before", "after"] */
  readonly sides?: readonly PlanSideName[];
}

/** The graphs of a plan's sides (those asked for). */
export interface PlanGraphs {
  /** What holds now: the prior state. */
  readonly before?: AccessGraph;
  /** What holds after apply: the planned values. */
  readonly after?: AccessGraph;
}

const MAKE = 'plan the configuration that uses the mypurecloud/genesyscloud provider';

function merge(...maps: ReadonlyArray<Map<string, number>>): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of maps) for (const [k, n] of m) out.set(k, (out.get(k) ?? 0) + n);
  return out;
}

/** One line saying which types a plan without Genesys resources has. */
function otherTypes(others: Map<string, number>): string {
  const list = [...others.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const shown = list.slice(0, 3).map(([t, n]) => `${n} ${t}`);
  return `${shown.join(', ')}${list.length > 3 ? ` and ${list.length - 3} more types` : ''}`;
}

/** Data sources of both sides by address: the one whose values carry an id (read during planning) wins. */
function dataSources(...lists: ReadonlyArray<readonly PlanInstance[]>): PlanInstance[] {
  const by = new Map<string, PlanInstance>();
  for (const list of lists) {
    for (const i of list) {
      if (i.mode !== 'data') continue;
      const prior = by.get(i.address);
      if (!prior || (typeof prior.values.id !== 'string' && typeof i.values.id === 'string')) by.set(i.address, i);
    }
  }
  return [...by.values()];
}

/** Reads a parsed `terraform show -json` plan into the graphs of its sides. */
export function readTerraformPlan(json: unknown, options: ReadPlanOptions = {}): PlanGraphs {
  return readPlan(checkPlan(json, options.file ?? 'the plan'), options, false);
}

/**
 * {@link readTerraformPlan}; with `consume` (a plan this module parsed itself), the sections are dropped from
 * `plan` once read, so the garbage collector stops tracing the 100 MB of a large plan that nothing reads again.
 */
function readPlan(plan: Json, options: ReadPlanOptions, consume: boolean): PlanGraphs {
  const shown = options.file ?? 'the plan';
  const sides = options.sides ?? ['before', 'after'];
  const planned = moduleInstances(
    isObject(plan.planned_values) ? plan.planned_values.root_module : undefined,
    '/planned_values/root_module',
    shown,
  );
  const priorState = plan.prior_state;
  if (isObject(priorState) && priorState.values !== undefined && !isObject(priorState.values)) {
    throw new AccessValidationError(
      `"${shown}" at /prior_state/values must be an object, not ${kindOf(priorState.values)}`,
    );
  }
  // Read for the planned values only, the prior state gives its data sources.
  const prior: Instances = moduleInstances(
    isObject(priorState) && isObject(priorState.values) ? priorState.values.root_module : undefined,
    '/prior_state/values/root_module',
    shown,
    !sides.includes('before'),
  );
  const changes = resourceChanges(plan.resource_changes, shown, {
    after: plan.planned_values === undefined,
    before: plan.prior_state === undefined && sides.includes('before'),
  });
  if (genesysCount(planned) + genesysCount(prior) + changes.count === 0) {
    const others = merge(planned.others, prior.others, changes.others);
    throw new AccessValidationError(
      others.size === 0
        ? `"${shown}" is an empty Terraform plan: it has no resources or data sources; ${MAKE}`
        : `"${shown}" is a Terraform plan with no Genesys Cloud resources (it has ${otherTypes(others)}): ${MAKE}`,
    );
  }
  const afterAll: Instances = plan.planned_values !== undefined ? planned : (changes.after ?? noInstances());
  const beforeAll: Instances = plan.prior_state !== undefined ? prior : (changes.before ?? noInstances());
  const data = dataSources(beforeAll.genesys, afterAll.genesys);
  const managed = (list: readonly PlanInstance[]): PlanInstance[] => list.filter((i) => i.mode === 'managed');
  const config = readConfiguration(plan.configuration, shown);
  if (consume) {
    for (const key of ['planned_values', 'prior_state', 'resource_changes', 'configuration']) delete plan[key];
  }
  const namer = new Namer([...afterAll.genesys, ...beforeAll.genesys]);
  const homeIds = new Set<string>();

  const read = (side: PlanSideName): AccessGraph => {
    const all = side === 'after' ? afterAll : beforeAll;
    const list = managed(all.genesys);
    const instances = [...list, ...data];
    const normaliser = new SideNormaliser(
      { managed: list, data, counted: all.counted, ...(side === 'after' ? { unknowns: changes.unknowns } : {}) },
      config,
      new IdIndex(instances, homeIds),
      namer,
      shown,
    );
    const { doc, byDocAddress } = normaliser.document();
    let graph: AccessGraph;
    try {
      graph = readTerraformDocument(doc, {
        format: PLAN_FORMAT,
        name: options.name ?? 'plan',
        ...(options.file !== undefined ? { file: options.file } : {}),
      });
    } catch (e) {
      if (AccessValidationError.isAccessValidationError(e)) {
        throw new AccessValidationError(planPointers((e as Error).message, byDocAddress));
      }
      throw e;
    }
    return relabelGraph(graph, byDocAddress, shown);
  };
  // The planned side first: the home division ids it learns serve the prior state too.
  const after = read('after');
  const before = sides.includes('before') ? read('before') : undefined;
  return { ...(before ? { before } : {}), ...(sides.includes('after') ? { after } : {}) };
}

function stackName(input: string): string {
  return path.basename(input).replace(/(\.plan)?\.json$/i, '') || 'plan';
}

/** Both sides of a plan file as stacks: `before` (prior state) and `after` (planned values). */
export function loadPlanSides(input: string, cwd: string = process.cwd()): { before: LoadedStack; after: LoadedStack } {
  const json = readPlanFile(path.resolve(cwd, input), input);
  const { before, after } = readPlan(json, { name: stackName(input), file: input }, true);
  return {
    before: { name: before!.source.name, file: input, graph: before! },
    after: { name: after!.source.name, file: input, graph: after! },
  };
}

/** The planned values of a plan file: what holds after apply. */
export function loadPlan(input: string, cwd: string = process.cwd()): LoadedStack[] {
  const json = readPlanFile(path.resolve(cwd, input), input);
  const { after } = readPlan(json, { name: stackName(input), file: input, sides: ['after'] }, true);
  return [{ name: after!.source.name, file: input, graph: after! }];
}

/** The `terraform-plan` input format: detected by content (`format_version` and `planned_values`). */
export const TERRAFORM_PLAN = {
  name: PLAN_FORMAT,
  description: '`terraform show -json` of a saved plan (planned values: what holds after apply)',
  load: (input: string, cwd: string): LoadedStack[] => loadPlan(input, cwd),
  detect: (input: string, cwd: string): boolean => looksLikePlan(path.resolve(cwd, input)),
};
