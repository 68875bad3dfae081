import type { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import { PUBLIC_EXTENSION } from '../decorators/public.decorator.js';
import { SKIP_RATE_LIMIT_EXTENSION } from '../decorators/skip-rate-limit.decorator.js';
import { ERRORS_EXTENSION } from './api-errors.decorator.js';
import { ErrorResponseDto } from './error-response.dto.js';

const BEARER = 'bearer';

/** The contract's error statuses, each a shared response in the one error shape. */
const ERROR_RESPONSES: Record<number, [name: string, description: string]> = {
  400: [
    'BadRequest',
    'Bad input: a field that fails validation (named in `details`), malformed JSON, a bad id or cursor',
  ],
  401: ['Unauthorized', 'No valid access token, or the credentials presented are wrong'],
  403: ['Forbidden', 'Not allowed: the caller’s role, a rule of the resource, or a generated password to change first'],
  404: ['NotFound', 'Not found, or not visible to the caller'],
  409: ['Conflict', 'Conflicts with the current state (taken name, closed poll, last lead...)'],
  413: ['PayloadTooLarge', 'The body or file is larger than the limit'],
  415: ['UnsupportedMediaType', 'The body or file is of a type this route does not accept'],
  429: ['TooManyRequests', 'Rate limited; `Retry-After` says when to try again'],
};

type Operation = Record<string, unknown> & {
  parameters?: { in: string }[];
  requestBody?: { content?: Record<string, unknown> };
  responses: Record<string, unknown>;
  security?: Record<string, string[]>[];
};

/**
 * The OpenAPI document. Post-processing states what the decorators leave implicit, from the same facts the server
 * acts on:
 * - security: bearer by default; `@Public()` operations `security: []`;
 * - error responses, all in the one error shape: 400 everywhere (the input guard reads every query and path), 401
 *   and 403 unless public (the JWT guard, roles, a generated password to change first), 404 with a path parameter,
 *   413 with a body, 415 with a non-JSON body, 429 unless `@SkipRateLimit()`, plus what `@ApiErrors()` declares;
 *   anything else (500) is the `default` response;
 * - schemas: a nullable property typed `string | null` reaches the document as `type: object` (TypeScript emits
 *   `Object` for unions); its type is taken from its class-validator decorators instead. A lone `allOf` is
 *   unwrapped, and a nullable `allOf` reference gets the referenced schema's type beside `nullable`.
 */
export function buildOpenApiDocument(app: INestApplication, publicUrl?: string): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('LCC Partnership Portal API')
      .setDescription('Members, working groups, meetings, documents and discussions of the Low-Carbon-City network')
      .setVersion('1')
      .addServer(publicUrl ?? '/')
      .addBearerAuth(undefined, BEARER)
      .addSecurityRequirements(BEARER)
      .build(),
    { extraModels: [ErrorResponseDto] },
  );
  const components = (document.components ??= {});
  components.responses = {
    ...components.responses,
    ...Object.fromEntries(
      Object.entries(ERROR_RESPONSES).map(([status, [name, description]]) => [
        name,
        {
          description,
          ...(status === '429' ? { headers: { 'Retry-After': { schema: { type: 'integer' } } } } : {}),
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponseDto' } } },
        },
      ]),
    ),
  };
  for (const operations of Object.values(document.paths)) {
    for (const value of Object.values(operations)) {
      if (typeof value !== 'object' || !value || !('responses' in value)) continue;
      const operation = value as Operation;
      const isPublic = operation[PUBLIC_EXTENSION] === true;
      const statuses = new Set<number>([400, ...((operation[ERRORS_EXTENSION] as number[] | undefined) ?? [])]);
      if (!isPublic) [401, 403].forEach((status) => statuses.add(status));
      if (operation.parameters?.some((parameter) => parameter.in === 'path')) statuses.add(404);
      const bodyTypes = Object.keys(operation.requestBody?.content ?? {});
      if (bodyTypes.length) statuses.add(413);
      if (bodyTypes.some((type) => type !== 'application/json')) statuses.add(415);
      if (operation[SKIP_RATE_LIMIT_EXTENSION] !== true) statuses.add(429);
      const { default: _unused, ...declared } = operation.responses;
      operation.responses = {
        ...declared,
        ...Object.fromEntries(
          [...statuses]
            .sort()
            .map((status) => [String(status), { $ref: `#/components/responses/${ERROR_RESPONSES[status]![0]}` }]),
        ),
        default: {
          description: 'Unexpected error (500), in the one error shape',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponseDto' } } },
        },
      };
      // Public routes need no token (one, when sent, still identifies the caller).
      operation.security = isPublic ? [] : [{ [BEARER]: [] }];
      delete operation[PUBLIC_EXTENSION];
      delete operation[SKIP_RATE_LIMIT_EXTENSION];
      delete operation[ERRORS_EXTENSION];
    }
  }
  normaliseSchemas(app, document);
  return document;
}

interface Schema {
  type?: string;
  nullable?: boolean;
  properties?: Record<string, Schema>;
  additionalProperties?: unknown;
  allOf?: Schema[];
  $ref?: string;
}

type ValidationMetadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];

function normaliseSchemas(app: INestApplication, document: OpenAPIObject): void {
  const schemas = (document.components?.schemas ?? {}) as Record<string, Schema>;
  const validators = validatorsByClassName(app);
  for (const [className, schema] of Object.entries(schemas)) {
    for (const [property, value] of Object.entries(schema.properties ?? {})) {
      const propertySchema = value;
      const untyped =
        propertySchema.type === 'object' && !propertySchema.properties && !propertySchema.allOf && !propertySchema.$ref;
      if (untyped && !propertySchema.additionalProperties) {
        const type = typeFromValidators(validators.get(className)?.[property] ?? []);
        if (type) propertySchema.type = type;
      }
    }
  }
  walk(document, (schema) => {
    const only = schema.allOf?.length === 1 ? schema.allOf[0] : undefined;
    if (!only) return;
    const siblings = Object.keys(schema).filter((key) => key !== 'allOf');
    if (!siblings.length) {
      delete schema.allOf;
      Object.assign(schema, only);
    } else if (schema.nullable && !schema.type && only.$ref) {
      const target = schemas[only.$ref.replace('#/components/schemas/', '')];
      if (target?.type) schema.type = target.type;
    }
  });
}

/** Calls `visit` on every object of the document that may be a schema, depth first. */
function walk(node: unknown, visit: (schema: Schema) => void): void {
  if (Array.isArray(node)) node.forEach((item) => walk(item, visit));
  else if (node && typeof node === 'object') {
    visit(node as Schema);
    Object.values(node).forEach((child) => walk(child, visit));
  }
}

const STRING_VALIDATORS = new Set(['isString', 'isUuid', 'isUrl', 'isDateString', 'isIso8601', 'maxLength', 'matches']);

function typeFromValidators(rules: ValidationMetadata[]): string | undefined {
  const names = new Set(rules.map((rule) => rule.name ?? rule.type));
  if (names.has('isInt')) return 'integer';
  if (names.has('isNumber')) return 'number';
  if (names.has('isBoolean')) return 'boolean';
  if ([...names].some((name) => STRING_VALIDATORS.has(name))) return 'string';
  return undefined;
}

/**
 * class-validator's rules by DTO class name (the schema name) and property, inherited rules included. The classes
 * are those with rules of their own and the handlers' parameter types (`class UpdateXDto extends PartialType(...)
 * {}` has none of its own).
 */
function validatorsByClassName(app: INestApplication): Map<string, Record<string, ValidationMetadata[]>> {
  const storage = getMetadataStorage();
  // The storage offers rules by class, not a list of classes; its map is the one place that lists them (0.15).
  const classes = new Set<unknown>(
    (storage as unknown as { validationMetadatas?: Map<unknown, unknown> }).validationMetadatas?.keys() ?? [],
  );
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      const prototype = (metatype as { prototype?: object } | null)?.prototype;
      if (!prototype) continue;
      for (const method of Object.getOwnPropertyNames(prototype)) {
        const types = Reflect.getMetadata('design:paramtypes', prototype, method) as unknown[] | undefined;
        types?.forEach((type) => classes.add(type));
      }
    }
  }
  const byClass = new Map<string, Record<string, ValidationMetadata[]>>();
  for (const target of classes) {
    if (typeof target !== 'function' || byClass.has(target.name)) continue;
    const rules = storage.getTargetValidationMetadatas(target, '', true, false);
    if (rules.length) byClass.set(target.name, storage.groupByPropertyName(rules));
  }
  return byClass;
}
