import { CarrierRequestError, classifyStatus } from './errors';

// `@easypost/api` throws ApiError subclasses ({statusCode, code, message}) for HTTP errors,
// and raw superagent errors (no statusCode) for timeouts and connection failures.

export interface EasyPostErrorParts {
  statusCode: number | undefined;
  code: string | undefined;
  message: string;
}

export function easyPostErrorParts(error: unknown): EasyPostErrorParts {
  const value = error as { statusCode?: unknown; code?: unknown; message?: unknown } | undefined;
  const statusCode = typeof value?.statusCode === 'number' ? value.statusCode : undefined;
  return {
    statusCode,
    // Without a status, `code` is a socket code (ECONNREFUSED), not an EasyPost error code.
    code: statusCode !== undefined && typeof value?.code === 'string' ? value.code : undefined,
    message: typeof value?.message === 'string' ? value.message : String(error),
  };
}

/** EasyPost codes that say "the purchase may have happened or may still happen". */
export const AMBIGUOUS_PURCHASE_CODES: ReadonlySet<string> = new Set([
  'SHIPMENT.POSTAGE.EXISTS',
  'SHIPMENT.POSTAGE.TIMED_OUT',
  'SHIPMENT.POSTAGE.NO_RESPONSE',
  'SHIPMENT.PURCHASE.IN_PROGRESS',
]);

export function easyPostRequestError(operation: string, error: unknown): CarrierRequestError {
  if (error instanceof CarrierRequestError) return error;
  const { statusCode, code: apiCode, message } = easyPostErrorParts(error);
  const { code, retryable } = classifyStatus(statusCode);
  const text = apiCode ? `${apiCode}: ${message}` : message;
  return new CarrierRequestError('easypost', operation, code, text, { retryable, statusCode, cause: error });
}
