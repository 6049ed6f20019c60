import type { MemberRole } from '@/lib/db/schema/accounts';

/**
 * The one permission table: what each member role may do. Route handlers and server actions
 * check it through can()/assertCan(); RLS independently limits writes to non-viewers.
 */
export const ACTIONS = [
  'orders:read',
  'orders:update',
  'labels:buy',
  'inventory:read',
  'inventory:adjust',
  'shipping:manage',
  'analytics:read',
  'shops:manage',
  'automation:manage',
  'settings:manage',
  'members:manage',
  'billing:manage',
] as const;
export type Action = (typeof ACTIONS)[number];

const READ: Action[] = ['orders:read', 'inventory:read', 'analytics:read'];
const PACK: Action[] = [...READ, 'orders:update', 'labels:buy', 'inventory:adjust'];
const ADMIN: Action[] = [...PACK, 'shipping:manage', 'shops:manage', 'automation:manage', 'settings:manage', 'members:manage'];

export const PERMISSIONS: Record<MemberRole, ReadonlySet<Action>> = {
  owner: new Set([...ADMIN, 'billing:manage']),
  admin: new Set(ADMIN),
  packer: new Set(PACK),
  viewer: new Set(READ),
};

export const can = (role: MemberRole, action: Action): boolean => PERMISSIONS[role].has(action);
