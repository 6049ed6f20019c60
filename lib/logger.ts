import pino from 'pino';
import { env } from '@/lib/env';

/** Structured logs (JSON in production, one line per event). Never log secrets or addresses. */
export const logger = pino({
  level: env.LOG_LEVEL,
  base: { service: 'creatorflow' },
  redact: ['password', '*.password', 'accessToken', 'refreshToken', '*.accessToken', '*.refreshToken'],
});
