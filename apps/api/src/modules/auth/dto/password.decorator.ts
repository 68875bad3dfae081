import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

/** A new password: 12 to 128 characters, letters mixed with at least one digit, symbol or space. */
export function IsNewPassword(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ minLength: 12, maxLength: 128, format: 'password' }),
    IsString(),
    Length(12, 128, { message: 'password must be 12 to 128 characters long' }),
    Matches(/^(?=.*\p{L})(?=.*[^\p{L}]).*$/su, {
      message: 'password must mix letters with at least one digit, symbol or space',
    }),
  );
}
