import type { CaptureResult, PostHogConfig } from 'posthog-js';

// What the browser SDK may collect. CreatorFlow pages show buyers' names and addresses, and
// the orders page puts free-text search in the URL, so: no session recording, no text or
// attribute capture, clicks only on links and buttons, and every URL-valued property keeps only
// query parameters known to hold no personal data. The hash is dropped (auth tokens live there).

/** Query parameters that only ever hold filters, paging or ids. */
export const SAFE_QUERY_PARAMS = new Set([
  'page',
  'limit',
  'status',
  'workflow_status',
  'priority',
  'sort_by',
  'sort_order',
  'date_from',
  'date_to',
  'tab',
  'range',
  'view',
  'filter',
  'upgrade',
]);

export const REDACTED = 'redacted';

/** Replaces unknown query values with "redacted" and drops the fragment. Non-URLs pass unchanged. */
export function redactUrl(value: string): string {
  if (!/^https?:\/\//i.test(value)) return value;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return value;
  }
  for (const key of [...url.searchParams.keys()]) {
    if (!SAFE_QUERY_PARAMS.has(key)) url.searchParams.set(key, REDACTED);
  }
  url.hash = '';
  url.username = '';
  url.password = '';
  return url.toString();
}

function redactValues(properties: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!properties) return properties;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(properties)) {
    result[key] = typeof value === 'string' ? redactUrl(value) : value;
  }
  return result;
}

/** posthog-js `before_send` hook: runs on every event, including the SDK's own. */
export function redactCapturedEvent(event: CaptureResult | null): CaptureResult | null {
  if (!event) return event;
  const redacted: CaptureResult = {
    ...event,
    properties: redactValues(event.properties) ?? event.properties,
  };
  if (event.$set) redacted.$set = redactValues(event.$set);
  if (event.$set_once) redacted.$set_once = redactValues(event.$set_once);
  return redacted;
}

export function buildBrowserConfig(host: string): Partial<PostHogConfig> {
  return {
    api_host: host,
    // Page views are captured by AnalyticsProvider on App Router navigation, with redacted URLs.
    capture_pageview: false,
    capture_pageleave: true,
    autocapture: { dom_event_allowlist: ['click'], element_allowlist: ['a', 'button'] },
    mask_all_text: true,
    mask_all_element_attributes: true,
    mask_personal_data_properties: true,
    disable_session_recording: true,
    disable_surveys: true,
    disable_external_dependency_loading: true,
    advanced_disable_flags: true,
    capture_exceptions: false,
    capture_dead_clicks: false,
    enable_heatmaps: false,
    person_profiles: 'identified_only',
    before_send: redactCapturedEvent,
  };
}
