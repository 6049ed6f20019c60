import { ACTIONS, can, PERMISSIONS } from '@/lib/accounts/permissions';

test('viewers only read', () => {
  expect([...PERMISSIONS.viewer].every((action) => action.endsWith(':read'))).toBe(true);
  expect(can('viewer', 'labels:buy')).toBe(false);
});

test('packers ship but do not manage the account', () => {
  expect(can('packer', 'labels:buy')).toBe(true);
  expect(can('packer', 'orders:update')).toBe(true);
  expect(can('packer', 'members:manage')).toBe(false);
  expect(can('packer', 'shops:manage')).toBe(false);
});

test('only owners manage billing; owners can do everything', () => {
  expect(can('admin', 'billing:manage')).toBe(false);
  expect(ACTIONS.every((action) => can('owner', action))).toBe(true);
});

test('roles are strictly nested: viewer ⊂ packer ⊂ admin ⊂ owner', () => {
  const order = ['viewer', 'packer', 'admin', 'owner'] as const;
  for (let i = 1; i < order.length; i += 1) {
    for (const action of PERMISSIONS[order[i - 1]!]) expect(can(order[i]!, action)).toBe(true);
    expect(PERMISSIONS[order[i]!].size).toBeGreaterThan(PERMISSIONS[order[i - 1]!].size);
  }
});
