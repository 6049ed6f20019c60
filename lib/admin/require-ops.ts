import 'server-only';
import { requireApiSession, type Session } from '@/lib/auth';
import { AppError } from '@/lib/errors';

/**
 * For /api/admin/* route handlers: a signed-in ops user (app_metadata.platform_role = 'ops') or a
 * 404, so that the admin API's existence is not revealed to anyone else. 401 without a session.
 */
export async function requireOpsSession(): Promise<Session> {
  const session = await requireApiSession();
  if (!session.isOps) throw new AppError('NOT_FOUND', 'Not found');
  return session;
}
