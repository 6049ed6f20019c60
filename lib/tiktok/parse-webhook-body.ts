// Turns a verified webhook body into a typed event without losing 64-bit IDs.
// The official type-5 sample sends `"product_id": 576486316948490000` unquoted; plain JSON.parse would round it.
import { z } from 'zod';

import {
  TOPIC_BY_TYPE,
  webhookDataSchemas,
  webhookEnvelopeSchema,
  type TikTokWebhookEvent,
} from './webhook-schemas';

/**
 * Wraps in quotes every bare integer literal outside strings whose value exceeds Number.MAX_SAFE_INTEGER,
 * then parses. Strings, decimals and safe integers (timestamps, types) are left as they are.
 * Throws SyntaxError on invalid JSON, like JSON.parse.
 */
export function parseWebhookBody(raw: string): unknown {
  let out = '';
  let index = 0;
  while (index < raw.length) {
    const char = raw[index]!;
    if (char === '"') {
      const end = endOfString(raw, index);
      out += raw.slice(index, end);
      index = end;
    } else if (char === '-' || (char >= '0' && char <= '9')) {
      const match = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(raw.slice(index, index + 400));
      const literal = match ? match[0] : char;
      const isBigInteger = match && !match[1] && !match[2] && !Number.isSafeInteger(Number(literal));
      out += isBigInteger ? `"${literal}"` : literal;
      index += literal.length;
    } else {
      out += char;
      index += 1;
    }
  }
  return JSON.parse(out);
}

/** Index just past the closing quote of the string starting at `start` (or the end on broken input). */
function endOfString(raw: string, start: number): number {
  let index = start + 1;
  while (index < raw.length) {
    if (raw[index] === '\\') index += 2;
    else if (raw[index] === '"') return index + 1;
    else index += 1;
  }
  return raw.length;
}

export type ParseWebhookResult =
  | { ok: true; event: TikTokWebhookEvent }
  | { ok: false; error: string; stage?: 'envelope' | 'data' };

/** Parses and validates a webhook body (after `verifyWebhookSignature`). Never throws. */
export function parseWebhookEvent(raw: string): ParseWebhookResult {
  let json: unknown;
  try {
    json = parseWebhookBody(raw);
  } catch {
    return { ok: false, error: 'body is not valid JSON' };
  }
  return parseWebhookJson(json);
}

/**
 * Validates an already-parsed body (e.g. a stored event's payload) into a typed event. `stage` tells an
 * unreadable envelope (the request itself is malformed) from a known topic whose `data` does not fit.
 */
export function parseWebhookJson(json: unknown): ParseWebhookResult {
  const envelope = webhookEnvelopeSchema.safeParse(json);
  if (!envelope.success) {
    return { ok: false, stage: 'envelope', error: `invalid envelope: ${z.prettifyError(envelope.error)}` };
  }

  const { data, ...head } = envelope.data;
  const topic = TOPIC_BY_TYPE.get(head.type);
  if (!topic) return { ok: true, event: { ...head, topic: 'UNKNOWN', data } };

  const parsed = webhookDataSchemas[topic].safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      stage: 'data',
      error: `invalid data for type ${head.type}: ${z.prettifyError(parsed.error)}`,
    };
  }
  return { ok: true, event: { ...head, topic, data: parsed.data } as TikTokWebhookEvent };
}
