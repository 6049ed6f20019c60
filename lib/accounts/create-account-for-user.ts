import 'server-only';
import { randomBytes } from 'node:crypto';
import type { Tx } from '@/lib/db';
import { tables } from '@/lib/db';

/** Slug from the display name plus a short random suffix, so two "Glow Co" accounts never clash. */
export function slugify(name: string): string {
  const base = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `${base || 'account'}-${randomBytes(3).toString('hex')}`;
}

/**
 * Creates an account with the user as its owner and points the user's profile at it.
 * System path (sign-up has no session yet); runs inside the caller's transaction.
 */
export async function createAccountForUser(
  tx: Tx,
  input: { userId: string; accountName: string; fullName?: string | null },
): Promise<{ accountId: string }> {
  const [account] = await tx
    .insert(tables.accounts)
    .values({ name: input.accountName, slug: slugify(input.accountName) })
    .returning({ id: tables.accounts.id });
  await tx.insert(tables.accountMembers).values({ accountId: account!.id, userId: input.userId, role: 'owner' });
  await tx
    .insert(tables.profiles)
    .values({ id: input.userId, fullName: input.fullName ?? null, defaultAccountId: account!.id })
    .onConflictDoUpdate({
      target: tables.profiles.id,
      set: { defaultAccountId: account!.id, fullName: input.fullName ?? null },
    });
  return { accountId: account!.id };
}
