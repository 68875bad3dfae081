import { describe, expect, it } from '@jest/globals';
import { GroupMembershipStatus, GroupVisibility } from '@lcc/contracts';
import { groupReach } from './group-access.js';

const { Active, Pending } = GroupMembershipStatus;
const { Public, Private, Hidden } = GroupVisibility;

describe('groupReach: what a viewer may know of one group', () => {
  it.each([
    // visibility, membership, staff, reach
    [Public, null, false, 'inside'],
    [Public, Pending, false, 'inside'],
    [Private, null, false, 'listed'],
    [Private, Pending, false, 'listed'],
    [Private, Active, false, 'inside'],
    [Hidden, null, false, 'none'],
    [Hidden, Pending, false, 'listed'],
    [Hidden, Active, false, 'inside'],
    [Private, null, true, 'inside'],
    [Hidden, null, true, 'inside'],
  ] as const)('%s group, membership %s, staff %s → %s', (visibility, membership, staff, reach) => {
    expect(groupReach(visibility, membership, staff)).toBe(reach);
  });
});
