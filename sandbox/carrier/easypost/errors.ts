import type { ZodError } from 'zod';
import { HttpError, json, type SandboxResponse } from '../http/types';
import { isMissing } from '../http/body';

// EasyPost error body: `{"error": {"code", "message", "errors": [...]}}`. The official client
// reads `body.error` to build its error classes, so every error must have this shape.

export function easyPostErrorResponse(
  status: number,
  code: string,
  message: string,
  errors: unknown[] = [],
): SandboxResponse {
  return json(status, { error: { code, message, errors } });
}

export function easyPostError(
  status: number,
  code: string,
  message: string,
  errors: unknown[] = [],
): HttpError {
  return new HttpError(easyPostErrorResponse(status, code, message, errors));
}

export function easyPostNotFound(): HttpError {
  return easyPostError(404, 'NOT_FOUND', 'The requested resource could not be found.');
}

export function easyPostValidationError(error: ZodError, input: unknown): HttpError {
  const errors = error.issues.map((issue) => ({
    field: issue.path.map(String).join('.'),
    message:
      issue.code === 'invalid_type' && isMissing(input, issue.path) ? 'cannot be blank' : issue.message,
  }));
  const missing = errors.some((e) => e.message === 'cannot be blank');
  return easyPostError(
    422,
    missing ? 'PARAMETER.REQUIRED' : 'PARAMETER.INVALID',
    missing ? 'Missing required parameter.' : 'Wrong parameter type.',
    errors,
  );
}

export function easyPostFault(status: number, retryAfterSec?: number): SandboxResponse {
  if (status === 429) {
    const response = easyPostErrorResponse(
      429,
      'RATE_LIMITED',
      'You have exceeded the rate limit. Please retry later.',
    );
    return { ...response, headers: { 'Retry-After': String(retryAfterSec ?? 1) } };
  }
  const code =
    status === 503 ? 'SERVICE_UNAVAILABLE' : status === 504 ? 'GATEWAY_TIMEOUT' : 'INTERNAL_SERVER_ERROR';
  return easyPostErrorResponse(status, code, 'Something went wrong on our end. Please try again later.');
}

export function parseEasyPostBody<T>(
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: ZodError } },
  body: unknown,
): T {
  const result = schema.safeParse(body);
  if (!result.success) throw easyPostValidationError(result.error, body);
  return result.data;
}
