import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface ScriptedResponse {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

/**
 * A tiny local stand-in for the Resend API (`POST /emails`). It answers like Resend does:
 * 200 `{id}` for a new email, the same id again for a replayed Idempotency-Key with the same
 * body, 409 `invalid_idempotent_request` for a reused key with a different body. Tests can queue
 * scripted answers (429, 5xx, 422...) that are served first, one per request.
 */
export class ResendStandIn {
  readonly requests: RecordedRequest[] = [];
  /** Emails Resend would actually have sent (idempotent replays are not counted twice). */
  readonly delivered: Array<{ id: string; body: Record<string, unknown> }> = [];
  private readonly scripted: ScriptedResponse[] = [];
  private readonly byIdempotencyKey = new Map<string, { id: string; rawBody: string }>();
  private server: Server | undefined;

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const rawBody = Buffer.concat(chunks).toString('utf8');
        this.requests.push({
          method: request.method ?? '',
          path: request.url ?? '',
          headers: request.headers,
          body: rawBody ? JSON.parse(rawBody) : undefined,
        });
        const answer = this.answer(request.method ?? '', request.url ?? '', request.headers, rawBody);
        response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
        response.end(answer.body);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve, reject) =>
      server.close((error) => (error ? reject(error) : resolve())),
    );
  }

  /** The next request gets this answer instead of the normal behaviour. */
  respondOnceWith(response: ScriptedResponse): void {
    this.scripted.push(response);
  }

  static error(
    status: number,
    name: string,
    message: string,
    headers?: Record<string, string>,
  ): ScriptedResponse {
    return { status, body: JSON.stringify({ statusCode: status, name, message }), headers };
  }

  private answer(
    method: string,
    path: string,
    headers: IncomingHttpHeaders,
    rawBody: string,
  ): ScriptedResponse {
    const scripted = this.scripted.shift();
    if (scripted) return scripted;
    if (method !== 'POST' || path !== '/emails') return ResendStandIn.error(404, 'not_found', 'Not found');
    if (headers.authorization !== 'Bearer re_test_key') {
      return ResendStandIn.error(401, 'invalid_api_key', 'API key is invalid');
    }
    const key = headers['idempotency-key'];
    if (typeof key === 'string') {
      const seen = this.byIdempotencyKey.get(key);
      if (seen && seen.rawBody !== rawBody) {
        return ResendStandIn.error(
          409,
          'invalid_idempotent_request',
          'Same idempotency key used with a different payload',
        );
      }
      if (seen) return { status: 200, body: JSON.stringify({ id: seen.id }) };
    }
    const id = `email_${this.delivered.length + 1}`;
    this.delivered.push({ id, body: JSON.parse(rawBody) as Record<string, unknown> });
    if (typeof key === 'string') this.byIdempotencyKey.set(key, { id, rawBody });
    return { status: 200, body: JSON.stringify({ id }) };
  }
}
