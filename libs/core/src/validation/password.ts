/**
 * The one password rule: a password is a string with at least one non-blank character. Empty and whitespace-only
 * passwords are refused when set and never authenticate (an empty LDAP bind would even be anonymous).
 */
export function isUsablePassword(password: unknown): password is string {
  return typeof password === 'string' && password.trim() !== '';
}

export const UNUSABLE_PASSWORD_MESSAGE = 'The password must not be empty or blank';
