import {
  CATEGORY_DEFINITIONS,
  CONFIGURABLE_CATEGORIES,
  isConfigurableCategory,
  TEMPLATE_CATEGORY,
} from '@/lib/email/categories';
import { emailTemplateNames, queuedEmailSchema } from '@/lib/email/schemas';
import { carrierTrackingUrl } from '@/lib/email/tracking-url';

describe('email categories', () => {
  it('gives every template a category, and every configurable category a definition', () => {
    expect(Object.keys(TEMPLATE_CATEGORY).sort()).toEqual([...emailTemplateNames].sort());
    expect(Object.keys(CATEGORY_DEFINITIONS).sort()).toEqual([...CONFIGURABLE_CATEGORIES].sort());
    // Every configurable category is used by at least one template (no dead switches).
    for (const category of CONFIGURABLE_CATEGORIES) {
      expect(Object.values(TEMPLATE_CATEGORY)).toContain(category);
    }
  });

  it('keeps account and billing emails out of reach of the preferences', () => {
    expect(isConfigurableCategory(TEMPLATE_CATEGORY['creator-welcome'])).toBe(false);
    expect(isConfigurableCategory(TEMPLATE_CATEGORY['team-invitation'])).toBe(false);
    expect(isConfigurableCategory(TEMPLATE_CATEGORY['plan-limit-reached'])).toBe(false);
    expect(isConfigurableCategory(TEMPLATE_CATEGORY['order-shipped'])).toBe(true);
  });
});

describe('the send-email job payload', () => {
  const valid = {
    accountId: '3f0c2a1e-8d4b-4c4e-9a51-2b7f0d9e6c11',
    template: 'order-shipped',
    to: 'v8xk2q9@scs.tiktokw.us',
    props: {},
    idempotencyKey: 'order-shipped:1',
  };

  it('accepts one address or a list of them', () => {
    expect(queuedEmailSchema.safeParse(valid).success).toBe(true);
    expect(queuedEmailSchema.safeParse({ ...valid, to: ['a@example.com', 'b@example.com'] }).success).toBe(
      true,
    );
  });

  it('refuses an unknown template, a non-address and an empty key', () => {
    expect(queuedEmailSchema.safeParse({ ...valid, template: 'newsletter' }).success).toBe(false);
    expect(queuedEmailSchema.safeParse({ ...valid, to: 'not an email' }).success).toBe(false);
    expect(queuedEmailSchema.safeParse({ ...valid, to: [] }).success).toBe(false);
    expect(queuedEmailSchema.safeParse({ ...valid, idempotencyKey: '' }).success).toBe(false);
  });
});

describe('carrierTrackingUrl', () => {
  it("links a known carrier's own tracking page, USPS before UPS", () => {
    expect(carrierTrackingUrl('USPS', '9400 1118')).toBe(
      'https://tools.usps.com/go/TrackConfirmAction?tLabels=9400%201118',
    );
    expect(carrierTrackingUrl('UPS', '1Z999')).toBe('https://www.ups.com/track?tracknum=1Z999');
    expect(carrierTrackingUrl('FedEx', '7777')).toBe('https://www.fedex.com/fedextrack/?trknbr=7777');
  });

  it('falls back to a universal tracker for anything else', () => {
    expect(carrierTrackingUrl('Sandbox Express', 'SBX1')).toBe('https://parcelsapp.com/en/tracking/SBX1');
    expect(carrierTrackingUrl(null, 'SBX1')).toBe('https://parcelsapp.com/en/tracking/SBX1');
  });
});
