import { FORMER_MEMBER_NAME } from '@lcc/contracts';

interface Person {
  displayName: string;
}

/** A deleted account (or an author row that is gone): shown as "Former member", without a link to a profile. */
export function isFormerMember(person: Person | null | undefined): boolean {
  return !person || person.displayName === FORMER_MEMBER_NAME;
}

/** A person's name as shown, "Former member" in the reader's language for a deleted account. */
export function personName(t: (key: 'common:formerMember') => string, person: Person | null | undefined): string {
  return isFormerMember(person) ? t('common:formerMember') : person!.displayName;
}
