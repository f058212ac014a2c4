import type { User } from '@app/persistence';
import { RegisteredUserResponseDto } from './user-body';

export function toUserResponse(user: User): RegisteredUserResponseDto {
  return { email: user.email, firstname: user.firstname, lastname: user.lastname, id: user.id };
}
