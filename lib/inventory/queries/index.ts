// The read side of inventory: stock with velocity, days of cover and reorder suggestions, and open
// alerts. velocity.ts is pure (client-safe); the list functions are server-only and run through RLS.
export {
  listInventory,
  type InventoryOverview,
  type InventoryRow,
  type OpenAlert,
  type WarehouseStock,
} from './list-inventory';
export { listOpenAlerts, type AccountAlert } from './list-open-alerts';
export * from './velocity';
