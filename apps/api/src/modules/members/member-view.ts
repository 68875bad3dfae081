import { type MemberResponse, NetworkRole } from '@lcc/contracts';
import { fold } from '../../common/search/segmentation.js';
import type { Member } from './entities/member.entity.js';

/** Whom a member's e-mail is shown to: themself, coordinators and admins. */
export function canSeeEmail(viewer: { id: string; role: NetworkRole } | null, member: Member): boolean {
  return (
    viewer !== null &&
    (viewer.id === member.id || viewer.role === NetworkRole.Admin || viewer.role === NetworkRole.Coordinator)
  );
}

export function toMemberResponse(member: Member, viewer: { id: string; role: NetworkRole } | null): MemberResponse {
  const response: MemberResponse = {
    id: member.id,
    email: canSeeEmail(viewer, member) ? member.email : null,
    displayName: member.displayName,
    memberType: member.memberType,
    country: member.country,
    organization: member.organization,
    city: member.city,
    expertise: member.expertise,
    language: member.language,
    timeZone: member.timeZone,
    bio: member.bio,
    role: member.role,
    status: member.status,
    createdAt: member.createdAt.toISOString(),
  };
  if (viewer?.id === member.id) response.mustChangePassword = member.mustChangePassword;
  if (viewer && (viewer.role === NetworkRole.Admin || viewer.role === NetworkRole.Coordinator)) {
    response.rejectionReason = member.rejectionReason;
  }
  return response;
}

/** Folds text for substring search in any script (the search folding), with runs of spaces made one. */
export function foldForSearch(text: string): string {
  return fold(text).replace(/\s+/g, ' ').trim();
}

export function searchTextOf(
  member: Pick<Member, 'displayName' | 'organization' | 'city' | 'expertise' | 'email'>,
): string {
  return foldForSearch(
    [member.displayName, member.organization, member.city, ...member.expertise].filter(Boolean).join(' \u241f '),
  );
}
