import 'server-only';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Client } from 'pg';
import { logger } from '@/lib/logger';
import { CHANGE_CHANNEL, changeNotificationSchema, type ChangeNotification } from './schemas';

/** What a subscriber hears: a change in one of its accounts, or "you may have missed some". */
export type HubMessage = { type: 'change'; change: ChangeNotification } | { type: 'resync' };
export type HubListener = (message: HubMessage) => void;

export type ChangeHubOptions = {
  connectionString: string;
  /** Close the LISTEN connection this long after the last subscriber leaves. */
  idleCloseMs?: number;
  /** Reconnect backoff bounds after the connection drops. */
  minRetryMs?: number;
  maxRetryMs?: number;
  /** How often the change outbox is flushed into notifications (the live-update latency). */
  flushIntervalMs?: number;
};

type Subscriber = { accountIds: ReadonlySet<string>; listener: HubListener };

/**
 * One LISTEN connection per server process, fanned out to every open dashboard stream. Each
 * notification goes only to subscribers whose accounts include its account_id. The connection
 * opens with the first subscriber, closes when the last one has been gone for idleCloseMs, and
 * reconnects with backoff if it drops; after a reconnect every subscriber gets `resync`, because
 * notifications sent while we were away are lost (NOTIFY is not durable).
 *
 * While connected it also flushes the change outbox every flushIntervalMs
 * (private.flush_change_outbox, migration 20261123005200): the triggers of hot transactions only
 * append to that outbox, and this one short transaction per interval sends the NOTIFYs, so the
 * pipeline's commits never queue behind Postgres's notification lock. Flushing also tells the
 * triggers someone is listening; with no hub running anywhere they write nothing at all.
 */
export class ChangeHub {
  private readonly subscribers = new Set<Subscriber>();
  private client: Client | null = null;
  private connecting: Promise<void> | null = null;
  private retryMs: number;
  private retryTimer: NodeJS.Timeout | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private hadConnection = false;
  private readyWaiters: (() => void)[] = [];
  private flushTimer: NodeJS.Timeout | null = null;
  private flushing = false;
  private readonly listenerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  constructor(private readonly options: ChangeHubOptions) {
    this.retryMs = options.minRetryMs ?? 500;
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  /** Listens for changes in these accounts until the returned function is called. */
  subscribe(accountIds: Iterable<string>, listener: HubListener): () => void {
    const subscriber: Subscriber = { accountIds: new Set(accountIds), listener };
    this.subscribers.add(subscriber);
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    void this.ensureConnected();
    return () => {
      if (!this.subscribers.delete(subscriber) || this.subscribers.size > 0) return;
      this.idleTimer = setTimeout(() => void this.close(), this.options.idleCloseMs ?? 30_000);
      this.idleTimer.unref();
    };
  }

  /** Resolves once LISTEN is active (tests, and callers that must not miss the next change). */
  async ready(): Promise<void> {
    if (this.client) return;
    const connected = new Promise<void>((resolve) => this.readyWaiters.push(resolve));
    void this.ensureConnected();
    await connected;
  }

  /** Closes the connection now; subscribers stay registered and a later subscribe reconnects. */
  async close(): Promise<void> {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.stopFlushing();
    const client = this.client;
    this.client = null;
    this.hadConnection = false;
    await client?.end().catch(() => undefined);
  }

  private ensureConnected(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new Client({
      connectionString: this.options.connectionString,
      application_name: 'creatorflow-realtime',
    });
    client.on('notification', (message) => this.dispatch(message.payload));
    client.on('error', (error) => logger.warn({ err: error }, 'realtime connection error'));
    client.on('end', () => this.onEnd(client));
    try {
      await client.connect();
      await client.query(`listen ${CHANGE_CHANNEL}`);
      // Register as a listener before anyone counts on us: from here on, triggers fill the outbox.
      await client.query('select private.flush_change_outbox($1)', [this.listenerId]);
    } catch (error) {
      logger.warn({ err: error }, 'realtime LISTEN failed; retrying');
      await client.end().catch(() => undefined);
      this.scheduleRetry();
      return;
    }
    this.client = client;
    this.retryMs = this.options.minRetryMs ?? 500;
    this.startFlushing(client);
    if (this.hadConnection) this.broadcast({ type: 'resync' });
    this.hadConnection = true;
    for (const resolve of this.readyWaiters.splice(0)) resolve();
  }

  private startFlushing(client: Client): void {
    this.stopFlushing();
    this.flushTimer = setInterval(() => {
      if (this.flushing || this.client !== client) return;
      this.flushing = true;
      client
        .query('select private.flush_change_outbox($1)', [this.listenerId])
        .catch((error: unknown) => logger.warn({ err: error }, 'change outbox flush failed'))
        .finally(() => (this.flushing = false));
    }, this.options.flushIntervalMs ?? 250);
    this.flushTimer.unref();
  }

  private stopFlushing(): void {
    if (this.flushTimer) clearInterval(this.flushTimer);
    this.flushTimer = null;
  }

  private onEnd(client: Client): void {
    if (this.client !== client) return; // closed on purpose, or a failed attempt
    this.client = null;
    this.stopFlushing();
    if (this.subscribers.size > 0) this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.retryTimer || (this.subscribers.size === 0 && this.readyWaiters.length === 0)) return;
    this.hadConnection = true; // whatever happened, the next connection must tell subscribers to resync
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.ensureConnected();
    }, this.retryMs);
    this.retryTimer.unref();
    this.retryMs = Math.min(this.retryMs * 2, this.options.maxRetryMs ?? 30_000);
  }

  private dispatch(payload: string | undefined): void {
    let parsed: ReturnType<typeof changeNotificationSchema.safeParse>;
    try {
      parsed = changeNotificationSchema.safeParse(JSON.parse(payload ?? ''));
    } catch {
      parsed = changeNotificationSchema.safeParse(undefined);
    }
    if (!parsed.success) {
      logger.warn({ payload }, 'ignoring malformed change notification');
      return;
    }
    const change = parsed.data;
    for (const subscriber of this.subscribers) {
      if (subscriber.accountIds.has(change.account_id)) subscriber.listener({ type: 'change', change });
    }
  }

  private broadcast(message: HubMessage): void {
    for (const subscriber of this.subscribers) subscriber.listener(message);
  }
}

const globalForHub = globalThis as typeof globalThis & { __creatorflowChangeHub?: ChangeHub };

/** The process's hub (kept on globalThis so dev reloads do not open a second LISTEN connection). */
export function getChangeHub(options: ChangeHubOptions): ChangeHub {
  globalForHub.__creatorflowChangeHub ??= new ChangeHub(options);
  return globalForHub.__creatorflowChangeHub;
}
