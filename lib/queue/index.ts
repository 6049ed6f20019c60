export { defineJob, PermanentJobError, type JobDefinition, type JobContext } from './define-job';
export { enqueue, enqueueMany, type EnqueueOptions } from './enqueue';
export { QUEUE_PRIORITY } from './priorities';
export type { JobName, JobPayload } from './registry';
