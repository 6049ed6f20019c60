import type { SandboxContext } from '../core/context';
import { shippoId } from '../core/ids';
import type { Json } from '../core/state';
import { json, type Handler } from '../http/types';
import { parseShippoBody } from './parse';
import { paginate, shippoNotFound } from './respond';
import { webhookInputSchema } from './schemas';

// Webhook registrations (beta in Shippo's API). The URL is kept verbatim, query included.

export function registerShippoWebhook(
  ctx: SandboxContext,
  input: { event: string; url: string; active?: boolean; is_test?: boolean },
): Json {
  const now = ctx.nowIso();
  const webhook: Json = {
    object_id: shippoId(),
    object_created: now,
    object_updated: now,
    object_owner: ctx.options.objectOwner,
    event: input.event,
    url: input.url,
    active: input.active ?? true,
    is_test: input.is_test ?? true,
  };
  ctx.state.shippo.webhooks.set(webhook.object_id as string, webhook);
  return webhook;
}

export function webhookRoutes(ctx: SandboxContext): Record<string, Handler> {
  const find = (id: string | undefined) => {
    const webhook = ctx.state.shippo.webhooks.get(id ?? '');
    if (!webhook) throw shippoNotFound();
    return webhook;
  };
  return {
    'POST /webhooks': (req) =>
      json(201, registerShippoWebhook(ctx, parseShippoBody(webhookInputSchema, req.body))),
    'GET /webhooks': (req) =>
      paginate([...ctx.state.shippo.webhooks.values()], req.query, `${req.baseUrl}/webhooks`),
    'GET /webhooks/{id}': (req) => json(200, find(req.params.id)),
    'PUT /webhooks/{id}': (req) => {
      const webhook = find(req.params.id);
      Object.assign(webhook, parseShippoBody(webhookInputSchema, req.body), { object_updated: ctx.nowIso() });
      return json(200, webhook);
    },
    'DELETE /webhooks/{id}': (req) => {
      find(req.params.id);
      ctx.state.shippo.webhooks.delete(req.params.id ?? '');
      return { status: 204 };
    },
  };
}
