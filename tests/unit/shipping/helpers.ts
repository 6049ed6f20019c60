import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Address, Parcel } from '@/lib/shipping/carriers/types';

// Shared fixtures for the shipping unit tests: addresses, a parcel, and a tiny webhook
// receiver that keeps raw bodies (signatures are checked over raw bytes).

export const SHOP: Address = {
  name: 'Creator Shop',
  street1: '1092 Indian Summer Ct',
  city: 'San Jose',
  state: 'CA',
  zip: '95122',
  country: 'US',
  phone: '4159876543',
  email: 'ops@example.com',
};
export const BUYER: Address = {
  name: 'Mr Hippo',
  street1: '965 Mission St',
  city: 'San Francisco',
  state: 'CA',
  zip: '94103',
  country: 'US',
};
export const FAR_BUYER: Address = {
  name: 'Ms Far',
  street1: '1 Main St',
  city: 'Boston',
  state: 'MA',
  zip: '02108',
  country: 'US',
};
export const SMALL_PARCEL: Parcel = {
  length: 10,
  width: 8,
  height: 4,
  distanceUnit: 'in',
  weight: 2,
  massUnit: 'lb',
};

export const SHIPPO_KEY = 'shippo_test_local123';
export const EASYPOST_KEY = 'EZTKsandbox123';

export const shippoShipmentBody = {
  addressFrom: {
    name: SHOP.name,
    street1: SHOP.street1,
    city: SHOP.city,
    state: SHOP.state,
    zip: SHOP.zip,
    country: 'US',
  },
  addressTo: {
    name: BUYER.name,
    street1: BUYER.street1,
    city: BUYER.city,
    state: BUYER.state,
    zip: BUYER.zip,
    country: 'US',
  },
  parcels: [
    {
      length: '5',
      width: '5',
      height: '5',
      distanceUnit: 'in' as const,
      weight: '2',
      massUnit: 'lb' as const,
    },
  ],
};

export interface ReceivedWebhook {
  url: string;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  json: {
    event?: string;
    description?: string;
    data?: Record<string, unknown>;
    result?: Record<string, unknown>;
    id?: string;
  };
}

/** Collects POSTs; `failFirst` answers 503 to that many requests first (to exercise retries). */
export async function startReceiver(options: { failFirst?: number } = {}) {
  const received: ReceivedWebhook[] = [];
  let failuresLeft = options.failFirst ?? 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        res.writeHead(503).end();
        return;
      }
      const rawBody = Buffer.concat(chunks);
      received.push({
        url: req.url ?? '',
        headers: req.headers,
        rawBody,
        json: JSON.parse(rawBody.toString('utf8')) as ReceivedWebhook['json'],
      });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export async function sandboxJson<T = Record<string, unknown>>(
  baseUrl: string,
  path: string,
  init?: { method?: string; body?: unknown },
): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: init?.method ?? (init?.body === undefined ? 'GET' : 'POST'),
    headers: { 'content-type': 'application/json' },
    body: init?.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return (await response.json()) as T;
}

/** Polls `read` until `done` (bounded by attempts, never by a timed assertion). */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  attempts = 200,
): Promise<T> {
  let value = await read();
  for (let i = 0; i < attempts && !done(value); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    value = await read();
  }
  return value;
}

/** The error a promise rejects with; fails the test if it resolves. */
export async function rejectionOf<E = unknown>(promise: Promise<unknown>): Promise<E> {
  try {
    await promise;
  } catch (error) {
    return error as E;
  }
  throw new Error('expected the promise to reject');
}
