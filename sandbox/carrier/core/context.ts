import type { FaultInjector } from '../faults/fault-injector';
import type { ResolvedSandboxOptions } from '../options';
import type { WebhookEmitter } from '../webhooks/emitter';
import type { VirtualClock } from './clock';
import type { SandboxState } from './state';
import type { TimerSet } from './timers';
import type { TrackingChange } from './tracking';

/** Everything a route handler may use. Built once per sandbox instance. */
export interface SandboxContext {
  state: SandboxState;
  clock: VirtualClock;
  timers: TimerSet;
  emitter: WebhookEmitter;
  faults: FaultInjector;
  options: ResolvedSandboxOptions;
  /** `http://host:port` (or options.publicUrl) for label and tracking-page URLs. */
  publicUrl(): string;
  /** Virtual now as ISO-8601 with milliseconds and Z. */
  nowIso(): string;
  /** Sends the webhooks for tracking changes (track_updated / tracker.updated). */
  publishTracking(changes: TrackingChange[]): void;
}
