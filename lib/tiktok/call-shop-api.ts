// The policy stack around one shop-scoped call, outermost first:
// retry (429/5xx/network, backoff + jitter) → token (refresh once on 105002, replay) → rate limiter →
// circuit breaker → one signed HTTP attempt → zod parse of `data`.
import { BrokenCircuitError, IsolatedCircuitError, type CircuitBreakerPolicy } from 'cockatiel';
import type { z } from 'zod';

import { TikTokApiError, isTikTokApiError } from './errors';
import type { RateLimiter } from './rate-limiter';
import { withRetry, type RetryOptions } from './retry';
import { parseData, sendApiRequest, type ApiRequest, type HttpContext } from './send-request';
import type { TokenKeeper } from './token-keeper';
import type { TokenSet, TokenStore } from './types';

export interface ShopCallContext {
  http: HttpContext;
  shopId: string;
  shopCipher: string;
  tokens: TokenStore;
  keeper: TokenKeeper;
  limiter: RateLimiter;
  breaker: CircuitBreakerPolicy;
  retry: RetryOptions;
}

export type ShopRequest = Omit<ApiRequest, 'accessToken' | 'shopCipher'> & { withShopCipher: boolean };

export async function callShopApi<S extends z.ZodType>(
  ctx: ShopCallContext,
  request: ShopRequest,
  schema: S,
): Promise<z.output<S>> {
  let renewedAfterExpiry = false;
  let renewed: TokenSet | undefined;

  const data = await withRetry(async () => {
    for (;;) {
      const tokens = renewed ?? (await ctx.keeper.current(ctx.shopId, ctx.tokens));
      renewed = undefined;
      try {
        return await attempt(ctx, request, tokens.accessToken);
      } catch (error) {
        // Exactly one refresh-and-replay per call: a second 105002 means refreshing does not help.
        if (isTikTokApiError(error) && error.kind === 'EXPIRED_TOKEN' && !renewedAfterExpiry) {
          renewedAfterExpiry = true;
          renewed = await ctx.keeper.renewExpired(ctx.shopId, ctx.tokens, tokens.accessToken);
          continue;
        }
        throw error;
      }
    }
  }, ctx.retry);
  return parseData(schema, data, request.endpoint);
}

async function attempt(ctx: ShopCallContext, request: ShopRequest, accessToken: string): Promise<unknown> {
  await ctx.limiter.acquire(request.endpoint);
  const { withShopCipher, ...rest } = request;
  try {
    return await ctx.breaker.execute(() =>
      sendApiRequest(ctx.http, {
        ...rest,
        accessToken,
        shopCipher: withShopCipher ? ctx.shopCipher : undefined,
      }),
    );
  } catch (error) {
    if (error instanceof BrokenCircuitError || error instanceof IsolatedCircuitError) {
      throw new TikTokApiError({
        kind: 'CIRCUIT_OPEN',
        message: `${request.endpoint} not sent: circuit for shop ${ctx.shopId} is open after repeated failures`,
        endpoint: request.endpoint,
        cause: error,
      });
    }
    throw error;
  }
}
