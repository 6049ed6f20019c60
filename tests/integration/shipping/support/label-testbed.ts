import { closeDb } from '@/lib/db';
import { stopQueueRuntime } from '@/lib/queue/runtime';
import { closeShipmentLocks, configureShipping } from '@/lib/shipping';
import type { SandboxCarrier } from '@/sandbox/carrier';
import { createTenant, type TestTenant } from '@/tests/factories/tenants';
import { createShop, createSku, purgeQueuedJobs, type TestSku } from '../../pipeline/support/commerce';
import { startCarrier } from './sandbox';

export type LabelTestbed = { carrier: SandboxCarrier; tenant: TestTenant; shopId: string; sku: TestSku };

/** What the label tests buy against: a sandbox carrier, and a tenant with a shop and a SKU of 500 units. */
async function startLabelTestbed(tenantName: string): Promise<LabelTestbed> {
  const { carrier } = await startCarrier();
  const tenant = await createTenant(tenantName);
  const { shopId } = await createShop(tenant.accountId);
  const sku = await createSku(tenant.accountId, shopId, { onHand: 500 });
  return { carrier, tenant, shopId, sku };
}

/** Closes everything startLabelTestbed and the purchases opened, leaving no job for the next file. */
async function stopLabelTestbed(testbed: LabelTestbed | undefined): Promise<void> {
  configureShipping(undefined);
  await testbed?.carrier.close();
  await closeShipmentLocks();
  await purgeQueuedJobs();
  await stopQueueRuntime();
  await closeDb();
}

/**
 * The jest hooks of a label test file: the testbed started before all tests (and handed to `use`),
 * the carrier's faults cleared after each, everything closed after all.
 */
export function withLabelTestbed(tenantName: string, use: (testbed: LabelTestbed) => void): void {
  let testbed: LabelTestbed | undefined;
  beforeAll(async () => {
    testbed = await startLabelTestbed(tenantName);
    use(testbed);
  });
  afterEach(() => testbed?.carrier.faults.clear());
  afterAll(() => stopLabelTestbed(testbed));
}
