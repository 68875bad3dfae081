import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const IS_PUBLIC = 'lcc:public';
export const PUBLIC_EXTENSION = 'x-lcc-public';

/**
 * Opts a route out of the global JWT guard (a valid token, when sent, still identifies the caller). OpenAPI shows
 * its authentication as optional.
 */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(PUBLIC_EXTENSION, true));
