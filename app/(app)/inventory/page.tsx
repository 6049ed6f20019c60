import { Boxes } from 'lucide-react';
import type { Metadata } from 'next';
import { AlertsPanel } from '@/components/inventory/alerts-panel';
import { InventoryTable } from '@/components/inventory/inventory-table';
import { SummaryCards } from '@/components/inventory/summary-cards';
import { EmptyState } from '@/components/shared/empty-state';
import { PageHeader } from '@/components/shared/page-header';
import { formatInteger } from '@/components/ui/format';
import { can, getAccountContext } from '@/lib/accounts';
import { listInventory, listOpenAlerts } from '@/lib/inventory/queries';
import { LiveRefresh } from '@/lib/realtime/client';

export const metadata: Metadata = { title: 'Inventory' };

export default async function InventoryPage() {
  const context = await getAccountContext('/inventory');
  const [overview, { alerts, total: openAlerts }] = await Promise.all([
    listInventory(context),
    listOpenAlerts(context),
  ]);
  const { totals, settings } = overview;
  return (
    <>
      <PageHeader
        title="Inventory"
        description={`Stock per SKU and warehouse, with velocity, days of cover and reorder suggestions (lead time ${settings.leadTimeDays} d + ${settings.safetyDays} d safety, reorder up to ${settings.targetCoverDays} d of cover).`}
        actions={<LiveRefresh accountId={context.accountId} tables={['inventory_levels', 'alerts']} />}
      />
      {overview.rows.length === 0 ? (
        <EmptyState
          icon={Boxes}
          title="No products yet"
          description="Products and SKUs are imported from your TikTok Shop when you connect it."
        />
      ) : (
        <div className="space-y-6">
          <SummaryCards
            items={[
              { label: 'SKUs', value: formatInteger(totals.skus) },
              {
                label: 'Critical',
                value: formatInteger(totals.critical),
                tone: totals.critical ? 'critical' : undefined,
              },
              { label: 'Low', value: formatInteger(totals.low), tone: totals.low ? 'warning' : undefined },
              { label: 'Units available', value: formatInteger(totals.units_available) },
              { label: 'Units reserved', value: formatInteger(totals.units_reserved) },
              { label: 'Open alerts', value: formatInteger(openAlerts) },
            ]}
          />
          <AlertsPanel alerts={alerts} total={openAlerts} />
          <InventoryTable rows={overview.rows} canAdjust={can(context.role, 'inventory:adjust')} />
        </div>
      )}
    </>
  );
}
