import { Testing } from 'cdktf';
import { synthValid } from '../../../lib/testing';
import { RawBindingsStack } from '../main';

describe('examples/raw-bindings', () => {
  test('synthesizes a valid role and a CLIENT-CREDENTIALS client on the Chicago division', () => {
    const json = synthValid(new RawBindingsStack(Testing.app(), 'raw-bindings')) as any;
    expect(json.resource.genesyscloud_oauth_client['qa-client'].roles).toEqual([
      { division_id: '${data.genesyscloud_auth_division.chicago.id}', role_id: '${genesyscloud_auth_role.qa-role.id}' },
    ]);
    expect(json.data.genesyscloud_auth_division.chicago).toEqual({ name: 'Chicago' });
  });
});
