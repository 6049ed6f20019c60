import type { IncomingMessage } from 'node:http';
import { StripeApiError, type HandlerResult } from './http';
import type { StandInState } from './state';

const unauthorized = (message: string) => new StripeApiError(401, { type: 'invalid_request_error', message });

const mask = (key: string) =>
  key.length <= 12 ? '****' : `${key.slice(0, 8)}${'*'.repeat(key.length - 12)}${key.slice(-4)}`;

/**
 * Stripe's authentication: the secret key as a Bearer token, or as the Basic-auth user name
 * (`curl -u sk_test_…:`). Answers 401 with Stripe's wording, and no `code`, as Stripe does.
 */
export const authenticate = (request: IncomingMessage, secretKey: string) => {
  const header = request.headers.authorization ?? '';
  let presented: string | null = null;
  if (header.startsWith('Bearer ')) presented = header.slice('Bearer '.length).trim();
  else if (header.startsWith('Basic ')) {
    presented = Buffer.from(header.slice('Basic '.length), 'base64').toString('utf8').split(':')[0] ?? '';
  }
  if (!presented) {
    throw unauthorized(
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
    );
  }
  if (presented !== secretKey) throw unauthorized(`Invalid API Key provided: ${mask(presented)}`);
};

/**
 * Idempotency keys on POST, as Stripe keeps them: a repeated key with the same request replays
 * the first successful response (`Idempotent-Replayed: true`); the same key with different
 * parameters is refused. Failed requests are not saved, so they can be retried with the same key.
 */
export const withIdempotency = async (
  state: StandInState,
  request: IncomingMessage,
  routeKey: string,
  body: string,
  headers: Record<string, string>,
  run: () => HandlerResult | Promise<HandlerResult>,
): Promise<HandlerResult> => {
  const key = request.headers['idempotency-key'];
  if (request.method !== 'POST' || typeof key !== 'string' || key === '') return run();
  headers['Idempotency-Key'] = key;
  const fingerprint = `${routeKey}\n${body}`;
  const saved = state.idempotency.get(key);
  if (saved) {
    if (saved.fingerprint !== fingerprint) {
      throw new StripeApiError(400, {
        type: 'idempotency_error',
        message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
      });
    }
    headers['Idempotent-Replayed'] = 'true';
    return { kind: 'json', status: saved.status, body: saved.body };
  }
  const result = await run();
  if (result.kind === 'json' && result.status < 400) {
    state.idempotency.set(key, { fingerprint, status: result.status, body: result.body });
  }
  return result;
};
