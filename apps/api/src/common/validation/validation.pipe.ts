import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { CommonErrorCode, type ErrorDetail } from '@lcc/contracts';
import { CommonException } from '../errors/common.exception.js';

/** Flattens nested class-validator errors into `{ field: 'agenda[0].title', message }` details. */
export function toErrorDetails(errors: ValidationError[], parent = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = parent
      ? /^\d+$/.test(error.property)
        ? `${parent}[${error.property}]`
        : `${parent}.${error.property}`
      : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...toErrorDetails(error.children ?? [], field)];
  });
}

/** The global pipe: strips nothing silently (unknown fields are errors), transforms to DTO classes. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      new CommonException(CommonErrorCode.VALIDATION_FAILED, 'The request is not valid', toErrorDetails(errors)),
  });
}
