import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RouteHandler = (request: Request) => Promise<Response>;

async function toRequest(message: IncomingMessage, base: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of message) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [key, value] of Object.entries(message.headers)) {
    if (typeof value === 'string') headers.set(key, value);
    else if (Array.isArray(value)) for (const item of value) headers.append(key, item);
  }
  const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
  return new Request(new URL(message.url ?? '/', base), { method: message.method, headers, body: message.method === 'GET' ? undefined : body });
}

/**
 * Serves the app's real route handlers (POST functions of app/api/**\/route.ts) on a free port, so
 * simulators deliver their webhooks over HTTP exactly as they would to Next.js.
 */
export async function serveRoutes(routes: Record<string, RouteHandler>): Promise<{ url: string; close(): Promise<void>; server: Server }> {
  let base = '';
  const server = createServer((message, response) => {
    const path = new URL(message.url ?? '/', 'http://local').pathname;
    const handler = routes[path];
    if (!handler || message.method !== 'POST') {
      response.writeHead(404).end();
      return;
    }
    toRequest(message, base)
      .then(handler)
      .then(async (answer) => {
        response.writeHead(answer.status, Object.fromEntries(answer.headers.entries()));
        response.end(Buffer.from(await answer.arrayBuffer()));
      })
      .catch((error: unknown) => {
        response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Polls until `check` returns a truthy value (bounded; no timing is asserted). */
export async function waitFor<T>(check: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
