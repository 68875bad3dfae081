import { SetMetadata } from '@nestjs/common';

export const ALLOW_PASSWORD_CHANGE_PENDING = 'lcc:allow-password-change-pending';
/** Routes a member who must still change a generated password may use (the change itself, sign-out, "me"). */
export const AllowPasswordChangePending = (): MethodDecorator => SetMetadata(ALLOW_PASSWORD_CHANGE_PENDING, true);
