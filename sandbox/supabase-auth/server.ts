import { randomBytes, randomUUID, scryptSync, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { jwtVerify, SignJWT } from 'jose';
import { Pool } from 'pg';

/**
 * A small stand-in for the Supabase Auth (GoTrue) endpoints that @supabase/supabase-js calls:
 * signup (auto-confirmed), token (password and refresh_token grants), user, logout. Like the real
 * service it keeps users in auth.users of the SAME database the app uses and issues HS256 JWTs
 * shaped exactly like Supabase's (aud, role, sub, email, app_metadata, user_metadata, session_id,
 * aal, amr, iss), signed with the project's JWT secret. For tests and local experiments only.
 */
export type SupabaseAuthStandIn = { url: string; jwtSecret: string; close: () => Promise<void> };

type UserRow = {
  id: string;
  email: string;
  encrypted_password: string | null;
  raw_app_meta_data: Record<string, unknown>;
  raw_user_meta_data: Record<string, unknown>;
  created_at: Date;
};

const hashPassword = (password: string) => {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('base64')}$${scryptSync(password, salt, 32).toString('base64')}`;
};
const passwordMatches = (stored: string | null, password: string) => {
  const [scheme, salt, hash] = stored?.split('$') ?? [];
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  return timingSafeEqual(scryptSync(password, Buffer.from(salt, 'base64'), 32), Buffer.from(hash, 'base64'));
};

async function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

function send(response: ServerResponse, status: number, body?: unknown) {
  response.writeHead(status, { 'content-type': 'application/json', 'x-supabase-api-version': '2024-01-01' });
  response.end(body === undefined ? undefined : JSON.stringify(body));
}
const authError = (response: ServerResponse, status: number, errorCode: string, msg: string) =>
  send(response, status, { code: status, error_code: errorCode, msg });

export async function startSupabaseAuthStandIn(options: {
  databaseUrl: string;
  jwtSecret?: string;
  anonKey: string;
  accessTokenTtlSeconds?: number;
}): Promise<SupabaseAuthStandIn> {
  const pool = new Pool({ connectionString: options.databaseUrl, max: 4 });
  const jwtSecret = options.jwtSecret ?? randomBytes(32).toString('hex');
  const secretKey = new TextEncoder().encode(jwtSecret);
  const ttl = options.accessTokenTtlSeconds ?? 3600;
  const refreshTokens = new Map<string, { userId: string; sessionId: string }>();
  const revokedSessions = new Set<string>();
  let baseUrl = '';

  const toUser = (row: UserRow) => ({
    id: row.id,
    aud: 'authenticated',
    role: 'authenticated',
    email: row.email,
    email_confirmed_at: row.created_at.toISOString(),
    confirmed_at: row.created_at.toISOString(),
    phone: '',
    app_metadata: row.raw_app_meta_data ?? {},
    user_metadata: row.raw_user_meta_data ?? {},
    identities: [],
    created_at: row.created_at.toISOString(),
    updated_at: row.created_at.toISOString(),
    is_anonymous: false,
  });

  async function issueSession(row: UserRow, sessionId: string = randomUUID()) {
    const now = Math.floor(Date.now() / 1000);
    const accessToken = await new SignJWT({
      aud: 'authenticated',
      role: 'authenticated',
      email: row.email,
      phone: '',
      app_metadata: row.raw_app_meta_data ?? {},
      user_metadata: row.raw_user_meta_data ?? {},
      aal: 'aal1',
      amr: [{ method: 'password', timestamp: now }],
      session_id: sessionId,
      is_anonymous: false,
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(`${baseUrl}/auth/v1`)
      .setSubject(row.id)
      .setIssuedAt(now)
      .setExpirationTime(now + ttl)
      .sign(secretKey);
    const refreshToken = randomBytes(16).toString('hex');
    refreshTokens.set(refreshToken, { userId: row.id, sessionId });
    return {
      access_token: accessToken,
      token_type: 'bearer',
      expires_in: ttl,
      expires_at: now + ttl,
      refresh_token: refreshToken,
      user: toUser(row),
    };
  }

  const findUser = async (where: 'email' | 'id', value: string) =>
    (
      await pool.query<UserRow>(
        `select id, email, encrypted_password, raw_app_meta_data, raw_user_meta_data, created_at from auth.users where ${
          where === 'email' ? 'lower(email) = lower($1)' : 'id = $1'
        }`,
        [value],
      )
    ).rows[0];

  async function userFromBearer(request: IncomingMessage) {
    const token = request.headers.authorization?.replace(/^Bearer /, '');
    if (!token) return null;
    try {
      const { payload } = await jwtVerify(token, secretKey, { audience: 'authenticated' });
      if (revokedSessions.has(String(payload.session_id))) return null;
      return { row: await findUser('id', String(payload.sub)), sessionId: String(payload.session_id) };
    } catch {
      return null;
    }
  }

  const server = createServer(async (request, response) => {
    try {
      if (request.headers.apikey !== options.anonKey) return authError(response, 401, 'no_api_key', 'Invalid API key');
      const url = new URL(request.url ?? '/', 'http://stand-in');
      const route = `${request.method} ${url.pathname}`;
      if (route === 'POST /auth/v1/signup') {
        const body = await readBody(request);
        const email = String(body.email ?? '').toLowerCase();
        const password = String(body.password ?? '');
        if (!email.includes('@') || password.length < 6) return authError(response, 422, 'validation_failed', 'Invalid email or password');
        if (await findUser('email', email)) return authError(response, 422, 'user_already_exists', 'User already registered');
        const inserted = await pool.query<UserRow>(
          `insert into auth.users (email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data)
           values ($1, $2, now(), $3, $4)
           returning id, email, encrypted_password, raw_app_meta_data, raw_user_meta_data, created_at`,
          [email, hashPassword(password), { provider: 'email', providers: ['email'] }, body.data ?? {}],
        );
        return send(response, 200, await issueSession(inserted.rows[0]!));
      }
      if (route === 'POST /auth/v1/token') {
        const body = await readBody(request);
        if (url.searchParams.get('grant_type') === 'password') {
          const row = await findUser('email', String(body.email ?? ''));
          if (!row || !passwordMatches(row.encrypted_password, String(body.password ?? ''))) {
            return authError(response, 400, 'invalid_credentials', 'Invalid login credentials');
          }
          return send(response, 200, await issueSession(row));
        }
        if (url.searchParams.get('grant_type') === 'refresh_token') {
          const held = refreshTokens.get(String(body.refresh_token ?? ''));
          if (!held || revokedSessions.has(held.sessionId)) {
            return authError(response, 400, 'refresh_token_not_found', 'Invalid Refresh Token');
          }
          refreshTokens.delete(String(body.refresh_token));
          return send(response, 200, await issueSession((await findUser('id', held.userId))!, held.sessionId));
        }
        return authError(response, 400, 'unsupported_grant_type', 'Unsupported grant type');
      }
      if (route === 'GET /auth/v1/user') {
        const found = await userFromBearer(request);
        if (!found?.row) return authError(response, 403, 'bad_jwt', 'invalid JWT');
        return send(response, 200, toUser(found.row));
      }
      if (route === 'POST /auth/v1/logout') {
        const found = await userFromBearer(request);
        if (found) revokedSessions.add(found.sessionId);
        response.writeHead(204).end();
        return;
      }
      authError(response, 404, 'not_found', `No route ${route}`);
    } catch (error) {
      authError(response, 500, 'unexpected_failure', (error as Error).message);
    }
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: baseUrl,
    jwtSecret,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}
