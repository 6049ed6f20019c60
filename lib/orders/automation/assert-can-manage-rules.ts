import { can } from '@/lib/accounts/permissions';
import type { MemberRole } from '@/lib/db/schema/accounts';
import { AppError } from '@/lib/errors';

/** Owners and admins manage automation (the route checks too; RLS limits deletes to them as well). */
export function assertCanManageRules(role: MemberRole): void {
  if (!can(role, 'automation:manage')) throw new AppError('FORBIDDEN', `Your role (${role}) cannot manage automation rules`);
}
