import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, type Database, type Tx } from './client';

/** The JWT claims Postgres sees, the same shape Supabase Auth issues. */
export type JwtClaims = {
  sub: string;
  email?: string;
  role: 'authenticated';
  aud?: string;
  app_metadata?: { platform_role?: 'ops'; [key: string]: unknown };
  user_metadata?: Record<string, unknown>;
};

/**
 * Runs fn in a transaction as Supabase runs a request: `role authenticated` and
 * `request.jwt.claims` set for that transaction only, so every RLS policy applies.
 * Request code reaches the database only through here.
 */
export async function withRls<T>(claims: JwtClaims, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return getDb().transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('request.jwt.claims', ${JSON.stringify(claims)}, true), set_config('role', 'authenticated', true)`,
    );
    return fn(tx);
  });
}

/**
 * The system path, for queue workers, webhooks and sign-up: runs as the database owner, which
 * bypasses RLS. Callers must still filter every tenant query by account_id themselves.
 */
export async function asSystem<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return getDb().transaction(fn);
}

/**
 * The system path without a transaction, for work that is one statement (atomic on its own) or only
 * reads (under READ COMMITTED each statement takes its own snapshot, in a transaction or not). Saves
 * the begin and commit round trips that `asSystem` costs; anything that writes twice uses `asSystem`.
 */
export function systemDb(): Database {
  return getDb();
}
