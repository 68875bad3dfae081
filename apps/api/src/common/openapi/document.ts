import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { PUBLIC_EXTENSION } from '../decorators/public.decorator.js';
import { ErrorResponseDto } from './error-response.dto.js';

/** The OpenAPI document: every operation also names the contract's error shape as its `default` response. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('LCC Partnership Portal API')
      .setDescription('Members, working groups, meetings, documents and discussions of the Low-Carbon-City network')
      .setVersion('1')
      .addBearerAuth()
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
        // Public routes accept a token but do not need one: an empty requirement makes it optional.
        const marked = operation as Record<string, unknown> & { security?: Record<string, string[]>[] };
        if (marked[PUBLIC_EXTENSION]) {
          marked.security = [{}, ...(marked.security ?? []).filter((s) => Object.keys(s).length > 0)];
          delete marked[PUBLIC_EXTENSION];
        }
      }
    }
  }
  return document;
}
