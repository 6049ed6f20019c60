import { AppError } from '@/lib/errors';
import {
  createServerAnalytics,
  serverAnalyticsEvents,
  SYSTEM_DISTINCT_ID,
  type ServerAnalytics,
} from '@/lib/analytics';
import { PostHogStandIn } from './posthog-stand-in';

const ACCOUNT = '3f0c2a1e-8d4b-4c4e-9a51-2b7f0d9e6c11';
const USER = 'a7e9c1d2-5b3f-4e8a-9c0d-1f2e3d4c5b6a';

const methodFor = (eventName: string) => {
  const entry = Object.entries(serverAnalyticsEvents).find(
    ([, definition]) => definition.event === eventName,
  );
  if (!entry) throw new Error(`unexpected event ${eventName}`);
  return entry[0] as keyof typeof serverAnalyticsEvents;
};

function trackOneOfEach(analytics: ServerAnalytics) {
  analytics.trackCreatorSignup({
    userId: USER,
    accountId: ACCOUNT,
    authProvider: 'built_in',
    invited: false,
  });
  analytics.trackContentPerformance({
    accountId: ACCOUNT,
    videoId: '7441234567890123456',
    views: 1_284_000,
    likes: 98_000,
    shares: 4_100,
    comments: 2_300,
    ordersAttributed: 187,
    unitsSold: 240,
    revenueCents: 448_800,
    currency: 'USD',
  });
  analytics.trackOrderGenerated({
    accountId: ACCOUNT,
    orderId: '576829104738291045',
    shopId: '7494012345678901234',
    videoId: '7441234567890123456',
    itemCount: 2,
    unitCount: 3,
    orderValueCents: 6000,
    currency: 'USD',
    priority: 'VIRAL',
    source: 'webhook',
  });
  analytics.trackPayoutProcessed({
    accountId: ACCOUNT,
    payoutId: 'po_7Hq2mX91',
    amountCents: 1_181_602,
    feesCents: 102_748,
    currency: 'USD',
    orderCount: 214,
    periodDays: 14,
  });
  analytics.trackAPIPerformance({
    service: 'tiktok_shop',
    operation: 'orders.search',
    durationMs: 412.5,
    statusCode: 200,
    success: true,
    attempt: 1,
  });
  analytics.trackCreatorFlowError({
    accountId: ACCOUNT,
    errorCode: 'ADDRESS_INVALID',
    source: 'job',
    location: 'shipping.buy-label',
    orderId: '576829104738291045',
    retryable: false,
    attempt: 5,
  });
  analytics.trackBusinessMetrics({
    period: 'day',
    periodStart: '2025-11-24T00:00:00Z',
    ordersReceived: 5120,
    ordersShipped: 4980,
    revenueCents: 13_450_000,
    labelsPurchased: 4980,
    labelSpendCents: 2_390_400,
    currency: 'USD',
    queueDepth: 12,
  });
}

describe('createServerAnalytics with a PostHog key', () => {
  let standIn: PostHogStandIn;
  let host: string;

  beforeEach(async () => {
    standIn = new PostHogStandIn();
    host = await standIn.start();
  });
  afterEach(() => standIn.stop());

  it('sends the seed events in one batch on shutdown, with ids and numbers only', async () => {
    const analytics = createServerAnalytics({ apiKey: 'phc_test', host, flushAt: 100, flushInterval: 0 });
    expect(analytics.enabled).toBe(true);
    trackOneOfEach(analytics);
    expect(standIn.batches).toHaveLength(0); // queued, not sent yet
    await analytics.shutdown();

    expect(standIn.paths).toEqual(['POST /batch/']);
    const [batch] = standIn.batches;
    expect(batch!.api_key).toBe('phc_test');
    expect(batch!.batch.map((event) => [event.event, event.distinct_id])).toEqual([
      ['creator_signed_up', USER],
      ['content_performance_recorded', `account:${ACCOUNT}`],
      ['order_generated', `account:${ACCOUNT}`],
      ['payout_processed', `account:${ACCOUNT}`],
      ['api_call_completed', SYSTEM_DISTINCT_ID],
      ['creatorflow_error', `account:${ACCOUNT}`],
      ['business_metrics_reported', SYSTEM_DISTINCT_ID],
    ]);

    const [signup, , order, , apiCall] = batch!.batch;
    expect(signup!.properties).toMatchObject({
      userId: USER,
      accountId: ACCOUNT,
      authProvider: 'built_in',
      $groups: { account: ACCOUNT },
    });
    expect(signup!.properties).not.toHaveProperty('$process_person_profile');
    expect(order!.properties).toMatchObject({
      orderId: '576829104738291045',
      orderValueCents: 6000,
      priority: 'VIRAL',
      $process_person_profile: false,
      $groups: { account: ACCOUNT },
      $geoip_disable: true,
    });
    expect(apiCall!.properties).toMatchObject({ service: 'tiktok_shop', durationMs: 412.5, success: true });
    expect(apiCall!.properties).not.toHaveProperty('$groups');
  });

  it('never puts personal data on the wire: known keys, opaque values', async () => {
    const analytics = createServerAnalytics({ apiKey: 'phc_test', host, flushAt: 100, flushInterval: 0 });
    trackOneOfEach(analytics);
    await analytics.flush();
    const sdkKeys = [
      '$groups',
      '$lib',
      '$lib_version',
      '$is_server',
      '$geoip_disable',
      '$process_person_profile',
    ];
    for (const event of standIn.events) {
      const schemaKeys = Object.keys(serverAnalyticsEvents[methodFor(event.event)].schema.shape);
      for (const [key, value] of Object.entries(event.properties)) {
        expect([...schemaKeys, ...sdkKeys]).toContain(key);
        // Strings are ids, codes, enums or ISO timestamps: no spaces and no "@" anywhere.
        if (typeof value === 'string') expect(value).toMatch(/^[A-Za-z0-9_:.\-/+]+$/);
      }
    }
    expect(JSON.stringify(standIn.batches)).not.toContain('@');
    await analytics.shutdown();
  });

  it('refuses an event carrying personal data, and sends nothing for it', async () => {
    const analytics = createServerAnalytics({ apiKey: 'phc_test', host, flushAt: 100, flushInterval: 0 });
    const order = {
      accountId: ACCOUNT,
      orderId: '576829104738291045',
      shopId: '7494012345678901234',
      itemCount: 1,
      unitCount: 1,
      orderValueCents: 2400,
      currency: 'USD',
      priority: 'AUTO' as const,
      source: 'poll' as const,
    };
    expect(() =>
      analytics.trackOrderGenerated({ ...order, buyerEmail: 'jane@example.com' } as never),
    ).toThrow(AppError);
    expect(() =>
      analytics.trackOrderGenerated({ ...order, buyerEmail: 'jane@example.com' } as never),
    ).toThrow(/buyerEmail/);
    expect(() =>
      analytics.trackCreatorSignup({
        userId: 'jane@example.com',
        accountId: ACCOUNT,
        authProvider: 'supabase',
        invited: true,
      }),
    ).toThrow(/opaque id/);
    expect(() =>
      analytics.trackCreatorFlowError({
        errorCode: 'Could not ship to Jane Doe',
        source: 'job',
        retryable: true,
      }),
    ).toThrow(/error code/);
    await analytics.shutdown();
    expect(standIn.batches).toHaveLength(0);
  });

  it('flush() sends what is queued without shutting down', async () => {
    const analytics = createServerAnalytics({ apiKey: 'phc_test', host, flushAt: 100, flushInterval: 0 });
    analytics.trackAPIPerformance({
      service: 'shippo',
      operation: 'rates.create',
      durationMs: 180,
      success: false,
      statusCode: 503,
      attempt: 2,
    });
    await analytics.flush();
    expect(standIn.events.map((event) => event.event)).toEqual(['api_call_completed']);
    analytics.trackAPIPerformance({
      service: 'shippo',
      operation: 'rates.create',
      durationMs: 95,
      success: true,
      statusCode: 200,
      attempt: 3,
    });
    await analytics.shutdown();
    expect(standIn.events.map((event) => event.properties.attempt)).toEqual([2, 3]);
  });
});

describe('createServerAnalytics without a key (no-op)', () => {
  it.each([{}, { apiKey: '' }, { apiKey: '   ' }])('sends nothing with %j', async (options) => {
    const standIn = new PostHogStandIn();
    const host = await standIn.start();
    const analytics = createServerAnalytics({ ...options, host, flushAt: 1, flushInterval: 0 });
    expect(analytics.enabled).toBe(false);
    trackOneOfEach(analytics);
    await analytics.flush();
    await analytics.shutdown();
    expect(standIn.paths).toEqual([]);
    await standIn.stop();
  });

  it('still validates, so a bad call fails in development too', () => {
    const analytics = createServerAnalytics();
    expect(() =>
      analytics.trackPayoutProcessed({
        accountId: ACCOUNT,
        payoutId: 'po 1',
        amountCents: 1.5,
        feesCents: 0,
        currency: 'usd',
        orderCount: 1,
        periodDays: 7,
      }),
    ).toThrow(/payoutId[\s\S]*amountCents[\s\S]*currency/);
  });
});
