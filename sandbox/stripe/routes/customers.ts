import { z } from 'zod';
import { createCustomer } from '../customer-operations';
import { json, resourceMissing } from '../http';
import { clone } from '../objects';
import { formExpand, formMetadata, formOptionalString, readParams } from '../params';
import type { Route } from '../router';
import { deliverEvents } from '../webhooks';

const ZCreateCustomer = z.strictObject({
  email: formOptionalString,
  name: formOptionalString,
  description: formOptionalString,
  phone: formOptionalString,
  metadata: formMetadata.optional(),
  expand: formExpand,
});

export const customerRoutes: Route[] = [
  {
    method: 'POST',
    path: '/v1/customers',
    kind: 'api',
    handle: async ({ state, params }) => {
      const { expand: _expand, ...input } = readParams(ZCreateCustomer, params);
      const { object, events } = createCustomer(state, input);
      await deliverEvents(state, events);
      return json(clone(object));
    },
  },
  {
    method: 'GET',
    path: '/v1/customers/:id',
    kind: 'api',
    handle: ({ state, params, path }) => {
      readParams(z.strictObject({ expand: formExpand }), params);
      const customer = state.customers.get(path.id ?? '');
      if (!customer) throw resourceMissing('customer', path.id ?? '');
      return json(clone(customer));
    },
  },
];
