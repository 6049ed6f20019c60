// Bun preload for scripts that run server code outside Next.js (seed, worker, benchmarks).
// Next resolves `server-only` to an empty module in server code; outside Next the package's
// default entry throws. This maps it to an empty module and nothing else, so react-dom/server
// (React Email rendering) keeps its normal Node entry, which `--conditions react-server` would break.
type PluginBuilder = {
  module(specifier: string, load: () => { exports: Record<string, unknown>; loader: 'object' }): void;
};
type BunRuntime = { plugin(plugin: { name: string; setup(build: PluginBuilder): void }): void };

const { Bun } = globalThis as unknown as { Bun: BunRuntime };

Bun.plugin({
  name: 'server-only',
  setup(build) {
    build.module('server-only', () => ({ exports: {}, loader: 'object' }));
  },
});

export {};
