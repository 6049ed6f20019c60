import type EasyPostClientClass from '@easypost/api';
import { labelFromShipment } from './easypost-map';
import { AMBIGUOUS_PURCHASE_CODES, easyPostErrorParts } from './easypost-errors';
import { easyPostShipmentSchema } from './easypost-schemas';
import type { LookupOutcome, PurchaseOutcome, PurchaseRequest, RateQuote } from './types';

type EasyPostClient = InstanceType<typeof EasyPostClientClass>;

// Buying an EasyPost label. EasyPost allows one purchase per shipment, so the shipment is
// the idempotency key: whenever the answer is ambiguous (POSTAGE.EXISTS, TIMED_OUT,
// NO_RESPONSE, IN_PROGRESS, 5xx, timeout) we read the shipment back and trust what it says.

async function resolveByRetrieve(
  client: EasyPostClient,
  rate: RateQuote,
  why: string,
): Promise<PurchaseOutcome> {
  try {
    const shipment = easyPostShipmentSchema.parse(await client.Shipment.retrieve(rate.shipmentId));
    return (
      labelFromShipment(shipment, rate.rateId) ?? {
        kind: 'unknown',
        reason: `${why}; shipment ${shipment.id} has no postage yet`,
      }
    );
  } catch (error) {
    return {
      kind: 'unknown',
      reason: `${why}; reading the shipment back failed: ${(error as Error).message}`,
    };
  }
}

export async function purchaseEasyPostLabel(
  client: EasyPostClient,
  request: PurchaseRequest,
): Promise<PurchaseOutcome> {
  const { rate } = request;
  try {
    const parsed = easyPostShipmentSchema.safeParse(await client.Shipment.buy(rate.shipmentId, rate.rateId));
    if (parsed.success) {
      const label = labelFromShipment(parsed.data, rate.rateId);
      if (label) return label;
    }
    return resolveByRetrieve(client, rate, 'the buy answer carried no usable postage label');
  } catch (error) {
    const { statusCode, code, message } = easyPostErrorParts(error);
    const reason = code ? `${code}: ${message}` : statusCode ? `HTTP ${statusCode}: ${message}` : message;
    if (
      (code && AMBIGUOUS_PURCHASE_CODES.has(code)) ||
      statusCode === undefined ||
      statusCode === 408 ||
      statusCode >= 500
    ) {
      return resolveByRetrieve(client, rate, reason);
    }
    if (statusCode === 429) return { kind: 'failed', code: 'rate_limited', reason };
    if (statusCode === 401 || statusCode === 403) return { kind: 'failed', code: 'unauthorized', reason };
    if (statusCode === 402) return { kind: 'failed', code: 'payment_required', reason };
    if (code === 'SHIPMENT.MISSING_RATE' || code?.startsWith('SHIPMENT.RATE')) {
      return { kind: 'failed', code: 'invalid_rate', reason, retryWithRequote: true };
    }
    if (code === 'SHIPMENT.POSTAGE.FAILURE') {
      return {
        kind: 'failed',
        code: /address/i.test(message) ? 'address_invalid' : 'carrier_rejected',
        reason,
        carrierMessages: [message],
      };
    }
    return { kind: 'failed', code: 'rejected', reason };
  }
}

export async function lookupEasyPostPurchase(
  client: EasyPostClient,
  request: PurchaseRequest,
): Promise<LookupOutcome> {
  const { rate } = request;
  try {
    const shipment = easyPostShipmentSchema.parse(await client.Shipment.retrieve(rate.shipmentId));
    if (shipment.refund_status === 'submitted' || shipment.refund_status === 'refunded') {
      return {
        kind: 'failed',
        code: 'rejected',
        reason: `shipment ${shipment.id} was bought and then refunded`,
      };
    }
    return labelFromShipment(shipment, rate.rateId) ?? { kind: 'not_found' };
  } catch (error) {
    const { statusCode, message } = easyPostErrorParts(error);
    if (statusCode === 404) return { kind: 'not_found' };
    return { kind: 'unknown', reason: `lookup failed: ${message}` };
  }
}
