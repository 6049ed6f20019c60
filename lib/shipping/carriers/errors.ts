import type { CarrierName } from './types';

// Raised by getRates / refund / track (operations that are safe to retry) and for bad
// input. `purchase` never throws for provider trouble: it returns an outcome instead.

export type CarrierErrorCode =
  'invalid_input' | 'unauthorized' | 'rate_limited' | 'rejected' | 'not_found' | 'upstream' | 'timeout';

export class CarrierRequestError extends Error {
  override readonly name = 'CarrierRequestError';

  constructor(
    readonly carrier: CarrierName,
    readonly operation: string,
    readonly code: CarrierErrorCode,
    message: string,
    readonly details: { retryable: boolean; statusCode?: number; cause?: unknown },
  ) {
    super(`${carrier} ${operation}: ${message}`, { cause: details.cause });
  }

  get retryable(): boolean {
    return this.details.retryable;
  }
}

/** Maps an HTTP status (or none: network / timeout) to an error code and retryability. */
export function classifyStatus(statusCode: number | undefined): {
  code: CarrierErrorCode;
  retryable: boolean;
} {
  if (statusCode === undefined) return { code: 'timeout', retryable: true };
  if (statusCode === 401 || statusCode === 403) return { code: 'unauthorized', retryable: false };
  if (statusCode === 404) return { code: 'not_found', retryable: false };
  if (statusCode === 429) return { code: 'rate_limited', retryable: true };
  if (statusCode === 408 || statusCode >= 500) return { code: 'upstream', retryable: true };
  return { code: 'rejected', retryable: false };
}
