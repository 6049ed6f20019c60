import 'server-only';
import { Pool } from 'pg';
import { env } from '@/lib/env';

/** Advisory lock namespace for label work ("LABL"); the second key is hashtext(shipment id). */
const LOCK_NAMESPACE = 0x4c41424c;
/** At most this many purchases hold a lock at once per process; more wait for a connection. */
const LOCK_POOL_MAX = 16;

export type Locked<T> = { acquired: true; value: T } | { acquired: false };

// Lock connections come from a pool of their own. A lock holder also needs ordinary connections
// for its transactions; sharing one pool, enough concurrent holders would take every connection
// and wait forever for one more. Holders of this pool never wait on it again, so it cannot deadlock.
const globalForLocks = globalThis as typeof globalThis & { __creatorflowLockPool?: Pool };

function lockPool(): Pool {
  if (!globalForLocks.__creatorflowLockPool) {
    const pool = new Pool({ connectionString: env.DATABASE_URL, max: LOCK_POOL_MAX, idleTimeoutMillis: 5_000, allowExitOnIdle: true });
    pool.on('error', () => {
      // A dead idle connection is replaced on the next checkout; its locks died with it.
    });
    globalForLocks.__creatorflowLockPool = pool;
  }
  return globalForLocks.__creatorflowLockPool;
}

/** Closes the lock connections (tests, benchmarks, shutdown). */
export async function closeShipmentLocks(): Promise<void> {
  const pool = globalForLocks.__creatorflowLockPool;
  globalForLocks.__creatorflowLockPool = undefined;
  await pool?.end();
}

/**
 * Runs `fn` while holding a session advisory lock on the shipment, on a connection of its own
 * that stays open for the whole call. It is what tells "a purchase is in flight" from "a worker
 * died mid-purchase": a live worker holds the lock; a killed one's connection closes and Postgres
 * drops the lock at once, so the next run may look its open attempt up. Never waits for the lock:
 * if another worker holds it, this returns `{ acquired: false }`.
 */
export async function withShipmentLock<T>(shipmentId: string, fn: () => Promise<T>): Promise<Locked<T>> {
  return withShipmentLocks([shipmentId], async (acquired) => (acquired.has(shipmentId) ? { acquired: true, value: await fn() } : { acquired: false }));
}

/**
 * withShipmentLock for a batch: tries every shipment's lock in one statement on one connection of
 * its own, runs `fn` with the ids it got (a shipment another worker holds is left out), and
 * releases them all. While this connection lives, nobody else buys these labels; if the process
 * dies, Postgres drops the locks with it.
 */
export async function withShipmentLocks<T>(shipmentIds: readonly string[], fn: (acquired: ReadonlySet<string>) => Promise<T>): Promise<T> {
  const client = await lockPool().connect();
  let broken = false;
  try {
    const ids = [...new Set(shipmentIds)];
    const locked = await client.query<{ id: string }>(
      'select id from unnest($2::text[]) as id where pg_try_advisory_lock($1, hashtext(id))',
      [LOCK_NAMESPACE, ids],
    );
    const acquired = new Set(locked.rows.map((row) => row.id));
    try {
      return await fn(acquired);
    } finally {
      if (acquired.size > 0) {
        await client.query('select pg_advisory_unlock($1, hashtext(id)) from unnest($2::text[]) as id', [LOCK_NAMESPACE, [...acquired]]).catch(() => {
          broken = true; // Destroying the connection releases the locks as surely as unlocking.
        });
      }
    }
  } finally {
    client.release(broken);
  }
}
