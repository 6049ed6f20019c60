import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { Pool } from 'pg';
import { env } from '@/lib/env';
import { PreparingClient } from './preparing-client';
import * as schema from './schema';

export type Database = NodePgDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
export type DbOrTx = Database | Tx;

type Held = { pool: Pool; db: Database };
const globalForDb = globalThis as typeof globalThis & { __creatorflowDb?: Held };

/**
 * One pool per process, kept on globalThis so Next's dev reloads do not leak connections.
 * Connects as the database owner; request code narrows itself with withRls().
 */
function held(): Held {
  if (!globalForDb.__creatorflowDb) {
    const pool = new Pool({
      connectionString: env.DATABASE_URL,
      max: env.DATABASE_POOL_MAX,
      ...(env.DATABASE_PREPARED_STATEMENTS ? { Client: PreparingClient } : {}),
    });
    pool.on('error', () => {
      // An idle client died (e.g. Postgres restarted); the pool replaces it on the next checkout.
    });
    globalForDb.__creatorflowDb = { pool, db: drizzle(pool, { schema }) };
  }
  return globalForDb.__creatorflowDb;
}

export const getPool = (): Pool => held().pool;
export const getDb = (): Database => held().db;

export async function closeDb(): Promise<void> {
  const current = globalForDb.__creatorflowDb;
  globalForDb.__creatorflowDb = undefined;
  await current?.pool.end();
}
