'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import posthog, { type PostHog } from 'posthog-js';
import {
  createContext,
  Suspense,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { buildBrowserConfig, redactUrl } from './browser-privacy';
import { POSTHOG_DEFAULT_HOST } from './schemas';
import { parseUiEvent, type UiEventArgs, type UiEventName } from './ui-events';

const AnalyticsContext = createContext<PostHog | null>(null);

export interface AnalyticsProviderProps {
  /** PostHog project key; without one nothing is loaded and nothing is sent. */
  apiKey?: string;
  host?: string;
  /** The signed-in user and account, as opaque ids; never an email or a name. */
  userId?: string;
  accountId?: string;
  children: ReactNode;
}

/**
 * Loads posthog-js once (browser only), captures a page view per App Router navigation and
 * exposes `useTrack()`. The privacy settings live in browser-privacy.ts.
 */
export function AnalyticsProvider({
  apiKey,
  host = POSTHOG_DEFAULT_HOST,
  userId,
  accountId,
  children,
}: AnalyticsProviderProps) {
  // posthog-js is a page-wide singleton: a provider mounted after it loaded (a layout re-mount)
  // picks it up at once; the first one loads it in an effect, so nothing runs on the server.
  const [client, setClient] = useState<PostHog | null>(() => (apiKey && posthog.__loaded ? posthog : null));

  useEffect(() => {
    // React runs effects twice in development; the second run finds the SDK already loading.
    if (!apiKey || posthog.__loaded) return;
    posthog.init(apiKey, { ...buildBrowserConfig(host), loaded: () => setClient(posthog) });
  }, [apiKey, host]);

  // Sign-out (a user id that goes away) resets the device id so the next person starts fresh.
  const previousUserId = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!client) return;
    if (userId) client.identify(userId);
    else if (previousUserId.current) client.reset();
    previousUserId.current = userId;
    if (accountId) client.group('account', accountId);
  }, [client, userId, accountId]);

  return (
    <AnalyticsContext.Provider value={client}>
      {/* useSearchParams needs a Suspense boundary, or static pages bail out of prerendering. */}
      {client ? (
        <Suspense fallback={null}>
          <PageViewTracker client={client} />
        </Suspense>
      ) : null}
      {children}
    </AnalyticsContext.Provider>
  );
}

function PageViewTracker({ client }: { client: PostHog }) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  useEffect(() => {
    if (!pathname) return;
    const search = searchParams?.toString();
    const url = `${window.location.origin}${pathname}${search ? `?${search}` : ''}`;
    client.capture('$pageview', { $current_url: redactUrl(url) });
  }, [client, pathname, searchParams]);
  return null;
}

/**
 * `const track = useTrack(); track('label_bought', { orderId, carrier: 'usps', batch: false })`.
 * Properties are checked against ui-events.ts; an invalid event is dropped with a console
 * warning rather than sent, and nothing is sent at all without an API key.
 */
export function useTrack() {
  const client = useContext(AnalyticsContext);
  return useCallback(
    <E extends UiEventName>(event: E, ...[properties]: UiEventArgs<E>) => {
      const parsed = parseUiEvent(event, properties);
      if (!parsed.ok) {
        console.warn(`[analytics] dropped "${event}": ${parsed.error}`);
        return;
      }
      client?.capture(parsed.event, parsed.properties);
    },
    [client],
  );
}

/**
 * Ties this browser's events to the signed-in user and their current account (opaque ids only).
 * Mount inside AnalyticsProvider in authenticated layouts: `<IdentifyAnalytics userId={…}
 * accountId={…} />`. When a different user signs in on the same device the device id is reset
 * first, so two people's events are never merged.
 */
export function IdentifyAnalytics({ userId, accountId }: { userId: string; accountId: string }) {
  const client = useContext(AnalyticsContext);
  useEffect(() => {
    if (!client) return;
    if (client._isIdentified() && client.get_distinct_id() !== userId) client.reset();
    client.identify(userId);
    client.group('account', accountId);
  }, [client, userId, accountId]);
  return null;
}
