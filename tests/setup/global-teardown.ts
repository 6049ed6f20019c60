import { rm } from 'node:fs/promises';

export default async function globalTeardown(): Promise<void> {
  const database = globalThis.__testDatabase;
  await database?.stop();
  if (database) await rm(database.dataDir, { recursive: true, force: true });
}
