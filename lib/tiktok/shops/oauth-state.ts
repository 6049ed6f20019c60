import 'server-only';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { decryptSecret, encryptSecret } from '@/lib/crypto';

/**
 * CSRF protection for the consent round trip. `state` is random and goes to TikTok; the cookie holds
 * it sealed (AES-256-GCM) together with the account and user that started the flow and an expiry, so
 * the callback accepts only the browser that began it, for the same account, within 10 minutes.
 */
export const OAUTH_STATE_COOKIE = 'cf_tiktok_oauth';
export const OAUTH_STATE_TTL_SECONDS = 600;
const PURPOSE = { associatedData: 'tiktok-oauth-state:v1' };

const sealedSchema = z.object({ state: z.string().min(32), accountId: z.uuid(), userId: z.string().min(1), exp: z.number().int() });

export function createOAuthState(input: { accountId: string; userId: string; key: string; nowMs?: number }) {
  const state = randomBytes(24).toString('base64url');
  const exp = Math.floor((input.nowMs ?? Date.now()) / 1000) + OAUTH_STATE_TTL_SECONDS;
  const cookieValue = encryptSecret(JSON.stringify({ state, accountId: input.accountId, userId: input.userId, exp }), input.key, PURPOSE);
  return { state, cookieValue };
}

export type OAuthStateCheck = 'ok' | 'missing' | 'invalid' | 'expired' | 'mismatch' | 'other_account';

export function checkOAuthState(input: {
  cookieValue: string | undefined;
  state: string | null;
  accountId: string;
  userId: string;
  key: string;
  nowMs?: number;
}): OAuthStateCheck {
  if (!input.cookieValue || !input.state) return 'missing';
  let sealed: z.infer<typeof sealedSchema>;
  try {
    sealed = sealedSchema.parse(JSON.parse(decryptSecret(input.cookieValue, input.key, PURPOSE)));
  } catch {
    return 'invalid';
  }
  if (sealed.exp * 1000 < (input.nowMs ?? Date.now())) return 'expired';
  const expected = Buffer.from(sealed.state);
  const received = Buffer.from(input.state.trim());
  if (expected.length !== received.length || !timingSafeEqual(expected, received)) return 'mismatch';
  if (sealed.accountId !== input.accountId || sealed.userId !== input.userId) return 'other_account';
  return 'ok';
}
