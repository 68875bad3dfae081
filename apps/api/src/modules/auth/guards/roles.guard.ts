import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CommonErrorCode, type NetworkRole } from '@lcc/contracts';
import { ROLES } from '../../../common/decorators/roles.decorator.js';
import { CommonException } from '../../../common/errors/common.exception.js';
import type { Actor } from '../../../common/http/actor.js';

/** Checks `@Roles(...)` on the handler or controller against the actor's network role. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const roles = this.reflector.getAllAndOverride<NetworkRole[] | undefined>(ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!roles?.length) return true;
    const actor = context.switchToHttp().getRequest<{ user?: Actor }>().user;
    if (!actor || !roles.includes(actor.role)) {
      throw new CommonException(CommonErrorCode.FORBIDDEN, 'Your role does not allow this');
    }
    return true;
  }
}
