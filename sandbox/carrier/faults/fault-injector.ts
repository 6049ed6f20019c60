import type { ApiName } from '../core/state';
import {
  EMPTY_FAULT_PROFILE,
  pathMatches,
  seededRandom,
  type FaultProfile,
  type FaultRule,
  type WebhookFaults,
} from './fault-profile';

// Holds the active fault profile and decides, per request, which faults fire.
// Each rule keeps its own remaining `count`.

export interface FaultDecision {
  latencyMs: number;
  status?: { code: 429 | 500 | 502 | 503 | 504; retryAfterSec: number };
  afterCommit?: 500 | 502 | 503 | 504 | 'drop';
  neverResolve: boolean;
  forceQueued: boolean;
}

export interface FaultInjector {
  profile(): FaultProfile;
  set(profile: FaultProfile): void;
  clear(): void;
  decide(api: ApiName, method: string, path: string): FaultDecision;
  /** Requests the active profile's rules applied to since it was set (tests wait on it: "the call reached the carrier"). */
  fired(): number;
  webhookFaults(): WebhookFaults;
  /** Draws from the same seeded sequence (webhook duplicate / drop sampling). */
  random(): number;
}

export function createFaultInjector(): FaultInjector {
  let active: FaultProfile = EMPTY_FAULT_PROFILE;
  let remaining = new Map<FaultRule, number>();
  let random = seededRandom(active.seed);
  let fired = 0;

  const matches = (rule: FaultRule, api: ApiName, method: string, path: string) =>
    (!rule.api || rule.api === api) &&
    (!rule.method || rule.method === method) &&
    (!rule.path || pathMatches(rule.path, path));

  return {
    profile: () => active,
    set(profile) {
      active = profile;
      remaining = new Map(profile.rules.filter((r) => r.count).map((r) => [r, r.count!]));
      random = seededRandom(profile.seed);
      fired = 0;
    },
    clear() {
      this.set(EMPTY_FAULT_PROFILE);
    },
    decide(api, method, path) {
      const decision: FaultDecision = { latencyMs: 0, neverResolve: false, forceQueued: false };
      let applied = false;
      for (const rule of active.rules) {
        if (!matches(rule, api, method, path)) continue;
        const left = remaining.get(rule);
        if (left === 0) continue;
        if (rule.rate < 1 && random() >= rule.rate) continue;
        if (left !== undefined) remaining.set(rule, left - 1);
        applied = true;
        decision.latencyMs += rule.latencyMs ?? 0;
        if (rule.status && !decision.status)
          decision.status = { code: rule.status, retryAfterSec: rule.retryAfterSec };
        if (rule.afterCommit && !decision.afterCommit) decision.afterCommit = rule.afterCommit;
        if (rule.neverResolve) decision.neverResolve = true;
        if (rule.forceQueued) decision.forceQueued = true;
      }
      if (applied) fired += 1;
      return decision;
    },
    fired: () => fired,
    webhookFaults: () => active.webhooks,
    random: () => random(),
  };
}
