// Surface of lib/inventory: stock per SKU and warehouse, changed only through these functions so
// that every number is explained by a movement in the ledger.
export { reserveOrdersStock } from './reserve-order-stock';
export type { ReservationResult, ReservedLine, StockLine } from './allocate-stock';
export { releaseOrderStock, shipOrdersStock } from './settle-order-stock';
export { adjustStock, applyStockAdjustment, type StockLevel } from './adjust-stock';
export { afterStockChange, enqueueStockPush } from './after-stock-change';
export { checkLowStock } from './check-low-stock';
export type { Movement } from './record-movements';
export { adjustStockSchema, type AdjustStockInput } from './schemas';
