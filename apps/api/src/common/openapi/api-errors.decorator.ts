import { ApiExtension } from '@nestjs/swagger';

export const ERRORS_EXTENSION = 'x-lcc-errors';

/** Error statuses `buildOpenApiDocument` cannot derive from the route itself. */
export type DeclaredErrorStatus = 401 | 403 | 404 | 409 | 413 | 415;

/**
 * Declares the error responses a handler's service may answer beyond those every route of its kind has (see
 * `document.ts`): e.g. `@ApiErrors(409)` where a conflict is possible, `@ApiErrors(401, 403)` on a public sign-in.
 */
export const ApiErrors = (...statuses: DeclaredErrorStatus[]): MethodDecorator =>
  ApiExtension(ERRORS_EXTENSION, statuses);
