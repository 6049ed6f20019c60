'use client';

import { Store } from 'lucide-react';
import { EmptyState } from '@/components/shared/empty-state';
import { useShops } from '@/lib/tiktok/hooks/use-shops';
import type { ShopSummary } from '@/lib/tiktok/shops/list-shops';
import { ConnectShopButton } from './connect-shop-button';
import { ShopCard } from './shop-card';

/** The account's shops, kept fresh by React Query (first paint from the server). */
export function ShopsPanel({ initialShops, canManage }: { initialShops: ShopSummary[]; canManage: boolean }) {
  const { data: shops, isError } = useShops(initialShops);
  if (shops.length === 0) {
    return (
      <EmptyState
        icon={Store}
        title="No TikTok Shop connected yet"
        description="Connect your shop to import products and receive every order within seconds, already prioritised."
        action={canManage ? <ConnectShopButton /> : undefined}
      />
    );
  }
  return (
    <div className="space-y-4">
      {isError ? (
        <p role="alert" className="text-sm text-muted-foreground">
          Could not refresh shop health; showing the last known state.
        </p>
      ) : null}
      <ul className="space-y-4" aria-label="Connected shops">
        {shops.map((shop) => (
          <li key={shop.id}>
            <ShopCard shop={shop} canManage={canManage} />
          </li>
        ))}
      </ul>
    </div>
  );
}
