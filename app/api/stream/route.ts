// GET /api/stream — Server-Sent Events of changes (orders, shipments, stock, alerts) in the
// signed-in user's accounts, from the process's one LISTEN connection. 401 without a session.
import { listMemberships } from '@/lib/accounts';
import { requireApiSession } from '@/lib/auth';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { handle } from '@/lib/errors/http';
import { createChangeStream, getChangeHub } from '@/lib/realtime';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request) => {
  const session = await requireApiSession();
  const accountIds = (await listMemberships(session)).map((membership) => membership.accountId);
  if (accountIds.length === 0) throw new AppError('NOT_FOUND', 'No account found for this user');

  const hub = getChangeHub({ connectionString: env.DATABASE_LISTEN_URL ?? env.DATABASE_URL });
  const stream = createChangeStream({
    subscribe: (ids, listener) => hub.subscribe(ids, listener),
    accountIds,
    signal: request.signal,
  });
  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-store, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no', // nginx-style proxies: do not buffer the stream
    },
  });
});
