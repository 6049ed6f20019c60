import type { Metadata } from 'next';
import { PageHeader } from '@/components/shared/page-header';
import { ConnectNotice } from '@/components/shops/connect-notice';
import { ConnectShopButton } from '@/components/shops/connect-shop-button';
import { ShopsPanel } from '@/components/shops/shops-panel';
import { can, getAccountContext } from '@/lib/accounts';
import { listShops } from '@/lib/tiktok/server';

export const metadata: Metadata = { title: 'Shops' };
export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function ShopsSettingsPage({ searchParams }: { searchParams: SearchParams }) {
  const context = await getAccountContext('/settings/shops');
  const [shops, params] = await Promise.all([listShops(context), searchParams]);
  const canManage = can(context.role, 'shops:manage');
  return (
    <>
      <PageHeader
        title="Shops"
        description="Your TikTok Shops: connection, sync and webhook health. Connect several shops to one account."
        actions={canManage && shops.length > 0 ? <ConnectShopButton label="Connect another shop" /> : undefined}
      />
      <ConnectNotice tiktok={one(params.tiktok)} shops={one(params.shops)} refused={one(params.refused)} />
      <ShopsPanel initialShops={shops} canManage={canManage} />
    </>
  );
}
