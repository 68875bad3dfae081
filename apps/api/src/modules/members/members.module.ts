import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { MailModule } from '../mail/mail.module.js';
import { AccountDeletionService } from './account-deletion.service.js';
import { AdminBootstrapService } from './admin-bootstrap.service.js';
import { Member } from './entities/member.entity.js';
import { MembersController } from './members.controller.js';
import { MembersService } from './members.service.js';
import { PasswordHasher } from './password-hasher.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Member]), AuditModule, MailModule],
  controllers: [MembersController],
  providers: [MembersService, PasswordHasher, AdminBootstrapService, AccountDeletionService],
  exports: [MembersService],
})
export class MembersModule {}
