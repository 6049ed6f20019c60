import type { SandboxContext } from '../core/context';
import { shippoId } from '../core/ids';
import type { Json } from '../core/state';
import { json, type Handler } from '../http/types';
import { parseShippoBody } from './parse';
import { shippoFieldError, shippoNotFound } from './respond';
import { addressInputSchema, parcelInputSchema, type AddressInput, type ParcelInput } from './schemas';

// Addresses (with v1 validation magic) and parcels. Magic: street1 containing `INVALID`
// -> premise_number_missing; zip `00000` -> unknown_street.

function validationResults(address: Json): Json {
  const messages: Json[] = [];
  if (
    String(address.street1 ?? '')
      .toUpperCase()
      .includes('INVALID')
  ) {
    messages.push({
      source: 'Shippo Address Validator',
      code: 'premise_number_missing',
      type: 'address_error',
      text: 'House number is missing',
    });
  }
  if (address.zip === '00000') {
    messages.push({
      source: 'Shippo Address Validator',
      code: 'unknown_street',
      type: 'address_error',
      text: 'Street could not be found',
    });
  }
  return { is_valid: messages.length === 0, messages };
}

export function storeAddress(ctx: SandboxContext, input: AddressInput, testMode: boolean): Json {
  const now = ctx.nowIso();
  const { validate, ...fields } = input;
  const address: Json = {
    object_id: shippoId(),
    object_created: now,
    object_updated: now,
    object_owner: ctx.options.objectOwner,
    ...fields,
    metadata: fields.metadata ?? '',
    is_complete: Boolean(fields.name && fields.street1 && fields.city && fields.zip),
    test: testMode,
  };
  if (validate) address.validation_results = validationResults(address);
  ctx.state.shippo.addresses.set(address.object_id as string, address);
  return address;
}

/** An address given inline or as an object_id (field name used in the 400 body). */
export function resolveAddress(
  ctx: SandboxContext,
  value: string | AddressInput,
  field: string,
  testMode: boolean,
): Json {
  if (typeof value !== 'string') return storeAddress(ctx, value, testMode);
  const stored = ctx.state.shippo.addresses.get(value);
  if (!stored) throw shippoFieldError(field, `Invalid pk "${value}" - object does not exist.`);
  return stored;
}

export function storeParcel(ctx: SandboxContext, input: ParcelInput, testMode: boolean): Json {
  const now = ctx.nowIso();
  const parcel: Json = {
    object_id: shippoId(),
    object_created: now,
    object_updated: now,
    object_owner: ctx.options.objectOwner,
    object_state: 'VALID',
    ...input,
    metadata: input.metadata ?? '',
    test: testMode,
  };
  ctx.state.shippo.parcels.set(parcel.object_id as string, parcel);
  return parcel;
}

export function addressRoutes(ctx: SandboxContext): Record<string, Handler> {
  const find = (id: string | undefined) => {
    const address = ctx.state.shippo.addresses.get(id ?? '');
    if (!address) throw shippoNotFound();
    return address;
  };
  return {
    'POST /addresses': (req) =>
      json(201, storeAddress(ctx, parseShippoBody(addressInputSchema, req.body), req.testMode)),
    'GET /addresses/{id}': (req) => json(200, find(req.params.id)),
    'GET /addresses/{id}/validate': (req) => {
      const address = find(req.params.id);
      address.validation_results = validationResults(address);
      address.object_updated = ctx.nowIso();
      return json(200, address);
    },
    'POST /parcels': (req) =>
      json(201, storeParcel(ctx, parseShippoBody(parcelInputSchema, req.body), req.testMode)),
    'GET /parcels/{id}': (req) => {
      const parcel = ctx.state.shippo.parcels.get(req.params.id ?? '');
      if (!parcel) throw shippoNotFound();
      return json(200, parcel);
    },
  };
}
