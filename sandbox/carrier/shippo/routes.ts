import type { SandboxContext } from '../core/context';
import type { Handler } from '../http/types';
import { addressRoutes } from './addresses';
import { refundRoutes } from './refunds';
import { shipmentRoutes } from './shipments';
import { trackRoutes } from './tracks';
import { transactionRoutes } from './transactions';
import { webhookRoutes } from './webhooks';

/** The Shippo-compatible subset, keyed `METHOD /path` (see README for the list). */
export function shippoRoutes(ctx: SandboxContext): Record<string, Handler> {
  return {
    ...addressRoutes(ctx),
    ...shipmentRoutes(ctx),
    ...transactionRoutes(ctx),
    ...refundRoutes(ctx),
    ...trackRoutes(ctx),
    ...webhookRoutes(ctx),
  };
}
