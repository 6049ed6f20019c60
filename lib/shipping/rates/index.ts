// Surface of lib/shipping/rates: rate choice over normalised quotes.
export {
  chooseRate,
  type ChooseRateOptions,
  type ChooseRateResult,
  type RejectedQuote,
  type RejectionReason,
} from './choose-rate';
export { SERVICE_LEVELS, SERVICE_LEVEL_RANK, serviceLevelOf, type ServiceLevelClass } from './service-levels';
