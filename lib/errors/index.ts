export { AppError, isAppError, APP_ERROR_STATUS, type AppErrorCode } from './app-error';
