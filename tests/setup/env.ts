// Runs before every test file. Tests use the same local defaults as `bun run dev`
// (lib/env.ts has a working default for every variable), plus NODE_ENV=test.
Object.assign(process.env, { NODE_ENV: 'test', LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' });
