import type { SandboxContext } from '../core/context';
import { shippoId } from '../core/ids';
import type { Json } from '../core/state';
import { json, type Handler } from '../http/types';
import { emitShippoEvent } from './events';
import { parseShippoBody } from './parse';
import { paginate, shippoFieldError, shippoNotFound } from './respond';
import { refundCreateSchema } from './schemas';

// Refunds void a SUCCESS label: refund QUEUED -> SUCCESS, transaction REFUNDPENDING ->
// REFUNDED (after refundDelayMs; at once with async:false). The parcel stops moving.

export function refundRoutes(ctx: SandboxContext): Record<string, Handler> {
  const { state } = ctx;
  return {
    'POST /refunds': (req) => {
      const input = parseShippoBody(refundCreateSchema, req.body);
      const tx = state.shippo.transactions.get(input.transaction);
      if (!tx)
        throw shippoFieldError('transaction', `Invalid pk "${input.transaction}" - object does not exist.`);
      if (tx.status !== 'SUCCESS') {
        throw shippoFieldError(
          'transaction',
          `Transaction with status ${String(tx.status)} is not eligible for a refund.`,
        );
      }
      const now = ctx.nowIso();
      const refund: Json = {
        object_id: shippoId(),
        object_created: now,
        object_updated: now,
        object_owner: ctx.options.objectOwner,
        status: 'QUEUED',
        transaction: tx.object_id,
        test: req.testMode,
      };
      state.shippo.refunds.set(refund.object_id as string, refund);
      const purchase = state.purchases.find((p) => p.provider === 'shippo' && p.purchaseId === tx.object_id);
      const parcel = state.parcels.get(String(tx.tracking_number));
      if (parcel) parcel.frozen = true;
      Object.assign(tx, { status: 'REFUNDPENDING', object_updated: now });
      if (purchase) purchase.status = 'REFUNDPENDING';
      const settle = () => {
        const at = ctx.nowIso();
        Object.assign(refund, { status: 'SUCCESS', object_updated: at });
        Object.assign(tx, { status: 'REFUNDED', object_updated: at });
        if (purchase) purchase.status = 'REFUNDED';
        emitShippoEvent(ctx, 'transaction_updated', structuredClone(tx));
      };
      if (input.async === false) {
        settle();
        return json(201, refund);
      }
      const answer = structuredClone(refund);
      ctx.timers.after(ctx.options.refundDelayMs, settle);
      return json(201, answer);
    },
    'GET /refunds/{id}': (req) => {
      const refund = state.shippo.refunds.get(req.params.id ?? '');
      if (!refund) throw shippoNotFound();
      return json(200, refund);
    },
    'GET /refunds': (req) =>
      paginate([...state.shippo.refunds.values()].reverse(), req.query, `${req.baseUrl}/refunds/`),
  };
}
