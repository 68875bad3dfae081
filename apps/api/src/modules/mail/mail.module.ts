import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxMail } from './entities/outbox-mail.entity.js';
import { MailDeliveryService } from './mail-delivery.service.js';
import { MailService } from './mail.service.js';
import { OutboxController } from './outbox.controller.js';

/** Outbound e-mail: the outbox, its SMTP delivery and the administrators' view. Imports no feature module. */
@Module({
  imports: [TypeOrmModule.forFeature([OutboxMail])],
  controllers: [OutboxController],
  providers: [MailService, MailDeliveryService],
  exports: [MailService, MailDeliveryService],
})
export class MailModule {}
