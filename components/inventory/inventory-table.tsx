import { formatDecimal, formatInteger, formatRate } from '@/components/ui/format';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { InventoryRow } from '@/lib/inventory/queries';
import { AdjustStockDialog } from './adjust-stock-dialog';
import { StockStatusBadge } from './stock-status-badge';

/** TikTok warehouse ids are 19 digits; the last six tell a creator's few warehouses apart. */
const shortWarehouse = (id: string) => (id.length > 10 ? `…${id.slice(-6)}` : id);

/** Every SKU, most urgent first: stock per warehouse, velocity, days of cover, reorder suggestion, alerts. */
export function InventoryTable({ rows, canAdjust }: { rows: InventoryRow[]; canAdjust: boolean }) {
  return (
    <div className="rounded-xl border bg-card">
      <Table>
        <caption className="sr-only">Stock per SKU, most urgent first</caption>
        <TableHeader>
          <TableRow>
            <TableHead>Product / SKU</TableHead>
            <TableHead>Status</TableHead>
            <TableHead className="text-right">Available</TableHead>
            <TableHead>Per warehouse</TableHead>
            <TableHead className="text-right" title="Units sold per hour, last 24 hours / last 7 days">
              Units/h (24 h / 7 d)
            </TableHead>
            <TableHead className="text-right">Cover (days)</TableHead>
            <TableHead className="text-right">Reorder</TableHead>
            <TableHead>Alerts</TableHead>
            {canAdjust ? (
              <TableHead>
                <span className="sr-only">Actions</span>
              </TableHead>
            ) : null}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => {
            const label = `${row.product_name}${row.sku_name ? ` · ${row.sku_name}` : ''}`;
            return (
              <TableRow key={row.sku_id} data-testid="inventory-row">
                <TableCell className="min-w-48 whitespace-normal">
                  <div className="font-medium">{label}</div>
                  <div className="font-mono text-xs text-muted-foreground">
                    {row.seller_sku ?? row.tiktok_sku_id}
                  </div>
                </TableCell>
                <TableCell>
                  <StockStatusBadge status={row.plan.status} />
                </TableCell>
                <TableCell className="text-right tabular-nums">
                  <div className="font-medium">{formatInteger(row.available)}</div>
                  <div className="text-xs text-muted-foreground">
                    {formatInteger(row.on_hand)} on hand · {formatInteger(row.reserved)} reserved
                  </div>
                </TableCell>
                <TableCell className="text-xs">
                  {row.warehouses.length ? (
                    <ul>
                      {row.warehouses.map((warehouse) => (
                        <li key={warehouse.warehouse_id}>
                          <span className="font-mono" title={warehouse.warehouse_id}>
                            {shortWarehouse(warehouse.warehouse_id)}
                          </span>
                          : {formatInteger(warehouse.available)} of {formatInteger(warehouse.on_hand)}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="text-muted-foreground">No stock recorded</span>
                  )}
                </TableCell>
                <TableCell className="text-right tabular-nums">
                  {formatRate(row.plan.velocity24h)} / {formatRate(row.plan.velocity7d)}
                  <div className="text-xs text-muted-foreground">
                    {formatInteger(row.units_sold_24h)} sold in 24 h
                  </div>
                </TableCell>
                <TableCell className="text-right tabular-nums">
                  {row.plan.daysOfCover === null ? '—' : formatDecimal(row.plan.daysOfCover)}
                </TableCell>
                <TableCell className="text-right tabular-nums">
                  {row.plan.reorderQuantity > 0 ? (
                    <span className="font-medium">{formatInteger(row.plan.reorderQuantity)}</span>
                  ) : (
                    <span className="text-muted-foreground">—</span>
                  )}
                </TableCell>
                <TableCell className="text-xs">
                  {row.alerts.length ? (
                    <ul className="max-w-52 space-y-0.5 whitespace-normal">
                      {row.alerts.map((alert) => (
                        <li
                          key={alert.id}
                          className={alert.severity === 'critical' ? 'text-red-700' : undefined}
                        >
                          {alert.title}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="text-muted-foreground">—</span>
                  )}
                </TableCell>
                {canAdjust ? (
                  <TableCell>
                    <AdjustStockDialog
                      skuId={row.sku_id}
                      label={label}
                      warehouses={row.warehouses.map((warehouse) => warehouse.warehouse_id)}
                    />
                  </TableCell>
                ) : null}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
