import type { FormObject } from './form';
import type { HandlerResult } from './http';
import type { StandInState } from './state';

export type RouteContext = {
  state: StandInState;
  /** Decoded form parameters (query string for GET/DELETE, body for POST) on `/v1` routes. */
  params: FormObject;
  /** `:name` segments of the route path. */
  path: Record<string, string>;
  url: URL;
  /** Raw body, for the JSON control endpoints. */
  body: string;
};

/**
 * `api`: Stripe's REST surface (Bearer secret key, form parameters, idempotency keys).
 * `page`: hosted pages a browser opens (Checkout, portal, invoice). `control`: `/__sandbox`, JSON.
 */
export type RouteKind = 'api' | 'page' | 'control';

export type Route = {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  kind: RouteKind;
  handle: (context: RouteContext) => HandlerResult | Promise<HandlerResult>;
};

type CompiledRoute = Route & { pattern: RegExp; names: string[] };

export const compileRoutes = (routes: Route[]): CompiledRoute[] =>
  routes.map((route) => {
    const names: string[] = [];
    const source = route.path.replace(/:([a-z_]+)/g, (_match, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    return { ...route, pattern: new RegExp(`^${source}/?$`), names };
  });

export const matchRoute = (routes: CompiledRoute[], method: string, pathname: string) => {
  let pathMatched = false;
  for (const route of routes) {
    const match = route.pattern.exec(pathname);
    if (!match) continue;
    pathMatched = true;
    if (route.method !== method) continue;
    const path: Record<string, string> = {};
    route.names.forEach((name, index) => {
      path[name] = decodeURIComponent(match[index + 1] ?? '');
    });
    return { route, path, pathMatched };
  }
  return { route: null, path: {}, pathMatched };
};
