// Auth-host paths: the consent link (GET /oauth/authorize legacy, GET /open/authorize service link), the
// consent form POST that redirects back to the app, and the token endpoints.
import type { IncomingMessage, ServerResponse } from 'node:http';

import { ApiFailure, readBody, redirect, sendEnvelope, sendHtml, escapeHtml } from '../http-utils';
import type { Sim } from '../sim';
import { renderConsentPage } from './consent-page';
import { findSeller, getToken, issueAuthCode, refreshToken } from './tokens';

export const AUTH_PATHS = new Set([
  '/oauth/authorize',
  '/open/authorize',
  '/api/v2/token/get',
  '/api/v2/token/refresh',
]);

function errorPage(res: ServerResponse, status: number, message: string) {
  sendHtml(res, status, `<!doctype html><title>Authorization error</title><p>${escapeHtml(message)}</p>`);
}

function withParams(base: string, params: Record<string, string>): string {
  const url = new URL(base);
  for (const [key, value] of Object.entries(params)) if (value) url.searchParams.set(key, value);
  return url.toString();
}

export async function handleAuthRequest(
  sim: Sim,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const method = req.method ?? 'GET';
  const query = url.searchParams;
  if (url.pathname.startsWith('/api/v2/token/')) {
    try {
      const data = url.pathname.endsWith('/get') ? getToken(sim, query) : refreshToken(sim, query);
      sendEnvelope(res, sim.clock.nowMs(), { code: 0, message: 'success', data });
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      sendEnvelope(res, sim.clock.nowMs(), { code: error.code, message: error.message, data: null });
    }
    return;
  }

  if (method === 'GET') {
    const knownApp =
      query.get('app_key') === sim.options.appKey || query.get('service_id') === sim.options.serviceId;
    if (!knownApp) return errorPage(res, 400, 'Unknown app_key or service_id.');
    const page = renderConsentPage({
      appKey: sim.options.appKey,
      state: (query.get('state') ?? '').trim(),
      redirectUri: query.get('redirect_uri') ?? sim.options.redirectUrl,
      sellers: [...sim.state.sellers.values()],
    });
    return sendHtml(res, 200, page);
  }
  if (method !== 'POST' || url.pathname !== '/oauth/authorize')
    return errorPage(res, 405, 'Method not allowed.');

  const form = new URLSearchParams((await readBody(req)).toString('utf8'));
  if (form.get('app_key') !== sim.options.appKey) return errorPage(res, 400, 'Unknown app_key.');
  let target: URL;
  try {
    target = new URL(form.get('redirect_uri') || sim.options.redirectUrl);
    if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new Error('scheme');
  } catch {
    return errorPage(res, 400, 'Invalid redirect_uri.');
  }
  const state = form.get('state') ?? '';
  if (form.get('decision') !== 'approve') {
    return redirect(res, withParams(target.toString(), { code: 'null', error: 'auth_denied', state }));
  }
  const code = issueAuthCode(sim, findSeller(sim, form.get('seller') ?? undefined));
  redirect(res, withParams(target.toString(), { code, state }));
}
