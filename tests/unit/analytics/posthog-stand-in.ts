import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

export interface CapturedEvent {
  event: string;
  distinct_id: string;
  properties: Record<string, unknown>;
  timestamp?: string;
  uuid?: string;
}

export interface ReceivedBatch {
  api_key: string;
  batch: CapturedEvent[];
  sent_at?: string;
}

/**
 * A local stand-in for PostHog's capture API. posthog-node POSTs `{api_key, batch, sent_at}` to
 * `<host>/batch/`, gzip-compressed by default; this server decodes it and records every request,
 * so tests can also assert that nothing else (flags, remote config) was called.
 */
export class PostHogStandIn {
  readonly batches: ReceivedBatch[] = [];
  readonly paths: string[] = [];
  private server: Server | undefined;

  get events(): CapturedEvent[] {
    return this.batches.flatMap((batch) => batch.batch);
  }

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        this.paths.push(`${request.method} ${request.url}`);
        if (request.method === 'POST' && request.url === '/batch/') {
          const raw = Buffer.concat(chunks);
          const body = request.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
          this.batches.push(JSON.parse(body.toString('utf8')) as ReceivedBatch);
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ status: 1 }));
          return;
        }
        response.writeHead(404).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
