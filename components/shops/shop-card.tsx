'use client';

import { RefreshCw, Unplug } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from '@/components/ui/card';
import { useShopAction } from '@/lib/tiktok/hooks/use-shops';
import type { ShopSummary } from '@/lib/tiktok/shops/list-shops';
import { ShopHealth } from './shop-health';

// Colour is only the dot; the label carries the meaning and keeps full text contrast.
const STATUS: Record<ShopSummary['status'], { label: string; dot: string }> = {
  connected: { label: 'Connected', dot: 'bg-success' },
  disconnected: { label: 'Disconnected', dot: 'bg-muted-foreground' },
  expired: { label: 'Authorization expired', dot: 'bg-warning' },
  error: { label: 'Needs attention', dot: 'bg-destructive' },
};

export function ShopCard({ shop, canManage }: { shop: ShopSummary; canManage: boolean }) {
  const disconnect = useShopAction('disconnect');
  const resync = useShopAction('resync');
  const status = STATUS[shop.status];
  const busy = disconnect.isPending || resync.isPending;
  const failure = disconnect.error ?? resync.error;

  return (
    <Card data-testid="shop-card" aria-labelledby={`shop-${shop.id}-name`}>
      <CardHeader>
        <div className="flex flex-wrap items-center gap-3">
          <CardTitle id={`shop-${shop.id}-name`}>{shop.name}</CardTitle>
          <Badge variant="outline" data-testid="shop-status">
            <span className={`size-2 rounded-full ${status.dot}`} aria-hidden />
            {status.label}
          </Badge>
          {shop.pendingOrderSyncs > 0 ? <Badge variant="outline">{shop.pendingOrderSyncs} orders syncing</Badge> : null}
        </div>
        <CardDescription>
          TikTok shop {shop.tiktokShopId}
          {shop.region ? ` · ${shop.region}` : ''}
          {shop.authorizationExpiresAt ? ` · authorization until ${shop.authorizationExpiresAt.slice(0, 10)}` : ''}
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-3">
        <ShopHealth shop={shop} />
        {shop.lastError ? (
          <p className="text-sm text-destructive" role="note">
            {shop.lastError}
          </p>
        ) : null}
        {resync.isSuccess ? (
          <p className="text-sm text-muted-foreground" role="status">
            Full resync queued: the catalog, then every order.
          </p>
        ) : null}
        {failure ? (
          <p className="text-sm text-destructive" role="alert">
            {failure.message}
          </p>
        ) : null}
      </CardContent>
      {canManage && shop.status === 'connected' ? (
        <CardFooter className="gap-2">
          <Button variant="outline" size="sm" disabled={busy} onClick={() => resync.mutate(shop.id)}>
            <RefreshCw aria-hidden /> Resync
          </Button>
          <Button
            variant="ghost"
            size="sm"
            disabled={busy}
            onClick={() => {
              if (window.confirm(`Disconnect ${shop.name}? New orders stop arriving until you connect it again.`)) {
                disconnect.mutate(shop.id);
              }
            }}
          >
            <Unplug aria-hidden /> Disconnect
          </Button>
        </CardFooter>
      ) : null}
    </Card>
  );
}
