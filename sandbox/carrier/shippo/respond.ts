import type { ZodError } from 'zod';
import { isMissing } from '../http/body';
import { HttpError, json, type SandboxResponse } from '../http/types';

// Shippo error bodies are Django REST Framework style: `{"detail": "..."}` for auth and
// 404, field-keyed arrays (`{"rate": ["..."]}`) for validation.

export function shippoNotFound(): HttpError {
  return new HttpError(json(404, { detail: 'Not found.' }));
}

export function shippoFieldError(field: string, message: string): HttpError {
  return new HttpError(json(400, { [field]: [message] }));
}

export function shippoValidationError(error: ZodError, input: unknown): HttpError {
  const body: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : 'non_field_errors';
    const message =
      issue.code === 'invalid_type' && isMissing(input, issue.path)
        ? 'This field is required.'
        : issue.message;
    (body[field] ??= []).push(message);
  }
  return new HttpError(json(400, body));
}

export function shippoError(status: number, retryAfterSec?: number): SandboxResponse {
  if (status === 429) {
    return json(
      429,
      { detail: `Request was throttled. Expected available in ${retryAfterSec ?? 1} seconds.` },
      {
        'Retry-After': String(retryAfterSec ?? 1),
      },
    );
  }
  return json(status, { detail: 'A server error occurred.' });
}

/** `{next, previous, results}` with `page` and `results` query parameters, as Shippo lists. */
export function paginate<T>(items: readonly T[], query: URLSearchParams, pageUrl: string): SandboxResponse {
  const page = Math.max(1, Number(query.get('page') ?? 1) || 1);
  const size = Math.min(100, Math.max(1, Number(query.get('results') ?? 25) || 25));
  const start = (page - 1) * size;
  const link = (target: number) => {
    const params = new URLSearchParams(query);
    params.set('page', String(target));
    params.set('results', String(size));
    return `${pageUrl}?${params.toString()}`;
  };
  return json(200, {
    next: start + size < items.length ? link(page + 1) : null,
    previous: page > 1 ? link(page - 1) : null,
    count: items.length,
    results: items.slice(start, start + size),
  });
}
