import { WorkingGroupErrorCode } from '@lcc/contracts';
import { featureException } from '../../common/errors/app.exception.js';

export { WorkingGroupErrorCode };

export const WorkingGroupException = featureException<WorkingGroupErrorCode>('WorkingGroupException', {
  [WorkingGroupErrorCode.WORKING_GROUP_NOT_FOUND]: [404, 'Working group not found'],
  [WorkingGroupErrorCode.SLUG_TAKEN]: [409, 'Another working group already uses this slug'],
  [WorkingGroupErrorCode.NOT_A_GROUP_MEMBER]: [403, 'You are not a member of this working group'],
  [WorkingGroupErrorCode.NOT_A_GROUP_LEAD]: [403, 'Only the group leads and coordinators can do this'],
  [WorkingGroupErrorCode.ALREADY_A_MEMBER]: [409, 'Already a member of this working group'],
  [WorkingGroupErrorCode.LAST_LEAD]: [409, 'A working group must keep at least one lead'],
  [WorkingGroupErrorCode.REQUEST_NOT_PENDING]: [409, 'There is no pending request to approve'],
  [WorkingGroupErrorCode.GROUP_MEMBER_NOT_FOUND]: [404, 'This member is not in the working group'],
  [WorkingGroupErrorCode.MEMBER_NOT_ACTIVE]: [409, 'Only active network members can be added'],
  [WorkingGroupErrorCode.GROUP_ARCHIVED]: [409, 'The working group is archived: it takes nothing new'],
});
