import type { SandboxContext } from '../core/context';
import { easyPostId } from '../core/ids';
import { hasMagic } from '../core/magic';
import { priceServices, SUPPORTED_COUNTRIES } from '../core/rate-table';
import type { Json } from '../core/state';
import { json, type Handler } from '../http/types';
import { easyPostError, easyPostFault, easyPostNotFound, parseEasyPostBody } from './errors';
import { commitEasyPostPurchase } from './commit-purchase';
import { buySchema, shipmentCreateSchema } from './schemas';
import { addressWire, easyPostCarrierAccount, easyPostMode, parcelWire, rateWire } from './wire';

// EasyPost shipments: create (rates inline), retrieve, buy (one purchase per shipment; a
// second buy is 422 SHIPMENT.POSTAGE.EXISTS, a concurrent one SHIPMENT.PURCHASE.IN_PROGRESS),
// refund. Magic words in `reference`: FAIL_CARRIER / FAIL_ADDRESS (422 POSTAGE.FAILURE),
// SLOW (magicSlowMs before committing), HTTP500 (commit, then answer 500).

export function easyPostShipmentRoutes(ctx: SandboxContext): Record<string, Handler> {
  const { state } = ctx;
  const purchasing = new WeakSet<Json>();
  const find = (id: string | undefined) => {
    const shipment = state.easypost.shipments.get(id ?? '');
    if (!shipment) throw easyPostNotFound();
    return shipment;
  };

  return {
    'POST /v2/shipments': (req) => {
      const { shipment: input } = parseEasyPostBody(shipmentCreateSchema, req.body);
      const now = ctx.nowIso();
      const mode = easyPostMode(req.testMode);
      const id = easyPostId('shp');
      const supported =
        SUPPORTED_COUNTRIES.has(input.from_address.country) &&
        SUPPORTED_COUNTRIES.has(input.to_address.country);
      const priced = supported
        ? priceServices(input.parcel.weight, input.from_address.zip, input.to_address.zip)
        : [];
      const rates = priced.map((p) => rateWire(p, id, mode, now));
      rates.forEach((rate) => state.easypost.rateOwners.set(String(rate.id), id));
      const shipment: Json = {
        id,
        object: 'Shipment',
        mode,
        created_at: now,
        updated_at: now,
        reference: input.reference ?? null,
        status: 'unknown',
        tracking_code: null,
        refund_status: null,
        is_return: false,
        from_address: addressWire(input.from_address, mode, now),
        to_address: addressWire(input.to_address, mode, now),
        return_address: addressWire(input.return_address ?? input.from_address, mode, now),
        buyer_address: null,
        parcel: parcelWire(input.parcel, mode, now),
        customs_info: null,
        options: input.options ?? {},
        rates,
        selected_rate: null,
        postage_label: null,
        tracker: null,
        fees: [],
        forms: [],
        insurance: null,
        messages: supported
          ? []
          : [
              {
                carrier: 'SandboxCarrier',
                carrier_account_id: easyPostCarrierAccount('USPS'),
                type: 'rate_error',
                message: 'The sandbox carrier only rates shipments within the US.',
              },
            ],
        usps_zone: priced[0]?.zone ?? null,
        batch_id: null,
        batch_status: null,
        batch_message: null,
        scan_form: null,
      };
      state.easypost.shipments.set(id, shipment);
      return json(201, shipment);
    },
    'GET /v2/shipments/{id}': (req) => json(200, find(req.params.id)),
    'POST /v2/shipments/{id}/buy': async (req) => {
      const shipment = find(req.params.id);
      const { rate: wanted } = parseEasyPostBody(buySchema, req.body);
      if (shipment.postage_label)
        throw easyPostError(422, 'SHIPMENT.POSTAGE.EXISTS', 'Postage already exists for this shipment.');
      if (purchasing.has(shipment))
        throw easyPostError(
          422,
          'SHIPMENT.PURCHASE.IN_PROGRESS',
          'A purchase of this shipment is already in progress.',
        );
      const rate = (shipment.rates as Json[]).find((r) => r.id === wanted.id);
      if (!rate)
        throw easyPostError(
          422,
          'SHIPMENT.MISSING_RATE',
          'The rate does not belong to this shipment. Re-rate the shipment and try again.',
        );
      if (hasMagic(shipment.reference, 'FAIL_CARRIER'))
        throw easyPostError(422, 'SHIPMENT.POSTAGE.FAILURE', 'The carrier rejected the label request.');
      if (hasMagic(shipment.reference, 'FAIL_ADDRESS'))
        throw easyPostError(422, 'SHIPMENT.POSTAGE.FAILURE', 'Address validation failed.');
      purchasing.add(shipment);
      try {
        if (hasMagic(shipment.reference, 'SLOW')) await ctx.timers.sleep(ctx.options.magicSlowMs);
        commitEasyPostPurchase(ctx, shipment, rate);
      } finally {
        purchasing.delete(shipment);
      }
      return hasMagic(shipment.reference, 'HTTP500') ? easyPostFault(500) : json(200, shipment);
    },
    'POST /v2/shipments/{id}/refund': (req) => {
      const shipment = find(req.params.id);
      if (!shipment.postage_label)
        throw easyPostError(422, 'SHIPMENT.REFUND.UNAVAILABLE', 'This shipment has no postage to refund.');
      if (shipment.refund_status)
        throw easyPostError(
          422,
          'SHIPMENT.REFUND.UNAVAILABLE',
          `A refund was already requested (${String(shipment.refund_status)}).`,
        );
      const purchase = state.purchases.find((p) => p.provider === 'easypost' && p.purchaseId === shipment.id);
      const parcel = state.parcels.get(String(shipment.tracking_code));
      if (parcel) parcel.frozen = true;
      Object.assign(shipment, { refund_status: 'submitted', updated_at: ctx.nowIso() });
      if (purchase) purchase.status = 'REFUNDPENDING';
      const answer = structuredClone(shipment);
      ctx.timers.after(ctx.options.refundDelayMs, () => {
        Object.assign(shipment, { refund_status: 'refunded', updated_at: ctx.nowIso() });
        if (purchase) purchase.status = 'REFUNDED';
      });
      return json(200, answer);
    },
  };
}
