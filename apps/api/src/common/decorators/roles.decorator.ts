import { SetMetadata } from '@nestjs/common';
import type { NetworkRole } from '@lcc/contracts';

export const ROLES = 'lcc:roles';
/** The network roles allowed on a route; row-level checks stay in the services. */
export const Roles = (...roles: NetworkRole[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES, roles);
