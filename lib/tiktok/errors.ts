// One error type for every failure of a TikTok Shop call, with a closed `kind` that callers switch on.
// The mapping follows spec §4.2 (cross-cutting codes) and the endpoint codes of §7 and §8.

export const TIKTOK_ERROR_KINDS = [
  'BAD_SIGN',
  'EXPIRED_TOKEN',
  'INVALID_TOKEN',
  'INVALID_GRANT',
  'MISSING_SCOPE',
  'RATE_LIMITED',
  'MISSING_SHOP_CIPHER',
  'SHOP_MISMATCH',
  'INVALID_PARAMS',
  'INTERNAL',
  'NETWORK',
  'CIRCUIT_OPEN',
  'INVALID_RESPONSE',
  'ALREADY_SHIPPED',
  'ORDER_CANCELLED',
  'DUPLICATE_TRACKING',
  'INVALID_TRACKING',
  'NOT_SHIPPED',
  'ALREADY_DELIVERED',
  'TRACKING_UPDATE_WINDOW_CLOSED',
  'INVALID_STATUS',
  'PRODUCT_NOT_FOUND',
  'PRODUCT_STATUS_NOT_ALLOWED',
  'SKU_NOT_FOUND',
  'WAREHOUSE_NOT_FOUND',
  'NO_SHIPPING_PROVIDERS',
  'UNKNOWN',
] as const;
export type TikTokErrorKind = (typeof TIKTOK_ERROR_KINDS)[number];

const KIND_BY_CODE: Readonly<Record<number, TikTokErrorKind>> = {
  106001: 'BAD_SIGN',
  105001: 'INVALID_TOKEN',
  105002: 'EXPIRED_TOKEN',
  105005: 'MISSING_SCOPE',
  36009002: 'RATE_LIMITED',
  36009003: 'INTERNAL',
  36009007: 'INTERNAL', // gateway timeout: the same request may succeed later
  106013: 'MISSING_SHOP_CIPHER',
  101000: 'SHOP_MISMATCH',
  // Auth host (observed, undocumented): invalid auth code, unknown refresh token, expired refresh token.
  36004004: 'INVALID_GRANT',
  36004005: 'INVALID_GRANT',
  36004001: 'INVALID_GRANT',
  // Fulfillment.
  21011040: 'ALREADY_SHIPPED',
  21008099: 'ALREADY_SHIPPED',
  21011020: 'ALREADY_SHIPPED',
  21011041: 'ORDER_CANCELLED',
  21011025: 'DUPLICATE_TRACKING',
  21011022: 'INVALID_TRACKING',
  21004015: 'INVALID_TRACKING',
  21011043: 'NOT_SHIPPED',
  21011030: 'ALREADY_DELIVERED',
  21011050: 'TRACKING_UPDATE_WINDOW_CLOSED',
  21011051: 'TRACKING_UPDATE_WINDOW_CLOSED',
  10007002: 'INVALID_STATUS',
  21008116: 'NO_SHIPPING_PROVIDERS',
  21008117: 'NO_SHIPPING_PROVIDERS',
  // Products and inventory.
  12052031: 'PRODUCT_NOT_FOUND',
  12052032: 'PRODUCT_NOT_FOUND',
  12052901: 'PRODUCT_STATUS_NOT_ALLOWED',
  12052556: 'SKU_NOT_FOUND',
  12052097: 'WAREHOUSE_NOT_FOUND',
};

const RETRYABLE_KINDS: ReadonlySet<TikTokErrorKind> = new Set(['RATE_LIMITED', 'INTERNAL', 'NETWORK']);

/** 36009004 is TikTok's catch-all; the message tells a bad token apart from a bad parameter. */
const TOKEN_MESSAGE = /access[_-]token/i;

/** Maps a TikTok `code` (and the HTTP status when the body had none) to a kind. */
export function kindFromCode(code: number | undefined, httpStatus: number, message = ''): TikTokErrorKind {
  if (code !== undefined && code !== 0) {
    const known = KIND_BY_CODE[code];
    if (known) return known;
    if (code === 36009004) return TOKEN_MESSAGE.test(message) ? 'INVALID_TOKEN' : 'INVALID_PARAMS';
  }
  if (httpStatus === 429) return 'RATE_LIMITED';
  if (httpStatus >= 500) return 'INTERNAL';
  return 'UNKNOWN';
}

export interface TikTokApiErrorInit {
  kind: TikTokErrorKind;
  message: string;
  /** TikTok's `code`; 0 when the failure happened before a TikTok answer (network, circuit, parse). */
  code?: number;
  httpStatus?: number;
  requestId?: string;
  /** From `Retry-After`, when the server sent one. */
  retryAfterMs?: number;
  /** Which call failed, e.g. `POST /order/202309/orders/search`. */
  endpoint?: string;
  cause?: unknown;
}

export class TikTokApiError extends Error {
  readonly kind: TikTokErrorKind;
  readonly code: number;
  readonly httpStatus: number | undefined;
  readonly requestId: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly endpoint: string | undefined;
  /** True when the same request may succeed later unchanged (rate limit, 5xx, network). */
  readonly retryable: boolean;

  constructor(init: TikTokApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'TikTokApiError';
    this.kind = init.kind;
    this.code = init.code ?? 0;
    this.httpStatus = init.httpStatus;
    this.requestId = init.requestId;
    this.retryAfterMs = init.retryAfterMs;
    this.endpoint = init.endpoint;
    this.retryable = RETRYABLE_KINDS.has(init.kind);
  }
}

export function isTikTokApiError(error: unknown): error is TikTokApiError {
  return error instanceof TikTokApiError;
}

/** Parses `Retry-After` (delta seconds or an HTTP date) into milliseconds from `nowMs`. */
export function parseRetryAfter(header: string | null, nowMs: number): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
