// Surface of lib/orders (workflow, priority, automation). The order list and detail queries live in
// lib/orders/queries, the client hooks in lib/orders/hooks.
export { advanceOrder, type AdvanceOrderInput } from './advance-order';
export { changeOrderStatus, toOrderSummary, type OrderStatusContext, type OrderSummary } from './change-order-status';
export { bulkChangeOrderStatus, type BulkChangeResult } from './bulk-change-order-status';
export { retryBackorders, type RetryBackordersResult } from './retry-backorders';
export { reconcilePipeline, type ReconcileResult } from './reconcile-pipeline';
export { schedulePipelineMaintenance } from './schedule-pipeline-maintenance';
export { checkWorkflowHealth, registerWorkflowHealth } from './workflow-health';
export {
  changeOrderStatusSchema, bulkChangeOrderStatusSchema, MANUAL_ACTIONS,
  type ChangeOrderStatusInput, type BulkChangeOrderStatusInput, type ManualAction,
} from './schemas';
export { applyTransition, applyTransitions, type TransitionItem, type TransitionRequest, type TransitionResult } from './workflow/apply-transition';
export { loadOrderSnapshot, loadOrderSnapshots } from './workflow/load-order-snapshot';
export { decideNextStep, type NextStep } from './workflow/decide-next-step';
export { TRANSITIONS, WORKFLOW_EVENTS, targetOf, type WorkflowEvent, type TransitionDef } from './workflow/transitions';
export type { OrderSnapshot, OrderRow } from './workflow/snapshot';
export { classifyOrderPriority, classifyPriority, isViralSpike, PRIORITY_RULES, type PriorityResult } from './priority';
export * as automation from './automation';
