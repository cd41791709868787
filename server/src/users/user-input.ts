/** Validation of user names and roles, shared by every UserStore adapter. */
import { ValidationError } from '../domain/errors.ts';
import { isUserRole, USER_ROLES, type UserRole } from './user-store.ts';

const NAME_PATTERN = /^[a-z0-9._-]{1,64}$/;

/** Returns `name` if it is a valid user name (1–64 of `a-z 0-9 . _ -`); throws a ValidationError on `name` otherwise. */
export function assertUserName(name: unknown): string {
  if (typeof name !== 'string' || name === '') {
    throw new ValidationError('name', 'a user name is required');
  }
  if (name.length > 64)
    throw new ValidationError('name', `must be at most 64 characters, not ${name.length}`);
  if (!NAME_PATTERN.test(name)) {
    throw new ValidationError(
      'name',
      `"${name}" may only contain lower-case letters, digits, ".", "_" and "-"`,
    );
  }
  return name;
}

/** Returns `role` if it is a role; throws a ValidationError on `role` otherwise. */
export function assertUserRole(role: unknown): UserRole {
  if (isUserRole(role)) return role;
  throw new ValidationError('role', `must be one of ${USER_ROLES.join('|')}, not ${JSON.stringify(role)}`);
}
