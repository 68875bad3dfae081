import { ApiProperty } from '@nestjs/swagger';
import type { SsoStatusResponse } from '@lcc/contracts';

export class SsoStatusResponseDto implements SsoStatusResponse {
  @ApiProperty({ description: 'Whether the sign-in page offers single sign-on' }) enabled: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'The provider\'s name for "Sign in with …"' })
  displayName: string | null;
}
