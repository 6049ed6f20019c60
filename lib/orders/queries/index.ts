// The read side of orders: what the dashboard and GET /api/orders(/{id}) call. Reads only; every
// function runs through withRls and filters by the caller's account explicitly. Client code imports
// './schemas' and './types' directly (this file pulls in server-only modules).
export { listOrders, summarize, type ReadContext } from './list-orders';
export { getOrderDetails, getOrderOrThrow } from './get-order-detail';
export { getPickList } from './get-pick-list';
export { labelDownloadPath, formatLocation } from './load-order-shipping';
export { getLabelDocument, type LabelDocument } from './get-label-document';
export {
  listShipments,
  getShippingSummary,
  listShipmentsQuerySchema,
  SHIPMENT_STATUS_VALUES,
  type ListShipmentsQuery,
  type ShipmentListItem,
  type ShippingSummary,
} from './list-shipments';
export {
  listOrdersQuerySchema,
  parseListOrdersQuery,
  searchParamsToRaw,
  toUrlSearchParams,
  ORDER_STATUS_VALUES,
  WORKFLOW_STATUS_VALUES,
  PRIORITY_VALUES,
  SORT_FIELDS,
  orderIdsSchema,
  splitIds,
  MAX_PICK_LIST_ORDERS,
  type ListOrdersQuery,
  type ListOrdersQueryInput,
} from './schemas';
export type * from './types';
