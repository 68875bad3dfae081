import type { EntityManager } from 'typeorm';
import { CommonErrorCode } from '@lcc/contracts';
import { CommonException } from '../../common/errors/common.exception.js';

/** Groups one document may be filed under at most. */
export const MAX_DOCUMENT_GROUPS = 10;

/**
 * The groups a create or update asks for, the first first; `undefined` when it names none (an update leaves them).
 * `workingGroupIds` is the whole list; the older `workingGroupId` alone means that one group (null: none). Given
 * both, `workingGroupId` must be the first of the list.
 */
export function requestedGroups(dto: {
  workingGroupId?: string | null;
  workingGroupIds?: string[] | null;
}): string[] | undefined {
  if (dto.workingGroupIds) {
    if (dto.workingGroupId !== undefined && (dto.workingGroupIds[0] ?? null) !== dto.workingGroupId) {
      throw new CommonException(CommonErrorCode.VALIDATION_FAILED, 'The request is not valid', [
        { field: 'workingGroupId', message: 'workingGroupId must be the first of workingGroupIds' },
      ]);
    }
    return dto.workingGroupIds;
  }
  if (dto.workingGroupId === undefined) return undefined;
  return dto.workingGroupId === null ? [] : [dto.workingGroupId];
}

/** Files the document under exactly `groupIds` (in that order), in the caller's transaction. */
export async function fileUnderGroups(manager: EntityManager, documentId: string, groupIds: string[]): Promise<void> {
  // Groups it stays in keep their row, and with it the folder it is kept in there.
  await manager.query(
    `DELETE FROM document_working_groups WHERE document_id = $1 AND NOT (working_group_id = ANY($2::uuid[]))`,
    [documentId, groupIds],
  );
  if (groupIds.length > 0) {
    await manager.query(
      `INSERT INTO document_working_groups (document_id, working_group_id, position)
       SELECT $1, g.id, g.position - 1 FROM unnest($2::uuid[]) WITH ORDINALITY AS g(id, position)
       ON CONFLICT (document_id, working_group_id) DO UPDATE SET position = EXCLUDED.position, updated_at = now()`,
      [documentId, groupIds],
    );
  }
  await manager.query(`UPDATE documents SET working_group_id = $2 WHERE id = $1`, [documentId, groupIds[0] ?? null]);
}
