import { PartialType } from '@nestjs/swagger';
import { MemberProfileDto } from './member-profile.dto.js';

/** `PATCH /api/members/me`: any profile field; e-mail, role and status are changed elsewhere. */
export class UpdateMeDto extends PartialType(MemberProfileDto) {}
