import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SettingsModule } from '../settings/settings.module.js';
import { WorkingGroupsModule } from '../working-groups/working-groups.module.js';
import { CalendarService } from './calendar.service.js';
import { CalendarFeed } from './entities/calendar-feed.entity.js';
import { MeetingInvitee } from './entities/meeting-invitee.entity.js';
import { Meeting } from './entities/meeting.entity.js';
import { MeetingsController } from './meetings.controller.js';
import { MeetingsService } from './meetings.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Meeting, MeetingInvitee, CalendarFeed]), WorkingGroupsModule, SettingsModule],
  controllers: [MeetingsController],
  providers: [MeetingsService, CalendarService],
  exports: [MeetingsService],
})
export class MeetingsModule {}
