import { IntersectionType, PartialType } from '@nestjs/swagger';
import { MemberPrivacyFieldsDto } from './member-privacy.dto.js';
import { MemberProfileDto } from './member-profile.dto.js';

/** `PATCH /api/members/me`: any profile field and the privacy choices; e-mail, role and status change elsewhere. */
export class UpdateMeDto extends IntersectionType(PartialType(MemberProfileDto), MemberPrivacyFieldsDto) {}
