import 'server-only';
import { sql } from 'drizzle-orm';
import { anyOf, rowFromDriver, systemDb, tables } from '@/lib/db';
import type { Recipient } from '@/lib/db/schema/orders';
import { CarrierRequestError, type RateQuote } from '@/lib/shipping/carriers';
import { chooseRate, SERVICE_LEVELS, type ServiceLevelClass } from '@/lib/shipping/rates';
import { buildRateRequests } from './build-rate-request';
import type { ShippingConfig } from './config';
import type { CarrierGateway } from './gateway';
import type { ShipmentRow } from './shipment-records';

/** `shipment` is the row as the quote left it (returned by the update, so no read is needed after it). */
export type QuoteOutcome = { kind: 'quoted'; quote: RateQuote; shipment: ShipmentRow } | { kind: 'unfit'; reason: string };

const asServiceLevel = (value: string): ServiceLevelClass =>
  (SERVICE_LEVELS as readonly string[]).includes(value) ? (value as ServiceLevelClass) : 'standard';

type QuoteOrder = { accountId: string; orderId: string; recipient: Recipient; serviceLevel: string; dispatchDeadline: Date | null };
type QuoteDeps = { config: ShippingConfig; gateway: CarrierGateway; now?: () => Date };

/** A batch's outcome per shipment: as quoteShipment's, or the error quoteShipment would throw. */
export type BatchQuoteOutcome = QuoteOutcome | { kind: 'error'; error: unknown };

/**
 * Rate-shops the order's package: asks the shipment's carrier for rates and keeps the cheapest one
 * that meets the order's service level (automation rules may raise it) and can still leave by
 * the dispatch deadline (lib/shipping/rates). The chosen quote is saved on the shipment (`quoted`).
 * `unfit` is an answer no retry changes (no rates for the address, nothing fast enough, an address
 * the carrier refuses); transient carrier trouble throws and the job retries.
 */
export async function quoteShipment(shipment: ShipmentRow, order: QuoteOrder, deps: QuoteDeps): Promise<QuoteOutcome> {
  const [outcome] = await quoteShipments([{ shipment, order }], deps);
  if (outcome!.kind === 'error') throw outcome!.error;
  return outcome!;
}

/**
 * quoteShipment for several shipments at once: their rate requests are built by one statement, the
 * carrier is asked side by side, and the chosen quotes are saved by one statement. Each shipment
 * gets its own outcome; one carrier error does not touch the others.
 */
export async function quoteShipments(items: readonly { shipment: ShipmentRow; order: QuoteOrder }[], deps: QuoteDeps): Promise<BatchQuoteOutcome[]> {
  const requests = await buildRateRequests(systemDb(), items.map(({ shipment, order }) => ({
    accountId: order.accountId, orderId: order.orderId, recipient: order.recipient, reference: shipment.packageRef, defaultShipFrom: deps.config.defaultShipFrom,
  })));
  const chosen = await Promise.all(items.map(async ({ shipment, order }, index): Promise<BatchQuoteOutcome | { kind: 'chosen'; quote: RateQuote; serviceLevel: ServiceLevelClass }> => {
    const request = requests[index]!;
    if (request instanceof Error) return { kind: 'error', error: request };
    let quotes: RateQuote[];
    try {
      quotes = await deps.gateway.adapter(shipment.carrier).getRates(request);
    } catch (error) {
      if (error instanceof CarrierRequestError && (error.code === 'invalid_input' || error.code === 'rejected')) {
        return { kind: 'unfit', reason: `The carrier refused the shipment: ${error.message}` };
      }
      return { kind: 'error', error };
    }
    const choice = chooseRate(quotes, {
      serviceLevel: asServiceLevel(order.serviceLevel), dispatchDeadline: order.dispatchDeadline ?? undefined, now: deps.now?.() ?? new Date(), maxQuoteAgeMs: deps.config.maxQuoteAgeMs,
    });
    if (choice.kind === 'no_fitting_rate') return { kind: 'unfit', reason: choice.message };
    return { kind: 'chosen', quote: choice.quote, serviceLevel: choice.serviceLevel };
  }));
  const saved = await saveQuotes(chosen.flatMap((outcome, index) => (outcome.kind === 'chosen' ? [{ shipmentId: items[index]!.shipment.id, ...outcome }] : [])));
  return chosen.map((outcome, index) => {
    if (outcome.kind !== 'chosen') return outcome;
    const shipment = items[index]!.shipment;
    return { kind: 'quoted', quote: outcome.quote, shipment: saved.get(shipment.id) ?? shipment };
  });
}

/** The chosen quotes onto their shipments (status `quoted`), one statement; returns the rows as saved. */
async function saveQuotes(quotes: readonly { shipmentId: string; quote: RateQuote; serviceLevel: ServiceLevelClass }[]): Promise<Map<string, ShipmentRow>> {
  if (quotes.length === 0) return new Map();
  const values = quotes.map(({ shipmentId, quote, serviceLevel }) => ({
    id: shipmentId, service_level: serviceLevel, carrier_shipment_id: quote.shipmentId, rate_id: quote.rateId, rate_amount_cents: quote.amountCents,
    currency: quote.currency, provider: quote.provider, servicelevel_token: quote.serviceLevel.token, servicelevel_name: quote.serviceLevel.name,
    estimated_days: quote.estimatedDays, quoted_at: quote.quotedAt.toISOString(),
  }));
  const { rows } = await systemDb().execute<Record<string, unknown>>(sql`
    update public.shipments s set status = 'quoted', service_level = v.service_level, carrier_shipment_id = v.carrier_shipment_id, rate_id = v.rate_id,
      rate_amount_cents = v.rate_amount_cents, currency = v.currency, provider = v.provider, servicelevel_token = v.servicelevel_token,
      servicelevel_name = v.servicelevel_name, estimated_days = v.estimated_days, quoted_at = v.quoted_at, last_error = null, updated_at = now()
    from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(id uuid, service_level text, carrier_shipment_id text, rate_id text,
      rate_amount_cents integer, currency text, provider text, servicelevel_token text, servicelevel_name text, estimated_days integer, quoted_at timestamptz)
    where ${anyOf(sql`s.id`, values.map((v) => v.id))} and s.id = v.id
    returning s.*`);
  return new Map(rows.map((raw) => {
    const row = rowFromDriver(tables.shipments, raw);
    return [row.id, row];
  }));
}
