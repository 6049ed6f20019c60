import type { CaptureResult } from 'posthog-js';
import { buildBrowserConfig, redactCapturedEvent, redactUrl } from '@/lib/analytics/browser-privacy';
import { parseUiEvent, uiEventSchemas } from '@/lib/analytics/ui-events';

describe('redactUrl', () => {
  it('keeps filter and paging parameters, redacts everything else, drops the fragment', () => {
    const url =
      'https://app.creatorflow.dev/orders?status=AWAITING_SHIPMENT&page=2&search=jane%40example.com#access_token=abc';
    expect(redactUrl(url)).toBe(
      'https://app.creatorflow.dev/orders?status=AWAITING_SHIPMENT&page=2&search=redacted',
    );
  });

  it('redacts tokens in links and credentials in the authority', () => {
    expect(redactUrl('https://user:secret@app.creatorflow.dev/invitations/accept?token=inv_3f9a')).toBe(
      'https://app.creatorflow.dev/invitations/accept?token=redacted',
    );
  });

  it('leaves values that are not URLs alone', () => {
    expect(redactUrl('/orders?search=jane')).toBe('/orders?search=jane');
    expect(redactUrl('Chrome')).toBe('Chrome');
  });
});

describe('redactCapturedEvent (before_send)', () => {
  it('redacts every URL-valued property, including the SDK’s own and $set ones', () => {
    const event = {
      uuid: '0190',
      event: '$pageleave',
      properties: {
        $current_url: 'https://app.creatorflow.dev/orders?search=Jane+Doe',
        $referrer: 'https://mail.example.com/inbox?thread=123#msg',
        $browser: 'Chrome',
        orderCount: 3,
      },
      $set_once: { $initial_current_url: 'https://app.creatorflow.dev/login?email=jane%40example.com' },
    } as unknown as CaptureResult;
    const redacted = redactCapturedEvent(event)!;
    expect(redacted.properties).toEqual({
      $current_url: 'https://app.creatorflow.dev/orders?search=redacted',
      $referrer: 'https://mail.example.com/inbox?thread=redacted',
      $browser: 'Chrome',
      orderCount: 3,
    });
    expect(redacted.$set_once).toEqual({
      $initial_current_url: 'https://app.creatorflow.dev/login?email=redacted',
    });
    expect(JSON.stringify(redacted)).not.toMatch(/jane/i);
  });

  it('passes a dropped event through as dropped', () => {
    expect(redactCapturedEvent(null)).toBeNull();
  });
});

describe('buildBrowserConfig', () => {
  it('turns off everything that could collect personal data', () => {
    const config = buildBrowserConfig('https://eu.i.posthog.com');
    expect(config).toMatchObject({
      api_host: 'https://eu.i.posthog.com',
      capture_pageview: false,
      mask_all_text: true,
      mask_all_element_attributes: true,
      disable_session_recording: true,
      autocapture: { dom_event_allowlist: ['click'], element_allowlist: ['a', 'button'] },
      person_profiles: 'identified_only',
      before_send: redactCapturedEvent,
    });
    // Inputs, selects and textareas are never autocaptured.
    const autocapture = config.autocapture as { element_allowlist: string[] };
    expect(autocapture.element_allowlist).not.toEqual(expect.arrayContaining(['input']));
  });
});

describe('parseUiEvent', () => {
  it('accepts the typed UI events', () => {
    expect(
      parseUiEvent('label_bought', { orderId: '576829104738291045', carrier: 'usps', batch: false }),
    ).toEqual({
      ok: true,
      event: 'label_bought',
      properties: { orderId: '576829104738291045', carrier: 'usps', batch: false },
    });
    expect(parseUiEvent('shop_connect_started', undefined)).toMatchObject({ ok: true, properties: {} });
    expect(Object.keys(uiEventSchemas)).toEqual(
      expect.arrayContaining([
        'label_bought',
        'bulk_status_changed',
        'shop_connect_started',
        'plan_upgrade_clicked',
      ]),
    );
  });

  it('refuses unknown events, extra keys and personal data', () => {
    expect(parseUiEvent('order_viewed', {})).toMatchObject({
      ok: false,
      error: expect.stringMatching(/Unknown/),
    });
    expect(
      parseUiEvent('bulk_status_changed', { orderCount: 3, toStatus: 'shipped', buyerName: 'Jane' }),
    ).toMatchObject({
      ok: false,
      error: expect.stringMatching(/buyerName/),
    });
    expect(
      parseUiEvent('label_bought', { orderId: 'jane@example.com', carrier: 'usps', batch: false }),
    ).toMatchObject({
      ok: false,
      error: expect.stringMatching(/opaque id/),
    });
  });
});
