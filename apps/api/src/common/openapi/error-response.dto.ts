import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ErrorDetail, ErrorResponse } from '@lcc/contracts';

export class ErrorDetailDto implements ErrorDetail {
  @ApiProperty({ example: 'email' }) field: string;
  @ApiProperty({ example: 'email must be a valid e-mail address' }) message: string;
  @ApiPropertyOptional({ example: 'PASSWORD_TOO_WEAK', description: 'Stable reason, when clients should translate it' })
  code?: string;
}

/** The one error shape of the contract. */
export class ErrorResponseDto implements ErrorResponse {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Stable UPPER_SNAKE code' }) code: string;
  @ApiProperty() message: string;
  @ApiPropertyOptional({ type: [ErrorDetailDto] }) details?: ErrorDetailDto[];
  @ApiProperty({ description: 'Also sent as the X-Request-Id header' }) requestId: string;
}
