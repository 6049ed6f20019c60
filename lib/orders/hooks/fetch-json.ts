/** The error body every API route answers with (lib/errors/http.ts). */
export type ApiErrorBody = { error?: { code?: string; message?: string; details?: unknown } };

/** A failed API call, with the server's message and details kept for the UI to show. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | undefined,
    readonly details: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** fetch + JSON with the API's error shape turned into an ApiError (network failures too). */
export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      headers: {
        accept: 'application/json',
        ...(init?.body ? { 'content-type': 'application/json' } : {}),
        ...init?.headers,
      },
    });
  } catch {
    throw new ApiError(
      'Could not reach the server. Check your connection and try again.',
      0,
      'NETWORK',
      undefined,
    );
  }
  const body = (await response.json().catch(() => undefined)) as (T & ApiErrorBody) | undefined;
  if (!response.ok) {
    const message =
      body?.error?.message ?? (response.status === 404 ? 'Not found' : `Request failed (${response.status})`);
    throw new ApiError(message, response.status, body?.error?.code, body?.error?.details);
  }
  return body as T;
}

/** "status: Invalid option" lines from a VALIDATION error's details, for an error message. */
export function describeApiError(error: unknown): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : 'Something went wrong';
  const details = Array.isArray(error.details)
    ? error.details
        .map((detail) =>
          detail && typeof detail === 'object' && 'message' in detail
            ? `${'path' in detail && detail.path ? `${String(detail.path)}: ` : ''}${String(detail.message)}`
            : null,
        )
        .filter(Boolean)
    : [];
  return details.length ? `${error.message} (${details.join('; ')})` : error.message;
}
