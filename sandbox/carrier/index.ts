// Surface of the sandbox carrier: a local Shippo + EasyPost look-alike for dev and tests.
export { createSandboxCarrier, type SandboxCarrier } from './create-sandbox-carrier';
export type { SandboxCarrierOptions } from './options';
export type { PurchaseRecord, SandboxState, TrackedParcel } from './core/state';
export type { DeliveryAttempt } from './webhooks/emitter';
export type { FaultProfile, FaultRule } from './faults/fault-profile';
export { deliverySchedule, STEP_KINDS, type StepKind } from './core/tracking-steps';
