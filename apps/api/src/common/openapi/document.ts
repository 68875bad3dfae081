import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { PUBLIC_EXTENSION } from '../decorators/public.decorator.js';
import { ErrorResponseDto } from './error-response.dto.js';

const BEARER = 'bearer';

/**
 * The OpenAPI document: every operation also names the contract's error shape as its `default` response. The
 * bearer token is the global default; each operation states its requirement, taken from `@Public()` (which marks
 * the operation with an extension): public ones `security: []`, all others the bearer token.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('LCC Partnership Portal API')
      .setDescription('Members, working groups, meetings, documents and discussions of the Low-Carbon-City network')
      .setVersion('1')
      .addBearerAuth(undefined, BEARER)
      .addSecurityRequirements(BEARER)
      .build(),
    { extraModels: [ErrorResponseDto] },
  );
  const error = {
    description: 'Error (400, 401, 403, 404, 409, 413, 415, 429...) in the one error shape',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponseDto' } } },
  };
  for (const operations of Object.values(document.paths)) {
    for (const operation of Object.values(operations)) {
      if (typeof operation === 'object' && operation && 'responses' in operation) {
        operation.responses = { ...operation.responses, default: error };
        // Public routes need no token (one, when sent, still identifies the caller).
        const marked = operation as Record<string, unknown> & { security?: Record<string, string[]>[] };
        marked.security = marked[PUBLIC_EXTENSION] ? [] : [{ [BEARER]: [] }];
        delete marked[PUBLIC_EXTENSION];
      }
    }
  }
  return document;
}
