import type { IncomingHttpHeaders } from 'node:http';
import { easyPostError } from './errors';

// HTTP Basic with the API key as user name and no password (what `@easypost/api` sends via
// superagent's `request.auth(key)`); `Bearer <key>` is tolerated. `EZAK...` keys are
// production mode, anything else test mode.

export function authenticateEasyPost(headers: IncomingHttpHeaders): { testMode: boolean } {
  const header = headers.authorization?.trim() ?? '';
  let key = '';
  if (/^Basic\s+/i.test(header)) {
    const decoded = Buffer.from(header.replace(/^Basic\s+/i, ''), 'base64').toString('utf8');
    key = decoded.split(':')[0] ?? '';
  } else if (/^Bearer\s+/i.test(header)) {
    key = header.replace(/^Bearer\s+/i, '');
  }
  if (!key) {
    throw easyPostError(
      401,
      'APIKEY.REQUIRED',
      'No API key provided. Use HTTP Basic auth with your API key as the user name.',
    );
  }
  return { testMode: !key.startsWith('EZAK') };
}
