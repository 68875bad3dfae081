import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Env } from '../../config/env.validation.js';
import { publicUrl } from '../../config/public-url.js';
import { unsubscribePage } from '../mail/mail.service.js';
import { NotificationPreferencesService } from './notification-preferences.service.js';

/** The small HTML pages of an unsubscribe link, in the language of the member it names. */
@Injectable()
export class UnsubscribePageService {
  constructor(
    private readonly preferences: NotificationPreferencesService,
    private readonly config: ConfigService<Env, true>,
  ) {}

  async confirm(token: string): Promise<string> {
    return this.render(token, 'confirm');
  }

  async done(token: string): Promise<string> {
    return this.render(token, 'done');
  }

  private async render(token: string, state: 'confirm' | 'done'): Promise<string> {
    const base = publicUrl(this.config);
    const { scope, email, language } = await this.preferences.recipientOf(token);
    return unsubscribePage({
      language,
      kind: scope,
      email,
      state,
      actionUrl: `${base}/api/unsubscribe/${token}`,
      settingsUrl: `${base}/settings#notifications`,
    });
  }
}
