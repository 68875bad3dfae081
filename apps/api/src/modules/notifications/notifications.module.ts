import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DocumentsModule } from '../documents/documents.module.js';
import { MailModule } from '../mail/mail.module.js';
import { MembersModule } from '../members/members.module.js';
import { SettingsModule } from '../settings/settings.module.js';
import { WorkingGroupsModule } from '../working-groups/working-groups.module.js';
import { NotificationMailBatch } from './entities/notification-mail-batch.entity.js';
import { NotificationPreference } from './entities/notification-preference.entity.js';
import { Notification } from './entities/notification.entity.js';
import { NotificationListeners } from './notification-listeners.js';
import { NotificationMailService } from './notification-mail.service.js';
import { NotificationPreferencesController, UnsubscribeController } from './notification-preferences.controller.js';
import { NotificationPreferencesService } from './notification-preferences.service.js';
import { UnsubscribePageService } from './unsubscribe-page.service.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationSubjects } from './notification-subjects.service.js';
import { DocumentNotificationSubjects } from './document-notification-subjects.js';
import { NotificationsService } from './notifications.service.js';

/** In-app notifications and the e-mail they cause (preferences, quiet hours, digests, one-click unsubscribe). */
@Module({
  imports: [
    TypeOrmModule.forFeature([Notification, NotificationPreference, NotificationMailBatch]),
    MembersModule,
    WorkingGroupsModule,
    DocumentsModule,
    MailModule,
    SettingsModule,
  ],
  controllers: [NotificationsController, NotificationPreferencesController, UnsubscribeController],
  providers: [
    NotificationSubjects,
    DocumentNotificationSubjects,
    NotificationsService,
    NotificationListeners,
    NotificationMailService,
    NotificationPreferencesService,
    UnsubscribePageService,
  ],
  exports: [NotificationsService, NotificationPreferencesService, NotificationSubjects],
})
export class NotificationsModule {}
