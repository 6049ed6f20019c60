// Live updates, server side: the process's LISTEN hub and the SSE stream built on it. Browser code
// imports '@/lib/realtime/client' instead (this surface is server-only).
export {
  ChangeHub,
  getChangeHub,
  type ChangeHubOptions,
  type HubListener,
  type HubMessage,
} from './change-hub';
export { createChangeStream, sseFrame, type ChangeStreamOptions } from './create-change-stream';
export { coalesceChanges, MAX_IDS_PER_CHANGE } from './coalesce-changes';
export * from './schemas';
