/**
 * SQL factories for the commerce tables (shops, catalogue, stock, orders, shipments, tracking,
 * alerts, webhook events, audit entries), one file per area under ./commerce. They write through
 * the system path, as ingestion and the pipeline do, so tests can then read back through withRls.
 */
export type { OrderItemRow, OrderRow, ProductRow, ShipmentRow, ShopRow, SkuRow } from './commerce/support';
export * from './commerce/catalog';
export * from './commerce/orders';
export * from './commerce/shipping';
export * from './commerce/records';
