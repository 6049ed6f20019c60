import { authenticateEasyPost } from './easypost/auth';
import { easyPostErrorResponse, easyPostFault } from './easypost/errors';
import { easyPostJson } from './easypost/wire';
import type { ApiFace } from './http/dispatch';
import { json, type RouteApi } from './http/types';
import type { ResolvedSandboxOptions } from './options';
import { authenticateShippo } from './shippo/auth';
import { shippoError } from './shippo/respond';

// How each API authenticates, serialises and words its errors.

export function apiFaces(options: ResolvedSandboxOptions): Record<RouteApi, ApiFace> {
  return {
    shippo: {
      authenticate: (request) => authenticateShippo(request.headers, options.shippoApiKeys),
      error: (status, detail) => {
        if (status === 404) return json(404, { detail: 'Not found.' });
        if (status === 405) return json(405, { detail: `Method "${detail.method ?? ''}" not allowed.` });
        return shippoError(status, detail.retryAfterSec);
      },
      serialise: (body) => JSON.stringify(body),
    },
    easypost: {
      authenticate: (request) => authenticateEasyPost(request.headers),
      error: (status, detail) => {
        if (status === 404)
          return easyPostErrorResponse(404, 'NOT_FOUND', 'The requested resource could not be found.');
        if (status === 405)
          return easyPostErrorResponse(
            405,
            'METHOD_NOT_ALLOWED',
            `Method ${detail.method ?? ''} is not allowed.`,
          );
        return easyPostFault(status, detail.retryAfterSec);
      },
      serialise: easyPostJson,
    },
    admin: {
      authenticate: () => ({ testMode: true }),
      error: (status) =>
        json(status, {
          error: status === 404 ? 'Not found' : status === 405 ? 'Method not allowed' : 'Internal error',
        }),
      serialise: (body) => JSON.stringify(body, null, 2),
    },
  };
}
