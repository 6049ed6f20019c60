// Keeps each shop's access token fresh. Refreshes ahead of expiry (margin), or once after TikTok says
// 105002, and makes concurrent callers of the same shop share a single in-flight refresh.
import type { TokenSet, TokenStore, TikTokClientEvent } from './types';

export interface TokenKeeperOptions {
  refresh: (refreshToken: string) => Promise<TokenSet>;
  now: () => number;
  marginMs: number;
  onEvent?: (event: TikTokClientEvent) => void;
}

export interface TokenKeeper {
  /** Tokens to use now, refreshed first if the access token expires within the margin. */
  current(shopId: string, store: TokenStore): Promise<TokenSet>;
  /** After an EXPIRED_TOKEN answer for `staleAccessToken`: a newer set, refreshing only if nobody else has. */
  renewExpired(shopId: string, store: TokenStore, staleAccessToken: string): Promise<TokenSet>;
}

export function createTokenKeeper(options: TokenKeeperOptions): TokenKeeper {
  const inFlight = new Map<string, Promise<TokenSet>>();

  function shared(shopId: string, work: () => Promise<TokenSet>): Promise<TokenSet> {
    const existing = inFlight.get(shopId);
    if (existing) return existing;
    const promise = work().finally(() => inFlight.delete(shopId));
    inFlight.set(shopId, promise);
    return promise;
  }

  const expiresSoon = (tokens: TokenSet) =>
    tokens.accessTokenExpiresAt.getTime() - options.now() <= options.marginMs;

  async function rotate(shopId: string, store: TokenStore, reason: 'proactive' | 'expired', stale: string) {
    // Re-read first: another process may have rotated already, and its refresh token is the one to use.
    const latest = await store.load();
    if (latest.accessToken !== stale && (reason === 'expired' || !expiresSoon(latest))) return latest;
    const fresh = await options.refresh(latest.refreshToken);
    await store.save(fresh);
    options.onEvent?.({ type: 'token-refreshed', shopId, reason });
    return fresh;
  }

  return {
    async current(shopId, store) {
      const tokens = await store.load();
      if (!expiresSoon(tokens)) return tokens;
      try {
        return await shared(shopId, () => rotate(shopId, store, 'proactive', tokens.accessToken));
      } catch (error) {
        // A failed early refresh must not block calls while the current token still works.
        if (tokens.accessTokenExpiresAt.getTime() > options.now()) return tokens;
        throw error;
      }
    },
    renewExpired(shopId, store, staleAccessToken) {
      return shared(shopId, () => rotate(shopId, store, 'expired', staleAccessToken));
    },
  };
}
