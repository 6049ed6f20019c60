import { z } from 'zod';
import { json, resourceMissing } from '../http';
import { clone, listOf } from '../objects';
import { formBoolean, formExpand, listParams, readParams } from '../params';
import type { Route } from '../router';

const ZListPrices = z.strictObject({
  active: formBoolean.optional(),
  currency: z.string().optional(),
  lookup_keys: z.array(z.string()).max(10).optional(),
  product: z.string().optional(),
  type: z.enum(['one_time', 'recurring']).optional(),
  ...listParams,
});

export const priceRoutes: Route[] = [
  {
    // Prices are found by lookup key: GET /v1/prices?lookup_keys[0]=cf_starter_monthly
    method: 'GET',
    path: '/v1/prices',
    kind: 'api',
    handle: ({ state, params }) => {
      const query = readParams(ZListPrices, params);
      const matching = [...state.prices.values()].filter(
        (price) =>
          (query.active === undefined || price.active === query.active) &&
          (!query.currency || price.currency === query.currency) &&
          (!query.lookup_keys ||
            (price.lookup_key !== null && query.lookup_keys.includes(price.lookup_key))) &&
          (!query.product || price.product === query.product) &&
          (!query.type || price.type === query.type),
      );
      return json(
        listOf(matching, { url: '/v1/prices', limit: query.limit, startingAfter: query.starting_after }),
      );
    },
  },
  {
    method: 'GET',
    path: '/v1/prices/:id',
    kind: 'api',
    handle: ({ state, params, path }) => {
      readParams(z.strictObject({ expand: formExpand }), params);
      const price = state.prices.get(path.id ?? '');
      if (!price) throw resourceMissing('price', path.id ?? '');
      return json(clone(price));
    },
  },
];
