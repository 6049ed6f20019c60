import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { systemDb, tables } from '@/lib/db';
import type { Recipient } from '@/lib/db/schema/orders';
import { CarrierRequestError, type RateQuote } from '@/lib/shipping/carriers';
import { chooseRate, SERVICE_LEVELS, type ServiceLevelClass } from '@/lib/shipping/rates';
import { buildRateRequest } from './build-rate-request';
import type { ShippingConfig } from './config';
import type { CarrierGateway } from './gateway';
import type { ShipmentRow } from './shipment-records';

/** `shipment` is the row as the quote left it (returned by the update, so no read is needed after it). */
export type QuoteOutcome = { kind: 'quoted'; quote: RateQuote; shipment: ShipmentRow } | { kind: 'unfit'; reason: string };

const asServiceLevel = (value: string): ServiceLevelClass =>
  (SERVICE_LEVELS as readonly string[]).includes(value) ? (value as ServiceLevelClass) : 'standard';

/**
 * Rate-shops the order's package: asks the shipment's carrier for rates and keeps the cheapest one
 * that meets the order's service level (automation rules may raise it) and can still leave by
 * the dispatch deadline (lib/shipping/rates). The chosen quote is saved on the shipment (`quoted`).
 * `unfit` is an answer no retry changes (no rates for the address, nothing fast enough, an address
 * the carrier refuses); transient carrier trouble throws and the job retries.
 */
export async function quoteShipment(
  shipment: ShipmentRow,
  order: { accountId: string; orderId: string; recipient: Recipient; serviceLevel: string; dispatchDeadline: Date | null },
  deps: { config: ShippingConfig; gateway: CarrierGateway; now?: () => Date },
): Promise<QuoteOutcome> {
  const request = await buildRateRequest(systemDb(), {
    accountId: order.accountId, orderId: order.orderId, recipient: order.recipient, reference: shipment.packageRef, defaultShipFrom: deps.config.defaultShipFrom,
  });
  let quotes: RateQuote[];
  try {
    quotes = await deps.gateway.adapter(shipment.carrier).getRates(request);
  } catch (error) {
    if (error instanceof CarrierRequestError && (error.code === 'invalid_input' || error.code === 'rejected')) {
      return { kind: 'unfit', reason: `The carrier refused the shipment: ${error.message}` };
    }
    throw error;
  }
  const now = deps.now?.() ?? new Date();
  const choice = chooseRate(quotes, {
    serviceLevel: asServiceLevel(order.serviceLevel), dispatchDeadline: order.dispatchDeadline ?? undefined, now, maxQuoteAgeMs: deps.config.maxQuoteAgeMs,
  });
  if (choice.kind === 'no_fitting_rate') return { kind: 'unfit', reason: choice.message };
  const quote = choice.quote;
  const [updated] = await systemDb()
    .update(tables.shipments)
    .set({
      status: 'quoted', serviceLevel: choice.serviceLevel, carrierShipmentId: quote.shipmentId, rateId: quote.rateId,
      rateAmountCents: quote.amountCents, currency: quote.currency, provider: quote.provider, servicelevelToken: quote.serviceLevel.token,
      servicelevelName: quote.serviceLevel.name, estimatedDays: quote.estimatedDays, quotedAt: quote.quotedAt, lastError: null, updatedAt: sql`now()`,
    })
    .where(eq(tables.shipments.id, shipment.id))
    .returning();
  return { kind: 'quoted', quote, shipment: updated ?? shipment };
}
