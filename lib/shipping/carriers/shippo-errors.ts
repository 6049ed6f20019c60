import {
  ConnectionError,
  InvalidRequestError,
  RequestAbortedError,
  RequestTimeoutError,
  ResponseValidationError,
  SDKValidationError,
  ShippoError,
} from 'shippo/models/errors';
import { CarrierRequestError, classifyStatus } from './errors';
import type { PurchaseOutcome } from './types';

// How Shippo SDK errors become purchase outcomes and request errors.

/**
 * A purchase error is `failed` only when Shippo provably did not act on the request (a 4xx
 * refusal, a rate limit, a request the SDK never sent). Timeouts, connection errors, 5xx
 * and responses the SDK could not validate may hide a bought label: `unknown`.
 */
export function purchaseOutcomeFromError(error: unknown): PurchaseOutcome {
  // ResponseValidationError extends ShippoError: test it first. Its HTTP call succeeded.
  if (error instanceof ResponseValidationError || error instanceof SDKValidationError) {
    return { kind: 'unknown', reason: `Shippo response did not validate: ${error.message}` };
  }
  if (error instanceof ShippoError) {
    const { statusCode } = error;
    if (statusCode === 408 || statusCode >= 500)
      return { kind: 'unknown', reason: `Shippo answered HTTP ${statusCode}` };
    if (statusCode === 429)
      return { kind: 'failed', code: 'rate_limited', reason: 'Shippo rate limit (HTTP 429)' };
    if (statusCode === 401 || statusCode === 403)
      return {
        kind: 'failed',
        code: 'unauthorized',
        reason: `Shippo refused the API key (HTTP ${statusCode})`,
      };
    if (statusCode === 402)
      return {
        kind: 'failed',
        code: 'payment_required',
        reason: 'Shippo requires a payment method (HTTP 402)',
      };
    if (/"rate"/.test(error.body))
      return {
        kind: 'failed',
        code: 'invalid_rate',
        reason: `Shippo refused the rate: ${error.body}`,
        retryWithRequote: true,
      };
    return {
      kind: 'failed',
      code: 'rejected',
      reason: `Shippo refused the purchase (HTTP ${statusCode}): ${error.body}`,
    };
  }
  if (error instanceof InvalidRequestError) {
    return { kind: 'failed', code: 'rejected', reason: `The request could not be built: ${error.message}` };
  }
  if (
    error instanceof RequestTimeoutError ||
    error instanceof ConnectionError ||
    error instanceof RequestAbortedError
  ) {
    return { kind: 'unknown', reason: `${error.name}: ${error.message}` };
  }
  return { kind: 'unknown', reason: `Unexpected error: ${(error as Error)?.message ?? String(error)}` };
}

/** For retry-safe operations (rates, refunds, tracking): a typed, classified error. */
export function shippoRequestError(operation: string, error: unknown): CarrierRequestError {
  if (error instanceof CarrierRequestError) return error;
  const statusCode =
    error instanceof ShippoError && !(error instanceof ResponseValidationError)
      ? error.statusCode
      : undefined;
  const { code, retryable } =
    error instanceof ResponseValidationError || error instanceof SDKValidationError
      ? { code: 'upstream' as const, retryable: false }
      : classifyStatus(statusCode);
  const message =
    error instanceof ShippoError
      ? `HTTP ${error.statusCode} ${error.body}`
      : ((error as Error)?.message ?? String(error));
  return new CarrierRequestError('shippo', operation, code, message, { retryable, statusCode, cause: error });
}
