import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailModule } from '../mail/mail.module.js';
import { MembersModule } from '../members/members.module.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { SettingsModule } from '../settings/settings.module.js';
import { WorkingGroupsModule } from '../working-groups/working-groups.module.js';
import { ActionItemsService } from './action-items.service.js';
import { CalendarFeedListeners } from './calendar-feed.listeners.js';
import { CalendarService } from './calendar.service.js';
import { CalendarFeed } from './entities/calendar-feed.entity.js';
import { MeetingInvitee } from './entities/meeting-invitee.entity.js';
import { ActionItemReminder } from './entities/action-item-reminder.entity.js';
import { MeetingReminder } from './entities/meeting-reminder.entity.js';
import { Meeting } from './entities/meeting.entity.js';
import { PollOption } from './entities/poll-option.entity.js';
import { PollVote } from './entities/poll-vote.entity.js';
import { Poll } from './entities/poll.entity.js';
import { CalendarFeedController, MeetingsController } from './meetings.controller.js';
import { MeetingMailService } from './meeting-mail.service.js';
import { MeetingsService } from './meetings.service.js';
import { PollNotificationSubjects } from './poll-notification-subjects.js';
import { PollRemindersService } from './poll-reminders.service.js';
import { PollsController } from './polls.controller.js';
import { PollsService } from './polls.service.js';
import { RemindersService } from './reminders.service.js';
import { HolidayCalendar } from './scheduling/holiday-calendar.js';
import { MeetingNotificationSubjects } from './meeting-notification-subjects.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      Meeting,
      MeetingInvitee,
      CalendarFeed,
      Poll,
      PollOption,
      PollVote,
      MeetingReminder,
      ActionItemReminder,
    ]),
    WorkingGroupsModule,
    SettingsModule,
    NotificationsModule,
    DocumentsModule,
    MembersModule,
    MailModule,
  ],
  controllers: [MeetingsController, CalendarFeedController, PollsController],
  providers: [
    MeetingNotificationSubjects,
    MeetingsService,
    CalendarService,
    CalendarFeedListeners,
    MeetingMailService,
    PollsService,
    PollRemindersService,
    PollNotificationSubjects,
    RemindersService,
    ActionItemsService,
    { provide: HolidayCalendar, useValue: new HolidayCalendar() },
  ],
  exports: [MeetingsService, RemindersService, ActionItemsService, PollRemindersService],
})
export class MeetingsModule {}
