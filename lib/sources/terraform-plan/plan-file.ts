/**
 * Reading a `terraform show -json` plan file: a cheap detection by content (the first bytes of the file) and one
 * parse with one-line errors that name the fix. No cdktf import.
 */
import { AccessValidationError } from '../../errors';
import { readFilePrefix } from '../../util/file-prefix';
import { isObject, type Json } from '../../util/json';
import { parseJsonInput } from '../../util/json-input';
import { readInputText } from '../../util/read-input';

/** How much of a file detection reads: `terraform show -json` writes `format_version` first. */
const PREFIX_BYTES = 64 * 1024;

/** What to run to make a plan file, for messages. */
export const MAKE_PLAN = 'terraform plan -out plan.out && terraform show -json plan.out > plan.json';

/**
 * True when the file looks like `terraform show -json` output: a JSON object with `format_version` and
 * `planned_values` or `resource_changes` (or `values`, a state, which {@link parsePlan} then rejects with the
 * fix). Reads the first 64 KB; the whole file only when the prefix names `format_version` but not the rest.
 */
export function looksLikePlan(file: string): boolean {
  const prefix = readFilePrefix(file, PREFIX_BYTES);
  if (!prefix || !/^\s*\{/.test(prefix.text) || !prefix.text.includes('"format_version"')) return false;
  const sections = /"(planned_values|resource_changes|prior_state|values)"\s*:/;
  if (sections.test(prefix.text)) return true;
  if (prefix.whole) return false;
  try {
    return sections.test(readInputText(file, file));
  } catch {
    return false;
  }
}

/** Reads and parses a plan file; `shown` is the path as the user gave it. */
export function readPlanFile(file: string, shown: string): Json {
  const text = readInputText(file, shown, { give: `give the plan file that \`${MAKE_PLAN}\` writes` });
  const json = parseJsonInput(text, shown, `write it with \`terraform show -json plan.out > plan.json\``);
  return checkPlan(json, shown);
}

/** Checks the top level of a parsed plan and returns it. */
export function checkPlan(json: unknown, shown: string): Json {
  const notPlan = `"${shown}" is not a Terraform plan in JSON`;
  if (!isObject(json)) {
    throw new AccessValidationError(`${notPlan}: expected a JSON object; run \`${MAKE_PLAN}\``);
  }
  const version = json.format_version;
  if (typeof version !== 'string') {
    throw new AccessValidationError(`${notPlan}: it has no "format_version"; run \`${MAKE_PLAN}\``);
  }
  const major = Number(version.split('.')[0]);
  if (!Number.isInteger(major) || major < 0) {
    throw new AccessValidationError(`"${shown}" has format_version ${JSON.stringify(version)}: expected "1.x"`);
  }
  if (major > 1) {
    throw new AccessValidationError(
      `"${shown}" has plan format_version ${version}; this library reads 1.x: upgrade cdktf-genesyscloud-access`,
    );
  }
  if (json.planned_values === undefined && json.resource_changes === undefined) {
    throw new AccessValidationError(
      json.values !== undefined
        ? `"${shown}" is a Terraform state (terraform show -json without a plan), not a plan: run \`${MAKE_PLAN}\``
        : `${notPlan}: it has neither "planned_values" nor "resource_changes"; run \`${MAKE_PLAN}\``,
    );
  }
  if (json.errored === true) {
    throw new AccessValidationError(
      `"${shown}" is the plan of a failed \`terraform plan\` (errored: true): fix the errors it printed and plan again`,
    );
  }
  for (const key of ['planned_values', 'prior_state', 'configuration', 'variables']) {
    const v = json[key];
    if (v !== undefined && v !== null && !isObject(v)) {
      throw new AccessValidationError(`"${shown}" at /${key} must be an object, not ${kindOf(v)}`);
    }
  }
  const changes = json.resource_changes;
  if (changes !== undefined && changes !== null && !Array.isArray(changes)) {
    throw new AccessValidationError(`"${shown}" at /resource_changes must be a list, not ${kindOf(changes)}`);
  }
  return json;
}

/** A short description of a JSON value's type, never its content. */
export function kindOf(v: unknown): string {
  if (v === undefined) return 'missing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return 'a string';
  return `a ${typeof v}`;
}
