/**
 * Repeated JSON keys read as Terraform reads them (hashicorp/hcl json/structure.go, terraform configs/module.go):
 * block types gathered, arguments, locals, object keys and resource addresses rejected; the cheap proof that a
 * file has no repeated key never misses one.
 */
import {
  mayRepeatKeys,
  mergeDocument,
  parseKeepingDuplicates,
  withTerraformDuplicates,
} from '../../lib/sources/terraform/json-duplicates';

const read = (text: string): unknown => withTerraformDuplicates(text, JSON.parse(text), 'f.tf.json');

describe('the proof that no key repeats', () => {
  test.each([
    ['{"a": 1, "b": {"c": [1, {"d": 2}]}}', false],
    ['{"a": 1, "a": 2}', true],
    ['{"x": {"a": 1, "a": 2}}', true],
    ['[{"a": 1, "a": 2}]', true],
    ['{"a" : 1}', true], // a space before the colon is not counted: the slow path decides
    ['{"a": "b\\":c"}', true], // a string holding ": only adds to the count: the slow path decides
    ['{"a\\u0061": 1, "aa": 2}', true],
    ['1', false],
  ])('%s -> %s', (text, may) => {
    expect(mayRepeatKeys(text, JSON.parse(text))).toBe(may);
  });

  test('a string that holds ": cannot hide a repeated key', () => {
    const text = '{"a": 1, "a": 2, "s": "\\":"}';
    expect(mayRepeatKeys(text, JSON.parse(text))).toBe(true);
  });
});

describe('the exact parser', () => {
  test('parses what JSON.parse parses, to the same value when no key repeats', () => {
    const text = '{"a": [1, -2.5e3, true, false, null, "x\\ny\\u00e9"], "b": {"c": {}}, "d": []}';
    expect(parseKeepingDuplicates(text, 'f')).toEqual(JSON.parse(text));
  });

  test('an own "__proto__" key stays a key, never the prototype', () => {
    const v = parseKeepingDuplicates('{"__proto__": {"polluted": true}}', 'f') as Record<string, unknown>;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.keys(v)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('deep nesting is refused in one line, not a stack overflow', () => {
    expect(() => parseKeepingDuplicates('['.repeat(2000) + ']'.repeat(2000), 'f')).toThrow(/nest deeper/);
  });
});

describe('the merged document', () => {
  const role = { name: 'R', permission_policies: [{ domain: 'd', entity_name: 'e', action_set: ['view'] }] };

  test('two "resource" keys: both apply', () => {
    const text = `{"resource": {"genesyscloud_auth_role": {"a": ${JSON.stringify(role)}}}, "resource": {"genesyscloud_auth_role": {"b": ${JSON.stringify(role)}}}}`;
    expect(read(text)).toEqual({ resource: { genesyscloud_auth_role: { a: role, b: role } } });
  });

  test('two keys of one resource type: both apply', () => {
    const text = '{"resource": {"t": {"a": {"name": "1"}}, "u": {}, "t": {"b": {"name": "2"}}}}';
    expect(read(text)).toEqual({ resource: { t: { a: { name: '1' }, b: { name: '2' } }, u: {} } });
  });

  test('two "roles" keys in a body: every block of both', () => {
    const text =
      '{"resource": {"genesyscloud_oauth_client": {"c": {"roles": [{"role_id": "1"}], "roles": {"role_id": "2"}}}}}';
    expect(read(text)).toEqual({
      resource: { genesyscloud_oauth_client: { c: { roles: [{ role_id: '1' }, { role_id: '2' }] } } },
    });
  });

  test('two "dynamic" keys: the blocks of both labels', () => {
    const text =
      '{"resource": {"t": {"c": {"dynamic": {"roles": {"for_each": [1]}}, "dynamic": {"roles": {"for_each": [2]}, "x": {}}}}}}';
    expect(read(text)).toEqual({
      resource: { t: { c: { dynamic: { roles: [{ for_each: [1] }, { for_each: [2] }], x: {} } } } },
    });
  });

  test('a list of objects where labels go is every object, as Terraform reads it', () => {
    const text = '{"resource": [{"t": {"a": {"name": "1"}}}, {"t": {"b": {"name": "2"}}}]}';
    expect(read(text)).toEqual({ resource: { t: { a: { name: '1' }, b: { name: '2' } } } });
  });

  test.each([
    ['{"resource": {"t": {"a": {}, "a": {}}}}', /declares resource "t" "a" twice.*Duplicate resource/],
    ['{"resource": {"t": {"a": {}}}, "resource": {"t": {"a": {}}}}', /Duplicate resource/],
    ['{"data": {"t": {"a": {}}}, "data": {"t": {"a": {}}}}', /Duplicate data/],
    [
      '{"resource": {"t": {"a": {"name": "x", "name": "y"}}}}',
      /at \/resource\/t\/a\/name repeats the argument "name".*Duplicate argument/,
    ],
    [
      '{"resource": {"t": {"a": {"roles": [{"role_id": "1", "role_id": "2"}]}}}}',
      /\/roles\/0\/role_id.*Duplicate argument/,
    ],
    ['{"resource": {"t": {"a": {"for_each": {"k": 1, "k": 2}}}}}', /for_each\/k.*Duplicate object attribute/],
    ['{"locals": {"a": 1}, "locals": {"a": 2}}', /local "a" twice.*Duplicate local value/],
    ['{"variable": {"v": {}}, "variable": {"v": {}}}', /variable "v" twice/],
  ])('%s is rejected as Terraform rejects it', (text, message) => {
    expect(() => read(text)).toThrow(message);
  });

  test('repeated "//" comments and provider blocks are no error', () => {
    const text = '{"//": {"a": 1}, "//": {"a": 2}, "provider": {"p": {}}, "provider": {"p": {"alias": "x"}}}';
    expect(read(text)).toEqual({ '//': { a: 2 }, provider: { p: [{}, { alias: 'x' }] } });
  });

  test('a file with no repeated key is returned as JSON.parse gave it', () => {
    const parsed = JSON.parse('{"resource": {"t": {"a": {"name": "x"}}}}') as unknown;
    expect(withTerraformDuplicates('{"resource": {"t": {"a": {"name": "x"}}}}', parsed, 'f')).toBe(parsed);
  });

  test('mergeDocument leaves a non-object alone', () => {
    expect(mergeDocument([1], 'f')).toEqual([1]);
  });
});
