import type { SandboxContext } from '../core/context';
import type { Handler } from '../http/types';
import { easyPostShipmentRoutes } from './shipments';
import { easyPostTrackerRoutes } from './trackers';

/** The EasyPost subset under `/v2/`, keyed `METHOD /path` (see README). */
export function easyPostRoutes(ctx: SandboxContext): Record<string, Handler> {
  return { ...easyPostShipmentRoutes(ctx), ...easyPostTrackerRoutes(ctx) };
}
