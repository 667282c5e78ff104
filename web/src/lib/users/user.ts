import type { CreateUserInput, UpdateUserInput, UserDto } from '$api';

/** `governorates` null: the user sees every governorate; otherwise only contacts in these. */
export type User = UserDto;
export type NewUser = CreateUserInput;
/** `version` is the one the change was based on; a stale one gets 409 CONFLICT. */
export type UserPatch = UpdateUserInput;
