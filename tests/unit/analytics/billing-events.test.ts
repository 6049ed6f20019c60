import { createServerAnalytics } from '@/lib/analytics';
import { trackOrderGenerated } from '@/lib/analytics/server';
import { PostHogStandIn } from './posthog-stand-in';

const ACCOUNT = '3f0c2a1e-8d4b-4c4e-9a51-2b7f0d9e6c11';

describe('billing business metrics', () => {
  let standIn: PostHogStandIn;
  let host: string;

  beforeEach(async () => {
    standIn = new PostHogStandIn();
    host = await standIn.start();
  });
  afterEach(() => standIn.stop());

  it('sends subscription_changed and plan_limit_reached about the account, with ids and labels only', async () => {
    const analytics = createServerAnalytics({ apiKey: 'phc_test', host, flushAt: 100, flushInterval: 0 });
    analytics.trackSubscriptionChanged({
      accountId: ACCOUNT,
      fromPlan: 'starter',
      toPlan: 'growth',
      status: 'active',
      cancelAtPeriodEnd: false,
    });
    analytics.trackPlanLimitReached({
      accountId: ACCOUNT,
      planId: 'starter',
      allowance: 300,
      used: 301,
      periodStart: '2025-11-01T00:00:00.000Z',
    });
    await analytics.flush();
    expect(standIn.events.map((event) => [event.event, event.distinct_id])).toEqual([
      ['subscription_changed', `account:${ACCOUNT}`],
      ['plan_limit_reached', `account:${ACCOUNT}`],
    ]);
    expect(standIn.events[0]!.properties).toMatchObject({
      fromPlan: 'starter',
      toPlan: 'growth',
      $groups: { account: ACCOUNT },
    });
    await analytics.shutdown();
  });

  it('refuses a plan outside the catalogue or an extra field', () => {
    const analytics = createServerAnalytics();
    expect(() =>
      analytics.trackPlanLimitReached({
        accountId: ACCOUNT,
        planId: 'enterprise' as 'pro',
        allowance: 1,
        used: 2,
        periodStart: '2025-11-01T00:00:00Z',
      }),
    ).toThrow(/plan_limit_reached/);
    expect(() =>
      analytics.trackSubscriptionChanged({
        accountId: ACCOUNT,
        fromPlan: 'none',
        toPlan: 'pro',
        status: 'active',
        cancelAtPeriodEnd: false,
        // @ts-expect-error personal data is not part of the event
        email: 'maya@example.com',
      }),
    ).toThrow(/subscription_changed/);
  });
});

describe('trackOrderGenerated (for the TikTok order sync)', () => {
  it('never throws into the caller, even for an event that would carry personal data', () => {
    expect(() =>
      trackOrderGenerated({
        accountId: ACCOUNT,
        orderId: 'maya@example.com',
        shopId: '7494012345678901234',
        itemCount: 1,
        unitCount: 1,
        orderValueCents: 100,
        currency: 'USD',
        priority: 'AUTO',
        source: 'webhook',
      }),
    ).not.toThrow();
  });
});
