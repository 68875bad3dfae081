import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module.js';
import { JWT_SECRET, jwtSecretProvider } from './jwt-secret.provider.js';

/** Resolves the signing secret once, for the JWT module and the JWT strategy alike. */
@Module({
  imports: [SettingsModule],
  providers: [jwtSecretProvider],
  exports: [JWT_SECRET],
})
export class JwtSecretModule {}
