import { ZodError } from 'zod';
import { AppError } from '@/lib/errors';
import { createResendTransport, EmailSendError, type EmailTransport } from '@/lib/email/resend-transport';
import type { OutgoingEmail } from '@/lib/email/schemas';
import { ResendStandIn } from './resend-stand-in';

const email: OutgoingEmail = {
  to: 'buyer@example.com',
  subject: 'Your order #1001 has shipped',
  html: '<p>Tracking 9400111899223344556677</p>',
  text: 'Tracking 9400111899223344556677',
  idempotencyKey: 'email-outbox/7c1e0a52',
  tags: { template: 'order-shipped', account_id: 'acc_123' },
};

describe('createResendTransport against a local Resend stand-in', () => {
  let standIn: ResendStandIn;
  let baseUrl: string;
  let transport: EmailTransport;

  beforeEach(async () => {
    standIn = new ResendStandIn();
    baseUrl = await standIn.start();
    transport = createResendTransport({
      apiKey: 're_test_key',
      baseUrl,
      from: 'CreatorFlow <notifications@creatorflow.dev>',
    });
  });

  afterEach(() => standIn.stop());

  it('POSTs /emails with the key, the Idempotency-Key header and the message', async () => {
    const sent = await transport.send(email);
    expect(sent).toEqual({ providerMessageId: 'email_1' });
    expect(standIn.requests).toHaveLength(1);
    const [request] = standIn.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/emails' });
    expect(request!.headers.authorization).toBe('Bearer re_test_key');
    expect(request!.headers['idempotency-key']).toBe('email-outbox/7c1e0a52');
    expect(request!.body).toEqual({
      from: 'CreatorFlow <notifications@creatorflow.dev>',
      to: 'buyer@example.com',
      subject: 'Your order #1001 has shipped',
      html: '<p>Tracking 9400111899223344556677</p>',
      text: 'Tracking 9400111899223344556677',
      tags: [
        { name: 'template', value: 'order-shipped' },
        { name: 'account_id', value: 'acc_123' },
      ],
    });
  });

  it('a retried send with the same key is delivered once and returns the same id', async () => {
    const first = await transport.send(email);
    const retry = await transport.send(email);
    expect(retry.providerMessageId).toBe(first.providerMessageId);
    expect(standIn.requests).toHaveLength(2);
    expect(standIn.delivered).toHaveLength(1);
  });

  it('maps 429 to a retryable error and reads Retry-After', async () => {
    standIn.respondOnceWith(
      ResendStandIn.error(429, 'rate_limit_exceeded', 'Too many requests', { 'retry-after': '2' }),
    );
    const error = await transport.send(email).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EmailSendError);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      retryable: true,
      providerStatus: 429,
      providerCode: 'rate_limit_exceeded',
      retryAfterSeconds: 2,
      code: 'UPSTREAM',
    });
    // The retry then goes through.
    await expect(transport.send(email)).resolves.toEqual({ providerMessageId: 'email_1' });
  });

  it.each([
    [500, 'internal_server_error'],
    [503, 'application_error'],
  ])('maps %i to a retryable error', async (status, name) => {
    standIn.respondOnceWith(ResendStandIn.error(status, name, 'Something went wrong'));
    await expect(transport.send(email)).rejects.toMatchObject({ retryable: true, providerStatus: status });
  });

  it('maps a 502 with a non-JSON body (a proxy page) to a retryable error', async () => {
    standIn.respondOnceWith({
      status: 502,
      body: '<html>Bad gateway</html>',
      headers: { 'content-type': 'text/html' },
    });
    await expect(transport.send(email)).rejects.toMatchObject({ retryable: true, providerStatus: 502 });
  });

  it('maps 422 validation_error to a permanent error', async () => {
    standIn.respondOnceWith(ResendStandIn.error(422, 'validation_error', 'Invalid `to` field.'));
    const error = (await transport.send(email).catch((caught: unknown) => caught)) as EmailSendError;
    expect(error).toBeInstanceOf(EmailSendError);
    expect(error.retryable).toBe(false);
    expect(error.providerStatus).toBe(422);
    expect(error.message).toContain('validation_error');
  });

  it('treats a reused key with a different payload as permanent, a concurrent one as retryable', async () => {
    await transport.send(email);
    await expect(transport.send({ ...email, subject: 'Changed' })).rejects.toMatchObject({
      retryable: false,
      providerStatus: 409,
      providerCode: 'invalid_idempotent_request',
    });
    standIn.respondOnceWith(ResendStandIn.error(409, 'concurrent_idempotent_requests', 'In progress'));
    await expect(transport.send(email)).rejects.toMatchObject({ retryable: true, providerStatus: 409 });
  });

  it('maps a wrong API key (401) to a permanent error', async () => {
    const wrongKey = createResendTransport({
      apiKey: 're_wrong',
      baseUrl,
      from: 'CreatorFlow <n@creatorflow.dev>',
    });
    await expect(wrongKey.send(email)).rejects.toMatchObject({
      retryable: false,
      providerStatus: 401,
      providerCode: 'invalid_api_key',
    });
    expect(standIn.delivered).toHaveLength(0);
  });

  it('maps an unreachable API (no answer) to a retryable error', async () => {
    await standIn.stop();
    await expect(transport.send(email)).rejects.toMatchObject({ retryable: true, providerStatus: null });
  });

  it('rejects a malformed message before calling Resend', async () => {
    await expect(transport.send({ ...email, to: 'not-an-email' })).rejects.toBeInstanceOf(ZodError);
    await expect(transport.send({ ...email, tags: { 'bad tag': 'x' } })).rejects.toBeInstanceOf(ZodError);
    expect(standIn.requests).toHaveLength(0);
  });
});

describe('createResendTransport configuration', () => {
  it('requires an API key and a sender', () => {
    expect(() => createResendTransport({ apiKey: '', from: 'CreatorFlow <n@creatorflow.dev>' })).toThrow(
      /API key/,
    );
    expect(() => createResendTransport({ apiKey: 're_x', from: '' })).toThrow(ZodError);
  });
});
