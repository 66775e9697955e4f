import { badUserInput } from '@mib/errors';

/** NIST SP 800-63B asks for at least 8; we ask 12 (OWASP's figure without other rules). */
export const MIN_PASSWORD_LENGTH = 12;
/** Long enough for any passphrase, short enough that hashing it is no denial of service. */
export const MAX_PASSWORD_LENGTH = 256;
const MAX_EMAIL_LENGTH = 254; // RFC 5321's path limit less the angle brackets
const MAX_DISPLAY_NAME_LENGTH = 100;
/** A shape check only: one @, something on each side, a dot in the domain, no spaces or controls. */
const EMAIL_SHAPE = /^[^\s@\p{Cc}]+@[^\s@.\p{Cc}]+(\.[^\s@.\p{Cc}]+)+$/u;
/** C0 and C1 controls belong in no name; NUL, which PostgreSQL text cannot hold, is one. */
const CONTROL_CHARACTER = /\p{Cc}/u;

/** Whether `text` holds a control character (refused in every name a user gives). */
export const hasControlCharacter = (text: string): boolean => CONTROL_CHARACTER.test(text);

/** Emails compare without case or surrounding spaces. */
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

export interface SignUpFields {
  readonly email: string;
  readonly password: string;
  readonly displayName: string;
}

/** The sign-up fields, normalised, or BAD_USER_INPUT naming the first bad one. */
export function validateSignUp(input: SignUpFields): SignUpFields {
  const email = validateEmail(input.email);
  const password = validateNewPassword(input.password, 'password');
  const displayName = input.displayName.trim();
  if (displayName.length === 0 || displayName.length > MAX_DISPLAY_NAME_LENGTH)
    throw badUserInput(`The display name needs 1 to ${MAX_DISPLAY_NAME_LENGTH} characters`, 'displayName');
  if (hasControlCharacter(displayName))
    throw badUserInput('The display name may not hold control characters', 'displayName');
  return { email, password, displayName };
}

/** A password being set (at sign-up or on a change), or BAD_USER_INPUT naming `argument`. */
export function validateNewPassword(password: string, argument: string): string {
  if (password.length < MIN_PASSWORD_LENGTH)
    throw badUserInput(`The password needs at least ${MIN_PASSWORD_LENGTH} characters`, argument);
  if (password.length > MAX_PASSWORD_LENGTH)
    throw badUserInput(`The password may have at most ${MAX_PASSWORD_LENGTH} characters`, argument);
  return password;
}

/** `raw` normalised, or BAD_USER_INPUT on `email` for what cannot be an account's address. */
export function validateEmail(raw: string): string {
  const email = normaliseEmail(raw);
  if (email.length > MAX_EMAIL_LENGTH || !EMAIL_SHAPE.test(email))
    throw badUserInput('That is not an email address', 'email');
  return email;
}
