/**
 * The policy file's JSON Schema (schema/policy.schema.json, generated from lib/review/policy-file.ts): it compiles
 * in strict mode, it is what the generator writes now, its kinds are the change kinds, and it agrees with the
 * strict reader (lib/review/policy.ts) on the README's example and on malformed files.
 */
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { CHANGE_KINDS } from '../../lib/review/changes';
import { parsePolicy } from '../../lib/review/policy';
import { POLICY_SCHEMA_PATH } from '../../lib/review/policy-file';
import { policySchemaText } from '../../scripts/generate-schema';
import { ROOT } from '../cli/fixtures';

const text = fs.readFileSync(path.join(ROOT, POLICY_SCHEMA_PATH), 'utf8');
const schema = JSON.parse(text) as { definitions: { ChangeKind: { enum: string[] } } };
const validate = new Ajv({ strict: true, allowUnionTypes: true, allErrors: true }).compile(schema);

/** The JSON example in the README's gate section. */
function readmeExample(): unknown {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### The review gate'));
  return JSON.parse(/```json\n([\s\S]*?)```/.exec(section)![1]!);
}

test('the committed schema is what the generator writes from the types now', () => {
  expect(text).toBe(policySchemaText());
});

test('its kinds are the change kinds', () => {
  expect(schema.definitions.ChangeKind.enum).toEqual([...CHANGE_KINDS]);
});

test("the README's example is valid for the schema and the reader", () => {
  const example = readmeExample();
  expect(validate(example)).toBe(true);
  expect(parsePolicy(example, 'README').exceptions[0]!.reason).toBe('approved in CHG-1234');
});

test.each([
  [{ version: 2 }],
  [{ version: 1, failon: [] }],
  [{ version: 1, exceptions: [{ kind: 'principal-added' }] }],
  [{ version: 1, exceptions: [{ kind: 'new-principal', reason: 'r' }] }],
  [{ version: 1, adminAllowed: [{ principal: 'x' }] }],
  [{ version: 1, allowUnknown: 'no' }],
])('both reject %j', (doc) => {
  expect(validate(doc)).toBe(false);
  expect(() => parsePolicy(doc, 'p.json')).toThrow(/^policy file p\.json: \//);
});
