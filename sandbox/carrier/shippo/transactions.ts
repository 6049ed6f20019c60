import type { SandboxContext } from '../core/context';
import { shippoId } from '../core/ids';
import { hasMagic } from '../core/magic';
import type { Json } from '../core/state';
import { json, type Handler } from '../http/types';
import { commitShippoLabel, purchaseFailure } from './commit-label';
import { emitShippoEvent } from './events';
import { parseShippoBody } from './parse';
import { paginate, shippoError, shippoFieldError, shippoNotFound } from './respond';
import { transactionCreateSchema } from './schemas';

// Label purchase. No idempotency (like Shippo): buying a rate twice buys two labels, which
// is what lets tests prove the adapter's own dedupe. Magic words in `metadata`:
// FAIL_CARRIER, FAIL_ADDRESS -> status ERROR; SLOW -> magicSlowMs before committing;
// HTTP500 -> commit, then answer 500.

export function transactionRoutes(ctx: SandboxContext): Record<string, Handler> {
  const { state } = ctx;
  return {
    'POST /transactions': async (req) => {
      const input = parseShippoBody(transactionCreateSchema, req.body);
      const rate = state.shippo.rates.get(input.rate);
      if (!rate) throw shippoFieldError('rate', `Invalid pk "${input.rate}" - object does not exist.`);
      const metadata = input.metadata ?? '';
      if (hasMagic(metadata, 'SLOW')) await ctx.timers.sleep(ctx.options.magicSlowMs);
      const shipment = state.shippo.shipments.get(String(rate.shipment))!;
      const now = ctx.nowIso();
      const tx: Json = {
        object_id: shippoId(),
        object_created: now,
        object_updated: now,
        object_owner: ctx.options.objectOwner,
        object_state: 'VALID',
        status: 'QUEUED',
        rate: rate.object_id,
        parcel: (shipment.parcels as Json[])[0]?.object_id,
        label_file_type: input.label_file_type,
        metadata,
        messages: [],
        test: req.testMode,
        tracking_number: '',
        tracking_status: 'UNKNOWN',
        tracking_url_provider: '',
        label_url: '',
      };
      state.shippo.transactions.set(String(tx.object_id), tx);
      const failure = purchaseFailure(ctx, rate, metadata);
      const finalize = failure
        ? () => Object.assign(tx, { status: 'ERROR', messages: [failure], object_updated: ctx.nowIso() })
        : commitShippoLabel(ctx, tx, rate, shipment);

      const { forceQueued, neverResolve } = req.transactionFaults;
      const synchronous = !input.async && !forceQueued && !neverResolve;
      if (synchronous) finalize();
      const answer = structuredClone(tx);
      emitShippoEvent(ctx, 'transaction_created', answer);
      if (!synchronous && !neverResolve) {
        ctx.timers.after(ctx.options.transactionDelayMs, () => {
          finalize();
          emitShippoEvent(ctx, 'transaction_updated', structuredClone(tx));
        });
      }
      return hasMagic(metadata, 'HTTP500') ? shippoError(500) : json(201, answer);
    },
    'GET /transactions/{id}': (req) => {
      const tx = state.shippo.transactions.get(req.params.id ?? '');
      if (!tx) throw shippoNotFound();
      return json(200, tx);
    },
    'GET /transactions': (req) => {
      const { query } = req;
      const matches = [...state.shippo.transactions.values()]
        .filter((tx) => !query.get('rate') || tx.rate === query.get('rate'))
        .filter((tx) => !query.get('object_status') || tx.status === query.get('object_status'))
        .filter((tx) => !query.get('tracking_status') || tx.tracking_status === query.get('tracking_status'))
        .reverse();
      return paginate(matches, query, `${req.baseUrl}/transactions`);
    },
  };
}
