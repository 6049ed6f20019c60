import 'server-only';
import EasyPostClient from '@easypost/api';
import { toEasyPostAddress, toEasyPostParcel, toRateQuote, toTrackingSnapshot } from './easypost-map';
import { easyPostRequestError } from './easypost-errors';
import { lookupEasyPostPurchase, purchaseEasyPostLabel } from './easypost-purchase';
import { easyPostShipmentSchema, easyPostTrackerSchema } from './easypost-schemas';
import {
  parseInput,
  purchaseRequestSchema,
  rateRequestSchema,
  refundRequestSchema,
  trackRequestSchema,
} from './schemas';
import type { CarrierAdapter, RefundOutcome } from './types';

export interface EasyPostAdapterOptions {
  apiKey: string;
  /** Defaults to https://api.easypost.com/v2/; `${sandbox.url}/v2/` in dev and tests. */
  baseUrl?: string;
  /** Per HTTP request. */
  timeoutMs: number;
}

/** EasyPost through the official client. The same code runs against the sandbox and production. */
export function createEasyPostAdapter(options: EasyPostAdapterOptions): CarrierAdapter {
  const client = new EasyPostClient(options.apiKey, {
    // The client appends paths without a leading slash, so the base must end with one.
    baseUrl: options.baseUrl ? `${options.baseUrl.replace(/\/+$/, '')}/` : undefined,
    timeout: options.timeoutMs,
    // @easypost/api 8.9 stores `timeout` but never applies it to requests; superagent needs it per request.
    requestMiddleware: (request: { timeout(limits: { response: number; deadline: number }): unknown }) =>
      request.timeout({ response: options.timeoutMs, deadline: options.timeoutMs }),
  });

  return {
    name: 'easypost',

    async getRates(input) {
      const request = parseInput('easypost', 'getRates', rateRequestSchema, input);
      try {
        const shipment = easyPostShipmentSchema.parse(
          await client.Shipment.create({
            from_address: toEasyPostAddress(request.from),
            to_address: toEasyPostAddress(request.to),
            parcel: toEasyPostParcel(request.parcel),
            reference: request.reference,
          }),
        );
        return shipment.rates.map(toRateQuote);
      } catch (error) {
        throw easyPostRequestError('getRates', error);
      }
    },

    purchase: (input) =>
      purchaseEasyPostLabel(client, parseInput('easypost', 'purchase', purchaseRequestSchema, input)),

    lookupPurchase: (input) =>
      lookupEasyPostPurchase(client, parseInput('easypost', 'lookupPurchase', purchaseRequestSchema, input)),

    async refund(input): Promise<RefundOutcome> {
      const { transactionId } = parseInput('easypost', 'refund', refundRequestSchema, input);
      try {
        const shipment = easyPostShipmentSchema.parse(await client.Shipment.refund(transactionId));
        const status = shipment.refund_status;
        // `not_applicable`: bill-on-scan carriers never charged for an unscanned label.
        return {
          status:
            status === 'refunded' || status === 'not_applicable'
              ? 'refunded'
              : status === 'rejected'
                ? 'rejected'
                : 'pending',
        };
      } catch (error) {
        throw easyPostRequestError('refund', error);
      }
    },

    async track(input) {
      const { trackingNumber, provider } = parseInput('easypost', 'track', trackRequestSchema, input);
      try {
        // EasyPost dedupes trackers per code and carrier, so create doubles as lookup.
        const tracker = await client.Tracker.create({ tracking_code: trackingNumber, carrier: provider });
        return toTrackingSnapshot(easyPostTrackerSchema.parse(tracker));
      } catch (error) {
        throw easyPostRequestError('track', error);
      }
    },
  };
}
