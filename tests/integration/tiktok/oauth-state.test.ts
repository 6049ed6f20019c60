import { randomBytes } from 'node:crypto';
import { checkOAuthState, createOAuthState, OAUTH_STATE_TTL_SECONDS } from '@/lib/tiktok/shops/oauth-state';

/** The CSRF state of the consent round trip: random, sealed in the cookie, bound to account and user, short-lived. */
const key = randomBytes(32).toString('base64');
const accountId = '7a1f3c2e-0000-4000-8000-000000000001';
const userId = 'user-1';
const now = Date.UTC(2026, 10, 23, 12, 0, 0);

const started = () => createOAuthState({ accountId, userId, key, nowMs: now });
const check = (input: Partial<Parameters<typeof checkOAuthState>[0]>) =>
  checkOAuthState({ cookieValue: undefined, state: null, accountId, userId, key, nowMs: now + 1000, ...input });

test('the state that went to TikTok comes back with the cookie: ok', () => {
  const { state, cookieValue } = started();
  expect(state).toMatch(/^[A-Za-z0-9_-]{32}$/);
  expect(cookieValue).not.toContain(state);
  expect(check({ cookieValue, state })).toBe('ok');
});

test('each flow gets a fresh random state', () => {
  expect(started().state).not.toBe(started().state);
});

test.each([
  ['no cookie (another browser)', () => check({ state: started().state }), 'missing'],
  ['no state (app store install)', () => check({ cookieValue: started().cookieValue }), 'missing'],
  ['another flow’s state', () => check({ cookieValue: started().cookieValue, state: started().state }), 'mismatch'],
  ['a forged cookie', () => check({ cookieValue: 'v1:AAAA:AAAA:AAAA', state: started().state }), 'invalid'],
  ['another account', () => {
    const { state, cookieValue } = started();
    return check({ cookieValue, state, accountId: '7a1f3c2e-0000-4000-8000-000000000002' });
  }, 'other_account'],
  ['after ten minutes', () => {
    const { state, cookieValue } = started();
    return check({ cookieValue, state, nowMs: now + (OAUTH_STATE_TTL_SECONDS + 1) * 1000 });
  }, 'expired'],
  ['a cookie sealed under another key', () => {
    const { state, cookieValue } = createOAuthState({ accountId, userId, key: randomBytes(32).toString('base64'), nowMs: now });
    return check({ cookieValue, state });
  }, 'invalid'],
])('refused: %s', (_label, run, expected) => {
  expect(run()).toBe(expected);
});
