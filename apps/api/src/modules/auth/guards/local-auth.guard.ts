import { type ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { CommonErrorCode } from '@lcc/contracts';
import { AppException } from '../../../common/errors/app.exception.js';
import { CommonException } from '../../../common/errors/common.exception.js';
import { toErrorDetails } from '../../../common/validation/validation.pipe.js';
import { LoginDto } from '../dto/login.dto.js';

/** passport-local behind body validation: guards run before pipes, so a bad body is a 400 here, not a 401. */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const body: unknown = context.switchToHttp().getRequest<{ body: unknown }>().body ?? {};
    const errors = await validate(plainToInstance(LoginDto, body), { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) {
      throw new CommonException(CommonErrorCode.VALIDATION_FAILED, 'The request is not valid', toErrorDetails(errors));
    }
    return (await super.canActivate(context)) as boolean;
  }

  override handleRequest<T>(error: unknown, user: T): T {
    if (error instanceof AppException) throw error;
    if (error || !user) throw new CommonException(CommonErrorCode.UNAUTHORIZED);
    return user;
  }
}
