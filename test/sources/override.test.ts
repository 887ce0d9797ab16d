/**
 * Override files merged as Terraform's MergeBodies merges them (internal/configs/module_merge_body.go): arguments
 * replaced, a block type in the override (static or dynamic) replacing every block of that type in the original.
 */
import { overrideBody } from '../../lib/sources/terraform/fragment';

describe('overrideBody', () => {
  const base = {
    name: 'Good',
    roles: [{ role_id: 'a', division_id: 'x' }],
    dynamic: { roles: { for_each: '${var.r}' }, other: { for_each: [1] } },
    scopes: ['s'],
  };

  test('an argument is replaced, the others stay', () => {
    expect(overrideBody(base, { name: 'Renamed' })).toEqual({ ...base, name: 'Renamed' });
  });

  test('static blocks replace the static and the dynamic blocks of their type', () => {
    expect(overrideBody(base, { roles: [{ role_id: 'admin', division_id: '*' }] })).toEqual({
      name: 'Good',
      roles: [{ role_id: 'admin', division_id: '*' }],
      dynamic: { other: { for_each: [1] } },
      scopes: ['s'],
    });
  });

  test('a dynamic block replaces the static blocks of its type too', () => {
    expect(overrideBody(base, { dynamic: { roles: { for_each: [2] } } })).toEqual({
      name: 'Good',
      dynamic: { roles: { for_each: [2] }, other: { for_each: [1] } },
      scopes: ['s'],
    });
  });

  test('count and for_each are arguments: replaced one by one', () => {
    expect(overrideBody({ count: 1, name: 'n' }, { count: 3 })).toEqual({ count: 3, name: 'n' });
  });
});
