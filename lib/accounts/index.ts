export { can, PERMISSIONS, ACTIONS, type Action } from './permissions';
export {
  getAccountContext,
  requireApiContext,
  assertCan,
  listMemberships,
  type AccountContext,
  type Membership,
} from './account-context';
