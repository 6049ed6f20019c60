export { getSession, requireSession, requireApiSession, signUp, logIn, logOut } from './session';
export { signUpSchema, logInSchema, type SignUpInput, type LogInInput } from './schemas';
export type { Session } from './types';
export { SESSION_COOKIE, ACCOUNT_COOKIE } from './cookies';
