import type { Metadata } from 'next';
import { Providers } from '@/components/providers';
import { env } from '@/lib/env';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'CreatorFlow', template: '%s · CreatorFlow' },
  description: 'Order fulfillment for TikTok Shop creators and sellers',
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers analytics={{ apiKey: env.NEXT_PUBLIC_POSTHOG_KEY, host: env.NEXT_PUBLIC_POSTHOG_HOST }}>
          {children}
        </Providers>
      </body>
    </html>
  );
}
