import 'server-only';
import { Client } from 'pg';
import { getPool } from '@/lib/db';

/**
 * Runs `work` while holding a Postgres advisory lock named `key`, on a connection of its OWN (not the
 * shared pool): a long reconciliation or inventory push must not keep a pooled connection idle while
 * its pages need others, which under load is how a pool deadlocks. Returns `busy` without running when
 * another process holds the lock. The lock dies with the connection, so a crash never leaves it held.
 */
export async function withShopLock<T>(key: string, work: () => Promise<T>): Promise<{ busy: true } | { busy: false; value: T }> {
  const client = new Client({ connectionString: getPool().options.connectionString, application_name: 'creatorflow-lock' });
  await client.connect();
  try {
    const locked = await client.query<{ ok: boolean }>('select pg_try_advisory_lock(hashtextextended($1, 0)) as ok', [key]);
    if (!locked.rows[0]?.ok) return { busy: true };
    return { busy: false, value: await work() };
  } finally {
    await client.end().catch(() => undefined);
  }
}
