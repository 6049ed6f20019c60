import { readRawBody } from '@/lib/billing/read-raw-body';

const streamOf = (chunks: string[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });

describe('readRawBody', () => {
  it('returns the exact bytes sent', async () => {
    const body = '{"id":"evt_1","note":"caf\u00e9 \u2603"}';
    const bytes = await readRawBody(new Request('http://x/', { method: 'POST', body }), 1024);
    expect(new TextDecoder().decode(bytes)).toBe(body);
  });

  it('refuses a declared Content-Length over the cap without reading', async () => {
    const request = new Request('http://x/', {
      method: 'POST',
      body: 'x',
      headers: { 'content-length': '2048' },
    });
    await expect(readRawBody(request, 1024)).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      status: 413,
    });
  });

  it('refuses a streamed body once it grows past the cap', async () => {
    const request = new Request('http://x/', {
      method: 'POST',
      body: streamOf(['a'.repeat(600), 'b'.repeat(600)]),
      // @ts-expect-error Node's fetch needs duplex for a streamed request body
      duplex: 'half',
    });
    await expect(readRawBody(request, 1024)).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('reads an empty body as zero bytes', async () => {
    expect((await readRawBody(new Request('http://x/', { method: 'POST' }))).byteLength).toBe(0);
  });
});
