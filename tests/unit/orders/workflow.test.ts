import { WORKFLOW_STATUSES } from '@/lib/db/schema/orders';
import { checkConditions, orderDataProblems, recipientProblems } from '@/lib/orders/workflow/conditions';
import { decideNextStep, tiktokChangeMayMove } from '@/lib/orders/workflow/decide-next-step';
import { ORDER_STATUSES } from '@/lib/tiktok/constants';
import { ACTION_NAMES, TRANSITIONS, WORKFLOW_EVENTS, targetOf } from '@/lib/orders/workflow/transitions';
import { snapshot } from './snapshot-factory';

describe('the transition table', () => {
  test('every event is defined once, from real statuses, with known actions', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...WORKFLOW_EVENTS].sort());
    for (const def of Object.values(TRANSITIONS)) {
      for (const from of def.from) expect(WORKFLOW_STATUSES).toContain(from);
      if (def.to !== 'unchanged') expect(WORKFLOW_STATUSES).toContain(def.to);
      for (const action of def.actions) expect(ACTION_NAMES).toContain(action);
    }
  });

  test('the happy path leads from new to completed', () => {
    const path: [Parameters<typeof targetOf>[0], string][] = [
      ['validate', 'new'], ['reserve_inventory', 'validated'], ['label_purchased', 'inventory_reserved'], ['ship', 'ready_to_ship'], ['deliver', 'shipped'],
    ];
    expect(path.map(([event, from]) => targetOf(event, from as never))).toEqual(['validated', 'inventory_reserved', 'ready_to_ship', 'shipped', 'completed']);
  });

  test('nothing leaves a final state except a person retrying a failed order', () => {
    for (const final of ['completed', 'cancelled'] as const) {
      expect(Object.values(TRANSITIONS).filter((def) => def.from.includes(final))).toEqual([]);
    }
    expect(Object.values(TRANSITIONS).filter((def) => def.from.includes('failed')).map((def) => [def.event, def.sources])).toEqual([['retry', ['user']]]);
  });

  test('cancellation is possible until the parcel ships, never after', () => {
    expect(TRANSITIONS.cancel.from).toEqual(['new', 'validated', 'inventory_reserved', 'ready_to_ship']);
    expect(targetOf('cancel', 'shipped')).toBeUndefined();
    expect(TRANSITIONS.cancel.actions).toEqual(['release_stock', 'void_label']);
  });

  test('flag-only events guard on the flag, so applying them twice changes nothing twice', () => {
    expect(TRANSITIONS.backorder).toMatchObject({ to: 'unchanged', guard: { backordered: false }, set: { backordered: true } });
    expect(TRANSITIONS.hold).toMatchObject({ guard: { onHoldForReview: false }, set: { onHoldForReview: true } });
    expect(TRANSITIONS.release).toMatchObject({ guard: { onHoldForReview: true }, set: { onHoldForReview: false } });
  });
});

describe('conditions', () => {
  test('unknown SKUs and empty orders are data problems', () => {
    expect(orderDataProblems(snapshot())).toEqual([]);
    expect(orderDataProblems(snapshot({ items: [] }))).toEqual(['the order has no line items']);
    const unknown = snapshot({ items: [{ ...snapshot().items[0]!, skuId: null, sellerSku: 'GHOST' }] });
    expect(orderDataProblems(unknown)).toEqual(['unknown SKU: GHOST']);
  });

  test('a label needs a full recipient', () => {
    expect(recipientProblems(snapshot({ order: { recipient: null } }))).toEqual(['no recipient address yet']);
    const partial = snapshot({ order: { recipient: { name: 'J', addressLine1: '', city: 'X', state: 'CA', postalCode: '', country: 'US' } } });
    expect(recipientProblems(partial)).toEqual(['recipient address lacks addressLine1, postalCode']);
  });

  test('checkConditions reports the first failing condition', () => {
    expect(checkConditions(['payment_confirmed', 'order_data_valid'], snapshot({ order: { orderStatus: 'UNPAID' } }))).toEqual({ ok: false, reason: 'TikTok has not confirmed payment yet' });
    expect(checkConditions(['label_bought'], snapshot({ shipment: { status: 'purchased', trackingNumber: 'SBX1' } }))).toEqual({ ok: true });
  });
});

describe('decideNextStep', () => {
  test('an unpaid order waits; a paid one validates; a broken one is rejected', () => {
    expect(decideNextStep(snapshot({ order: { orderStatus: 'UNPAID' } })).kind).toBe('wait');
    expect(decideNextStep(snapshot({ order: { orderStatus: 'ON_HOLD' } }))).toMatchObject({ kind: 'transition', event: 'validate', source: 'system' });
    expect(decideNextStep(snapshot({ items: [] }))).toMatchObject({ kind: 'transition', event: 'reject' });
  });

  test('a validated order reserves stock, even while TikTok still holds it', () => {
    expect(decideNextStep(snapshot({ order: { workflowStatus: 'validated', orderStatus: 'ON_HOLD' } }))).toMatchObject({ event: 'reserve_inventory' });
  });

  test('labels wait for AWAITING_SHIPMENT, for a person when held, and for a rule that says by hand', () => {
    const reserved = { workflowStatus: 'inventory_reserved' as const };
    expect(decideNextStep(snapshot({ order: { ...reserved, orderStatus: 'ON_HOLD' } }))).toMatchObject({ kind: 'wait', reason: expect.stringContaining('AWAITING_SHIPMENT') });
    expect(decideNextStep(snapshot({ order: { ...reserved, onHoldForReview: true, holdReason: 'big order' } }))).toMatchObject({ kind: 'wait', reason: 'on hold for review: big order' });
    expect(decideNextStep(snapshot({ order: { ...reserved, skipAutoLabel: true } })).kind).toBe('wait');
    expect(decideNextStep(snapshot({ order: reserved }))).toEqual({ kind: 'request_label' });
  });

  test('a bought label moves the order on; TikTok or the carrier confirm the shipment', () => {
    const bought = { status: 'purchased' as const, trackingNumber: 'SBX123' };
    expect(decideNextStep(snapshot({ order: { workflowStatus: 'inventory_reserved' }, shipment: bought }))).toMatchObject({ event: 'label_purchased' });
    const ready = { workflowStatus: 'ready_to_ship' as const };
    expect(decideNextStep(snapshot({ order: ready, shipment: bought })).kind).toBe('wait');
    expect(decideNextStep(snapshot({ order: { ...ready, orderStatus: 'AWAITING_COLLECTION' }, shipment: bought }))).toMatchObject({ event: 'ship', source: 'tiktok_shop' });
    expect(decideNextStep(snapshot({ order: ready, shipment: { ...bought, trackingStatus: 'in_transit', trackingStatusRank: 2 } }))).toMatchObject({ event: 'ship', source: 'carrier' });
    expect(decideNextStep(snapshot({ order: { ...ready, trackingPushedAt: new Date() }, shipment: bought }))).toMatchObject({ event: 'ship', source: 'system' });
  });

  test('delivery completes a shipped order, credited to whoever reported it', () => {
    const shipped = { workflowStatus: 'shipped' as const, orderStatus: 'IN_TRANSIT' as const };
    expect(decideNextStep(snapshot({ order: shipped, shipment: { status: 'purchased', trackingStatus: 'in_transit', trackingStatusRank: 2 } })).kind).toBe('wait');
    expect(decideNextStep(snapshot({ order: shipped, shipment: { status: 'purchased', trackingStatus: 'delivered', trackingStatusRank: 4 } }))).toMatchObject({ event: 'deliver', source: 'carrier' });
    expect(decideNextStep(snapshot({ order: { ...shipped, orderStatus: 'DELIVERED' } }))).toMatchObject({ event: 'deliver', source: 'tiktok_shop' });
  });

  test('a TikTok cancellation wins before shipping and is ignored after', () => {
    for (const workflowStatus of ['new', 'validated', 'inventory_reserved', 'ready_to_ship'] as const) {
      expect(decideNextStep(snapshot({ order: { workflowStatus, orderStatus: 'CANCELLED' } }))).toMatchObject({ event: 'cancel', source: 'tiktok_shop' });
    }
    expect(decideNextStep(snapshot({ order: { workflowStatus: 'shipped', orderStatus: 'CANCELLED' } })).kind).toBe('wait');
    expect(decideNextStep(snapshot({ order: { workflowStatus: 'completed' } }))).toEqual({ kind: 'done' });
  });
});

describe('tiktokChangeMayMove (whether ingestion schedules the workflow)', () => {
  test('a shipped order waits for TikTok to say delivered; a finished one for nobody', () => {
    expect(tiktokChangeMayMove('shipped', 'AWAITING_COLLECTION')).toBe(false);
    expect(tiktokChangeMayMove('shipped', 'IN_TRANSIT')).toBe(false);
    expect(tiktokChangeMayMove('shipped', 'DELIVERED')).toBe(true);
    expect(tiktokChangeMayMove('ready_to_ship', 'AWAITING_COLLECTION')).toBe(true);
    expect(tiktokChangeMayMove('completed', 'COMPLETED')).toBe(false);
    expect(tiktokChangeMayMove('failed', 'AWAITING_SHIPMENT')).toBe(false);
  });

  test('never skips an order the workflow would move on that TikTok status alone', () => {
    const shipments = [null, { status: 'purchased' as const, trackingNumber: 'SBX1', trackingStatus: 'in_transit', trackingStatusRank: 2 }];
    for (const workflowStatus of WORKFLOW_STATUSES) {
      for (const orderStatus of ORDER_STATUSES) {
        if (tiktokChangeMayMove(workflowStatus, orderStatus)) continue;
        for (const shipment of shipments) {
          const next = decideNextStep(snapshot({ order: { workflowStatus, orderStatus }, shipment }));
          expect([workflowStatus, orderStatus, next.kind]).toEqual([workflowStatus, orderStatus, expect.stringMatching(/^(wait|done)$/)]);
        }
      }
    }
  });
});

describe('action run order', () => {
  test('actions that lock rows shared by many orders run last, just before COMMIT', async () => {
    const { runOrder } = await import('@/lib/orders/workflow/apply-transition');
    const { ACTIONS } = await import('@/lib/orders/workflow/actions');
    expect(runOrder(['record_velocity', 'push_tracking', 'send_shipped_email'])).toEqual(['push_tracking', 'send_shipped_email', 'record_velocity']);
    for (const def of Object.values(TRANSITIONS)) {
      const ordered = runOrder(def.actions);
      expect([...ordered].sort()).toEqual([...def.actions].sort());
      const firstShared = ordered.findIndex((name) => ACTIONS[name].locksSharedRows);
      if (firstShared >= 0) expect(ordered.slice(firstShared).every((name) => ACTIONS[name].locksSharedRows)).toBe(true);
    }
    expect(ACTIONS.record_velocity.locksSharedRows).toBe(true);
    // Shipping writes only a ledger line; its stock row changes inside COMMIT (deferred trigger).
    expect(ACTIONS.ship_stock.locksSharedRows).toBeUndefined();
  });

  test('only transitions that may be refused have an action that claims before the move', async () => {
    const { ACTIONS } = await import('@/lib/orders/workflow/actions');
    for (const def of Object.values(TRANSITIONS)) {
      const claims = def.actions.filter((name) => ACTIONS[name].claim);
      expect({ event: def.event, claims: claims.length > 0 }).toEqual({ event: def.event, claims: Boolean(def.mayVeto) });
    }
  });
});
