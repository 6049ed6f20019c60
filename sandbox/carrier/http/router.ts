import type { Handler, RouteApi } from './types';

// A small method + path router. Patterns use `{name}` segments; matching is on the path
// with any trailing slash removed, so both slash variants of every route work.

export interface Route {
  api: RouteApi;
  method: string;
  pattern: string;
  /** Label used by fault rules and logs, e.g. `POST /transactions`. */
  name: string;
  handler: Handler;
  regex: RegExp;
  keys: string[];
}

export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'method_not_allowed'; api: RouteApi }
  | { kind: 'not_found' };

export function normalisePath(pathname: string): string {
  const trimmed = pathname.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

export function createRouter() {
  const routes: Route[] = [];
  return {
    add(api: RouteApi, method: string, pattern: string, handler: Handler) {
      const keys: string[] = [];
      const source = normalisePath(pattern)
        .split('/')
        .map((segment) =>
          segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{(\w+)\\?\}/g, (_m, key: string) => {
            keys.push(key);
            return '([^/]+)';
          }),
        )
        .join('/');
      routes.push({
        api,
        method,
        pattern,
        name: `${method} ${pattern}`,
        handler,
        regex: new RegExp(`^${source}$`),
        keys,
      });
    },
    match(method: string, path: string): RouteMatch {
      let sameApi: RouteApi | undefined;
      for (const route of routes) {
        const found = route.regex.exec(path);
        if (!found) continue;
        if (route.method !== method) {
          sameApi = route.api;
          continue;
        }
        const params: Record<string, string> = {};
        route.keys.forEach((key, index) => {
          params[key] = decodeURIComponent(found[index + 1] ?? '');
        });
        return { kind: 'found', route, params };
      }
      return sameApi ? { kind: 'method_not_allowed', api: sameApi } : { kind: 'not_found' };
    },
  };
}

export type Router = ReturnType<typeof createRouter>;
