import 'server-only';
import { Shippo } from 'shippo';
import { CarrierRequestError } from './errors';
import { DEFAULT_POLL, pollUntil, type PollOptions } from './poll';
import { shippoRequestError } from './shippo-errors';
import {
  shippoCarrierToken,
  toRateQuote,
  toShippoAddress,
  toShippoParcel,
  toTrackingSnapshot,
} from './shippo-map';
import { lookupShippoPurchase, purchaseShippoLabel } from './shippo-purchase';
import {
  parseInput,
  purchaseRequestSchema,
  rateRequestSchema,
  refundRequestSchema,
  trackRequestSchema,
} from './schemas';
import type { CarrierAdapter } from './types';

export interface ShippoAdapterOptions {
  /** `shippo_test_...` or `shippo_live_...`. */
  apiKey: string;
  /** Defaults to https://api.goshippo.com; the sandbox carrier's URL in dev and tests. */
  serverURL?: string;
  /** Per HTTP request. Shippo's SDK has no timeout unless one is set. */
  timeoutMs: number;
  /** Polling of QUEUED/WAITING objects. */
  poll?: Partial<PollOptions>;
}

/** Shippo through the official SDK. The same code runs against the sandbox and production. */
export function createShippoAdapter(options: ShippoAdapterOptions): CarrierAdapter {
  const client = new Shippo({
    apiKeyHeader: options.apiKey,
    shippoApiVersion: '2018-02-08',
    serverURL: options.serverURL,
    timeoutMs: options.timeoutMs,
    // SDK retries stay off: a retried POST /transactions could buy a second label.
    retryConfig: { strategy: 'none' },
  });
  const poll: PollOptions = { ...DEFAULT_POLL, ...options.poll };

  return {
    name: 'shippo',

    async getRates(input) {
      const request = parseInput('shippo', 'getRates', rateRequestSchema, input);
      try {
        let shipment = await client.shipments.create({
          addressFrom: toShippoAddress(request.from),
          addressTo: toShippoAddress(request.to),
          parcels: [toShippoParcel(request.parcel)],
          async: false,
          metadata: request.reference,
        });
        if (shipment.status === 'QUEUED' || shipment.status === 'WAITING') {
          const id = shipment.objectId;
          shipment = (
            await pollUntil(
              () => client.shipments.get(id),
              (s) => s.status === 'SUCCESS' || s.status === 'ERROR',
              poll,
            )
          ).value;
        }
        if (shipment.status !== 'SUCCESS') {
          throw new CarrierRequestError(
            'shippo',
            'getRates',
            'upstream',
            `shipment ${shipment.objectId} is ${shipment.status}`,
            { retryable: true },
          );
        }
        return shipment.rates.map(toRateQuote);
      } catch (error) {
        throw shippoRequestError('getRates', error);
      }
    },

    purchase: (input) =>
      purchaseShippoLabel(client, parseInput('shippo', 'purchase', purchaseRequestSchema, input), poll),

    lookupPurchase: (input) =>
      lookupShippoPurchase(client, parseInput('shippo', 'lookupPurchase', purchaseRequestSchema, input)),

    async refund(input) {
      const { transactionId } = parseInput('shippo', 'refund', refundRequestSchema, input);
      try {
        const refund = await client.refunds.create({ transaction: transactionId, async: false });
        const status =
          refund.status === 'SUCCESS' ? 'refunded' : refund.status === 'ERROR' ? 'rejected' : 'pending';
        return { status, refundId: refund.objectId };
      } catch (error) {
        throw shippoRequestError('refund', error);
      }
    },

    async track(input) {
      const { trackingNumber, provider } = parseInput('shippo', 'track', trackRequestSchema, input);
      try {
        return toTrackingSnapshot(
          await client.trackingStatus.get(trackingNumber, shippoCarrierToken(provider)),
        );
      } catch (error) {
        throw shippoRequestError('track', error);
      }
    },
  };
}
