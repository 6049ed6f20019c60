import { createHash } from 'node:crypto';
import type { SandboxContext } from '../core/context';
import { shippoId } from '../core/ids';
import { formatCents, priceServices, SUPPORTED_COUNTRIES, toOunces, type MassUnit } from '../core/rate-table';
import type { Json } from '../core/state';
import { json, type Handler } from '../http/types';
import { resolveAddress, storeParcel } from './addresses';
import { parseShippoBody } from './parse';
import { paginate, shippoFieldError, shippoNotFound } from './respond';
import { shipmentCreateSchema } from './schemas';

// Shipments and their rates. `async:false` (or the default, unless shipmentsAsyncByDefault)
// answers SUCCESS with rates inline; `async:true` answers QUEUED with `rates: []` and fills
// them after `shipmentRatesDelayMs`. Attributes: CHEAPEST = lowest amount, FASTEST = fewest
// days (cheapest on ties), BESTVALUE = lowest amount x days.

export const carrierAccountId = (carrier: string) =>
  createHash('md5').update(`sandbox-carrier:${carrier}`).digest('hex');

function buildRates(
  ctx: SandboxContext,
  shipment: Json,
  testMode: boolean,
): { rates: Json[]; messages: Json[] } {
  const from = shipment.address_from as Json;
  const to = shipment.address_to as Json;
  if (!SUPPORTED_COUNTRIES.has(String(from.country)) || !SUPPORTED_COUNTRIES.has(String(to.country))) {
    const text = `The sandbox carrier only rates shipments within: ${[...SUPPORTED_COUNTRIES].join(', ')}`;
    return { rates: [], messages: [{ source: 'SandboxCarrier', code: 'no_rates', text }] };
  }
  const parcels = shipment.parcels as Json[];
  const weightOz = parcels.reduce((sum, p) => sum + toOunces(Number(p.weight), p.mass_unit as MassUnit), 0);
  const priced = priceServices(weightOz, from.zip as string | undefined, to.zip as string | undefined);
  const cheapest = Math.min(...priced.map((p) => p.amountCents));
  const fastestDays = Math.min(...priced.map((p) => p.estimatedDays));
  const fastestPrice = Math.min(
    ...priced.filter((p) => p.estimatedDays === fastestDays).map((p) => p.amountCents),
  );
  const bestValue = Math.min(...priced.map((p) => p.amountCents * p.estimatedDays));
  const now = ctx.nowIso();
  const rates = priced.map((p) => {
    const attributes: string[] = [];
    if (p.amountCents === cheapest) attributes.push('CHEAPEST');
    if (p.estimatedDays === fastestDays && p.amountCents === fastestPrice) attributes.push('FASTEST');
    if (p.amountCents * p.estimatedDays === bestValue) attributes.push('BESTVALUE');
    const amount = formatCents(p.amountCents);
    const rate: Json = {
      object_id: shippoId(),
      object_created: now,
      object_owner: ctx.options.objectOwner,
      shipment: shipment.object_id,
      carrier_account: carrierAccountId(p.service.carrier),
      provider: p.service.carrier,
      servicelevel: {
        name: p.service.name,
        token: p.service.shippoToken,
        terms: '',
        extended_token: p.service.shippoToken,
      },
      amount,
      currency: 'USD',
      amount_local: amount,
      currency_local: 'USD',
      estimated_days: p.estimatedDays,
      duration_terms: p.service.durationTerms,
      attributes,
      messages: [],
      zone: String(p.zone),
      test: testMode,
    };
    ctx.state.shippo.rates.set(rate.object_id as string, rate);
    return rate;
  });
  return { rates, messages: [] };
}

export function shipmentRoutes(ctx: SandboxContext): Record<string, Handler> {
  const find = (id: string | undefined) => {
    const shipment = ctx.state.shippo.shipments.get(id ?? '');
    if (!shipment) throw shippoNotFound();
    return shipment;
  };
  const listRates = (shipment: Json, currency: string | undefined, query: URLSearchParams, url: string) => {
    if (currency && currency.toUpperCase() !== 'USD')
      throw shippoFieldError('currency_code', 'The sandbox carrier quotes USD only.');
    return paginate(shipment.rates as Json[], query, url);
  };
  return {
    'POST /shipments': (req) => {
      const input = parseShippoBody(shipmentCreateSchema, req.body);
      const now = ctx.nowIso();
      const shipment: Json = {
        object_id: shippoId(),
        object_created: now,
        object_updated: now,
        object_owner: ctx.options.objectOwner,
        status: 'QUEUED',
        metadata: input.metadata ?? '',
        address_from: resolveAddress(ctx, input.address_from, 'address_from', req.testMode),
        address_to: resolveAddress(ctx, input.address_to, 'address_to', req.testMode),
        parcels: input.parcels.map((parcel, index) => {
          if (typeof parcel !== 'string') return storeParcel(ctx, parcel, req.testMode);
          const stored = ctx.state.shippo.parcels.get(parcel);
          if (!stored)
            throw shippoFieldError(`parcels.${index}`, `Invalid pk "${parcel}" - object does not exist.`);
          return stored;
        }),
        carrier_accounts: input.carrier_accounts ?? [],
        messages: [],
        rates: [],
        test: req.testMode,
      };
      if (input.address_return)
        shipment.address_return = resolveAddress(ctx, input.address_return, 'address_return', req.testMode);
      if (input.shipment_date) shipment.shipment_date = input.shipment_date;
      if (input.extra) shipment.extra = input.extra;
      ctx.state.shippo.shipments.set(shipment.object_id as string, shipment);
      const resolve = () => {
        Object.assign(shipment, buildRates(ctx, shipment, req.testMode), {
          status: 'SUCCESS',
          object_updated: ctx.nowIso(),
        });
      };
      const asyncMode = input.async ?? ctx.options.shipmentsAsyncByDefault;
      if (!asyncMode) {
        resolve();
        return json(201, shipment);
      }
      const answer = structuredClone(shipment);
      ctx.timers.after(ctx.options.shipmentRatesDelayMs, resolve);
      return json(201, answer);
    },
    'GET /shipments': (req) =>
      paginate([...ctx.state.shippo.shipments.values()].reverse(), req.query, `${req.baseUrl}/shipments`),
    'GET /shipments/{id}': (req) => json(200, find(req.params.id)),
    'GET /shipments/{id}/rates': (req) =>
      listRates(find(req.params.id), undefined, req.query, `${req.baseUrl}${req.path}`),
    'GET /shipments/{id}/rates/{currency}': (req) =>
      listRates(find(req.params.id), req.params.currency, req.query, `${req.baseUrl}${req.path}`),
    'GET /rates/{id}': (req) => {
      const rate = ctx.state.shippo.rates.get(req.params.id ?? '');
      if (!rate) throw shippoNotFound();
      return json(200, rate);
    },
  };
}
