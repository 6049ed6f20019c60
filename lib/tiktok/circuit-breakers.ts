// One cockatiel circuit breaker per shop, kept in a module-level registry so /api/health and the admin
// page can show every shop's state. A shop whose calls keep failing with 5xx or network errors fails fast
// (CIRCUIT_OPEN) until the cool-down lets one trial call through (half-open).
import {
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  handleWhen,
  type CircuitBreakerPolicy,
} from 'cockatiel';

import { isTikTokApiError } from './errors';
import type { CircuitStateName } from './types';

const registry = new Map<string, CircuitBreakerPolicy>();

/** Business errors (already shipped, bad params, expired token) say nothing about TikTok's health. */
function isOutage(error: unknown): boolean {
  return isTikTokApiError(error) && (error.kind === 'INTERNAL' || error.kind === 'NETWORK');
}

export function toStateName(state: CircuitState): CircuitStateName {
  if (state === CircuitState.HalfOpen) return 'half-open';
  if (state === CircuitState.Closed) return 'closed';
  return 'open';
}

export interface ShopBreakerOptions {
  consecutiveFailures: number;
  halfOpenAfterMs: number;
  onStateChange?: (state: CircuitStateName) => void;
}

/**
 * The shop's breaker, created on first use. Shops are shared by every client in the process (one app, one
 * upstream), so the first caller's options win for a shop's lifetime.
 */
export function getShopBreaker(shopId: string, options: ShopBreakerOptions): CircuitBreakerPolicy {
  const existing = registry.get(shopId);
  if (existing) return existing;
  const breaker = circuitBreaker(handleWhen(isOutage), {
    halfOpenAfter: options.halfOpenAfterMs,
    breaker: new ConsecutiveBreaker(options.consecutiveFailures),
  });
  if (options.onStateChange) {
    const notify = options.onStateChange;
    breaker.onStateChange((state) => notify(toStateName(state)));
  }
  registry.set(shopId, breaker);
  return breaker;
}

/** Current circuit state of every shop this process has called. */
export function getCircuitStates(): Record<string, CircuitStateName> {
  const states: Record<string, CircuitStateName> = {};
  for (const [shopId, breaker] of registry) states[shopId] = toStateName(breaker.state);
  return states;
}

/** Forgets every breaker (tests, or an admin "reset" action). */
export function resetCircuitBreakers(): void {
  registry.clear();
}
