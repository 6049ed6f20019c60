import 'server-only';
import { sql } from 'drizzle-orm';
import { asSystem } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';

/**
 * Brute-force limit on logins, kept in Postgres so it holds across app machines: after
 * AUTH_LOGIN_MAX_FAILURES failures for one email (or one IP) inside the window, further
 * attempts are refused until the window slides past them. A success clears nothing: failures
 * simply age out.
 */
export async function assertLoginAllowed(keys: string[]): Promise<void> {
  const rows = await asSystem((tx) =>
    tx.execute<{ key: string; failures: number; oldest: string }>(sql`
      select key, count(*)::int as failures, min(attempted_at)::text as oldest
      from private.login_attempts
      where key in (${sql.join(keys.map((key) => sql`${key}`), sql`, `)})
        and not succeeded
        and attempted_at > now() - make_interval(secs => ${env.AUTH_LOGIN_WINDOW_SECONDS})
      group by key`),
  );
  const blocked = rows.rows.find((row) => row.failures >= env.AUTH_LOGIN_MAX_FAILURES);
  if (blocked) {
    const retryAfter = Math.max(
      1,
      Math.ceil((Date.parse(blocked.oldest) + env.AUTH_LOGIN_WINDOW_SECONDS * 1000 - Date.now()) / 1000),
    );
    throw new AppError('LIMIT_EXCEEDED', 'Too many failed login attempts. Try again later.', { retryAfter });
  }
}

export async function recordLoginAttempt(keys: string[], succeeded: boolean): Promise<void> {
  await asSystem((tx) =>
    tx.execute(sql`
      insert into private.login_attempts (key, succeeded)
      select unnest(${sql.raw('ARRAY[')}${sql.join(keys.map((key) => sql`${key}`), sql`, `)}${sql.raw(']::text[]')}), ${succeeded}`),
  );
}

export const loginKeys = (email: string, ip: string | null): string[] =>
  ip ? [`email:${email.toLowerCase()}`, `ip:${ip}`] : [`email:${email.toLowerCase()}`];
