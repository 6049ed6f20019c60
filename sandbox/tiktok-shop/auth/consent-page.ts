// The seller-facing consent page of the legacy authorize link (spec §2.1, §11.2), plain HTML with a form.
import { escapeHtml } from '../http-utils';
import type { SimSeller } from '../types';

export interface ConsentPageInput {
  appKey: string;
  state: string;
  redirectUri: string;
  sellers: SimSeller[];
}

export function renderConsentPage({ appKey, state, redirectUri, sellers }: ConsentPageInput): string {
  const options = sellers
    .map(
      (seller) =>
        `<option value="${escapeHtml(seller.openId)}">${escapeHtml(seller.name)} (${escapeHtml(seller.region)})</option>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Authorize app - TikTok Shop (simulator)</title>
<style>
body{font-family:system-ui,sans-serif;background:#f8f8f8;margin:0;display:grid;place-items:center;min-height:100vh}
main{background:#fff;border-radius:12px;padding:32px;max-width:420px;box-shadow:0 2px 12px #0002}
h1{font-size:1.3rem;margin-top:0}button{font-size:1rem;padding:10px 18px;border-radius:8px;border:0;cursor:pointer;margin-right:8px}
.approve{background:#fe2c55;color:#fff}.reject{background:#eee}label{display:block;margin:16px 0 6px}select{width:100%;padding:8px}
small{color:#666}
</style></head>
<body><main>
<h1>Authorize CreatorFlow to access your TikTok Shop</h1>
<p>The app will be able to read your orders and products, update inventory and push tracking numbers.</p>
<form method="post" action="/oauth/authorize">
<input type="hidden" name="app_key" value="${escapeHtml(appKey)}">
<input type="hidden" name="state" value="${escapeHtml(state)}">
<input type="hidden" name="redirect_uri" value="${escapeHtml(redirectUri)}">
<label for="seller">Seller account</label>
<select id="seller" name="seller">${options}</select>
<p><button class="approve" type="submit" name="decision" value="approve">Approve</button>
<button class="reject" type="submit" name="decision" value="reject">Reject</button></p>
<small>TikTok Shop simulator - no real account is involved.</small>
</form>
</main></body></html>`;
}
