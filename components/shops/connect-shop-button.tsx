import { Plug } from 'lucide-react';
import { Button } from '@/components/ui/button';

/**
 * A plain link, not a fetch: /api/tiktok/connect answers with a redirect to TikTok's consent page, which
 * the browser must follow as a top-level navigation (the state cookie rides along).
 */
export function ConnectShopButton({ label = 'Connect TikTok Shop' }: { label?: string }) {
  return (
    <Button asChild>
      <a href="/api/tiktok/connect" data-testid="connect-tiktok-shop">
        <Plug aria-hidden /> {label}
      </a>
    </Button>
  );
}
