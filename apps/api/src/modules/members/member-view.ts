import { ContactField, type MemberResponse, NetworkRole } from '@lcc/contracts';
import { fold } from '../../common/search/segmentation.js';
import type { Member } from './entities/member.entity.js';

/** The member themself, coordinators and admins: they see every field of the profile. */
function seesEverything(viewer: { id: string; role: NetworkRole } | null, member: Member): boolean {
  return (
    viewer !== null &&
    (viewer.id === member.id || viewer.role === NetworkRole.Admin || viewer.role === NetworkRole.Coordinator)
  );
}

/**
 * Whether a contact field of the profile is shown to the viewer: always to the member and to network staff, to
 * others when the member chose to show it (`shownContactFields`). Who may see the profile at all is
 * `member-visibility.ts`.
 */
export function showsContactField(
  viewer: { id: string; role: NetworkRole } | null,
  member: Member,
  field: ContactField,
): boolean {
  return seesEverything(viewer, member) || (viewer !== null && member.shownContactFields.includes(field));
}

export function toMemberResponse(member: Member, viewer: { id: string; role: NetworkRole } | null): MemberResponse {
  const shows = (field: ContactField) => showsContactField(viewer, member, field);
  const response: MemberResponse = {
    id: member.id,
    email: shows(ContactField.Email) ? member.email : null,
    displayName: member.displayName,
    memberType: member.memberType,
    country: member.country,
    organization: shows(ContactField.Organization) ? member.organization : null,
    city: shows(ContactField.City) ? member.city : null,
    expertise: member.expertise,
    language: member.language,
    timeZone: member.timeZone,
    bio: member.bio,
    role: member.role,
    status: member.status,
    createdAt: member.createdAt.toISOString(),
  };
  if (viewer?.id === member.id) {
    response.mustChangePassword = member.mustChangePassword;
    response.privacy = {
      directoryVisibility: member.directoryVisibility,
      shownContactFields: member.shownContactFields,
    };
  }
  if (viewer && (viewer.role === NetworkRole.Admin || viewer.role === NetworkRole.Coordinator)) {
    response.rejectionReason = member.rejectionReason;
  }
  return response;
}

/** Folds text for substring search in any script (the search folding), with runs of spaces made one. */
export function foldForSearch(text: string): string {
  return fold(text).replace(/\s+/g, ' ').trim();
}

/**
 * What the directory search matches: the name, the expertise and the contact fields the member shows (a hidden
 * organisation must not be found by searching for it).
 */
export function searchTextOf(
  member: Pick<Member, 'displayName' | 'organization' | 'city' | 'expertise' | 'shownContactFields'>,
): string {
  const shown = (field: ContactField, value: string | null) =>
    member.shownContactFields.includes(field) ? value : null;
  return foldForSearch(
    [
      member.displayName,
      shown(ContactField.Organization, member.organization),
      shown(ContactField.City, member.city),
      ...member.expertise,
    ]
      .filter(Boolean)
      .join(' \u241f '),
  );
}
