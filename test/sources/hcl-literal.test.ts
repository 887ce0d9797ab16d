/**
 * HCL tuple and object literals inside `${...}`, as cdktf writes a TerraformIterator over objects, and what is
 * not statically known staying unknown.
 */
import { evaluateExpression, resolveValue, type Scope, UNKNOWN } from '../../lib/sources/terraform/expressions';

const scope: Scope = { vars: { d: '*' }, local: () => UNKNOWN, address: (a) => a };

describe('HCL collection literals', () => {
  test.each([
    ['[1, "a", true]', [1, 'a', true]],
    ['[\n  "a",\n  "b",\n]', ['a', 'b']],
    [
      '{"role" = genesyscloud_auth_role.admin.id, "div" = "*"}',
      { role: '${genesyscloud_auth_role.admin.id}', div: '*' },
    ],
    ['{ a = 1\n b: var.d }', { a: 1, b: '*' }],
    ['[{"k" = [1, 2]}, {}]', [{ k: [1, 2] }, {}]],
    ['toset([{"d" = "*"}])', [{ d: '*' }]],
    ['{"k" = "a:b, c"}', { k: 'a:b, c' }],
  ])('%s', (expr, value) => {
    expect(evaluateExpression(expr, scope)).toEqual(value);
  });

  test.each([
    ['[var.missing]'],
    ['{"a" = 1, "a" = 2}'],
    ['[a == b ? 1 : 2]'],
    ['{k = 1'],
    ['[1] extra'],
    ['{(var.d) = 1}'],
  ])('%s is unknown', (expr) => {
    expect(evaluateExpression(expr, scope)).toBe(UNKNOWN);
  });

  test('a whole ${...} with braces inside takes the expression value', () => {
    expect(resolveValue('${toset([{"role" = x.y.id, "div" = "*"}])}', scope)).toEqual([
      { role: '${x.y.id}', div: '*' },
    ]);
    expect(resolveValue('${"}"}', scope)).toBe('}');
  });

  test('a template that is not one whole expression stays a template', () => {
    const unresolved: string[] = [];
    expect(resolveValue('${var.missing}-${var.d}', scope, unresolved)).toBe('${var.missing}-${var.d}');
    expect(unresolved).toHaveLength(1);
  });
});
