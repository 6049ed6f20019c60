// Order priority: the VIRAL test and impact score (pure, classify.ts) over minute buckets of
// order velocity (order-velocity.ts).
export { classifyPriority, isViralSpike, rates, PRIORITY_RULES, type PriorityInput, type PriorityResult, type ProductVelocity } from './classify';
export { classifyOrderPriority, classifyOrders, orderMoment, type ClassifyInput } from './classify-order-priority';
export { readProductVelocity, recordOrderVelocity } from './order-velocity';
