'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { AnalyticsProvider } from '@/lib/analytics/client';

/** PostHog settings handed down from the server (lib/env); no key means analytics is off. */
export type AnalyticsSettings = { apiKey?: string; host: string };

/** Client-side providers: React Query holds server state for live pages; PostHog page views and useTrack(). */
export function Providers({
  analytics,
  children,
}: {
  analytics?: AnalyticsSettings;
  children: React.ReactNode;
}) {
  const [queryClient] = useState(
    () =>
      new QueryClient({ defaultOptions: { queries: { staleTime: 10_000, refetchOnWindowFocus: false } } }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <AnalyticsProvider apiKey={analytics?.apiKey} host={analytics?.host}>
        {children}
      </AnalyticsProvider>
    </QueryClientProvider>
  );
}
