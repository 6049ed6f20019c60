export { getDb, getPool, closeDb, type Database, type Tx, type DbOrTx } from './client';
export { withRls, asSystem, systemDb, type JwtClaims } from './rls';
export { rowFromDriver } from './driver-rows';
export { inPairs, anyOf } from './in-pairs';
export { insertJsonRows } from './json-rows';
export { coalesce } from './coalesce';
export * as tables from './schema';
