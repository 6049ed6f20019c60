// Points this Jest worker at its own database, created by global-setup from the migrated template.
const base = process.env.TEST_DATABASE_BASE_URL;
if (!base) throw new Error('TEST_DATABASE_BASE_URL is not set: run integration tests through Jest global setup');
process.env.DATABASE_URL = `${base}/cf_test_${process.env.JEST_WORKER_ID ?? '1'}`;
