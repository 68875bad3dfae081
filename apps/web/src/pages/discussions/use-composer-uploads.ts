import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentResponse, RoomResponse } from '@lcc/contracts';
import { ApiError, upload, type UploadHandle } from '../../api/client';

/** A file on its way into the library from the composer. */
export interface ComposerUpload {
  key: number;
  name: string;
  /** 0…1 of the bytes sent. */
  progress: number;
  /** Set when it failed (never for a cancel, which just removes it). */
  error?: ApiError;
}

/**
 * Who may open a file sent to a room: a group room's file is the group's document (it shows in the group's
 * library too); any other room's is for exactly the room's readers (visibility `room`).
 */
export function roomUploadFields(room: Pick<RoomResponse, 'id' | 'kind' | 'workingGroupId'>): Record<string, string> {
  return room.kind === 'group' && room.workingGroupId
    ? { visibility: 'group', workingGroupIds: room.workingGroupId }
    : { visibility: 'room', roomId: room.id };
}

/**
 * Files pasted, dropped or chosen in the composer: each is uploaded as a document (named after the file, kind
 * "other") with the room's audience, with its progress and a cancel; `onDone` receives each finished document.
 */
export function useComposerUploads(fields: Record<string, string>, onDone: (document: DocumentResponse) => void) {
  const [uploads, setUploads] = useState<ComposerUpload[]>([]);
  const handles = useRef(new Map<number, UploadHandle<DocumentResponse>>());
  const nextKey = useRef(0);
  const done = useRef(onDone);
  done.current = onDone;

  // Leaving the room aborts uploads still under way.
  useEffect(() => {
    const current = handles.current;
    return () => current.forEach((handle) => handle.cancel());
  }, []);

  const patch = (key: number, change: Partial<ComposerUpload> | null) =>
    setUploads((current) =>
      change === null
        ? current.filter((item) => item.key !== key)
        : current.map((item) => (item.key === key ? { ...item, ...change } : item)),
    );

  const add = useCallback(
    (files: Iterable<File>) => {
      for (const file of files) {
        const key = nextKey.current++;
        const form = new FormData();
        form.set('title', file.name.slice(0, 300) || 'file');
        form.set('kind', 'other');
        for (const [name, value] of Object.entries(fields)) form.set(name, value);
        form.set('file', file, file.name);
        const handle = upload<DocumentResponse>('/documents', form, (progress) => patch(key, { progress }));
        handles.current.set(key, handle);
        setUploads((current) => [...current, { key, name: file.name, progress: 0 }]);
        handle.done.then(
          (document) => {
            patch(key, null);
            done.current(document);
          },
          (error: unknown) => {
            const failure = error instanceof ApiError ? error : new ApiError(0, 'NETWORK_ERROR', String(error));
            patch(key, failure.code === 'UPLOAD_CANCELLED' ? null : { error: failure });
          },
        );
        void handle.done.finally(() => handles.current.delete(key)).catch(() => undefined);
      }
    },
    [fields],
  );

  /** Cancels an upload under way, or forgets a failed one. */
  const cancel = useCallback((key: number) => {
    const handle = handles.current.get(key);
    if (handle) handle.cancel();
    else patch(key, null);
  }, []);

  return { uploads, busy: uploads.some((item) => !item.error), add, cancel };
}
