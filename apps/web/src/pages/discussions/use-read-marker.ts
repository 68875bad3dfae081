import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { emitAck, useRealtime } from '../../api/realtime';

/** Where the timeline stands, for rooms opened at a permalink (see `useReadMarker`). */
export interface ReadWindow {
  strict: boolean;
  /** The oldest seq loaded. */
  oldest: number;
  /** Newer messages are not loaded yet. */
  hasNewer: boolean;
}

/** Reads that follow each other quickly (scrolling) go out as one. */
const SEND_AFTER_MS = 300;
/** A message taller than the view counts as seen once it fills this share of it. */
const TALL_SHARE = 0.8;

/**
 * Marks read only what the reader has seen. A message (`[data-seq]` inside `list`) counts once it was wholly on
 * screen, or filled most of the view when taller than it, while the page was visible. The room's marker moves to
 * the highest seq seen; once that is the newest message of the timeline, to the newest seq of all (thread replies
 * after it are shown only as their root's reply count, which the reader saw).
 *
 * Nothing is observed until `active` (the view has been put at its opening place): a page scrolled to its top
 * for a moment would otherwise count what was never read.
 *
 * A room opened at a permalink (`reading.strict`) may show a stretch of history far past the marker: there the
 * marker moves only through messages each seen in turn from it (`reading.oldest`, the oldest seq loaded, must
 * follow the marker), never across a stretch the reader jumped over.
 */
export function useReadMarker(
  roomId: string,
  list: RefObject<HTMLElement | null>,
  newest: { main: number; any: number },
  active: boolean,
  readAtOpen: number,
  reading: ReadWindow = { strict: false, oldest: 0, hasNewer: false },
): void {
  const { socket, connection } = useRealtime();
  const visible = useRef(new Set<number>());
  const everSeen = useRef(new Set<number>());
  // While the view is being placed (again), what passes across the screen was not read.
  const activeRef = useRef(active);
  activeRef.current = active;
  if (!active) visible.current.clear();
  const windowRef = useRef(reading);
  windowRef.current = reading;
  // Nothing at or below the marker the room was opened with needs saying again.
  const sent = useRef(readAtOpen);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const observer = useRef<IntersectionObserver | null>(null);
  const latest = useRef(newest);
  latest.current = newest;
  const socketRef = useRef(socket);
  socketRef.current = socket;

  /** Strict windows: the highest seq reached from the marker through messages that were each on screen. */
  const seenInTurn = useCallback((): number => {
    const root = list.current;
    const from = sent.current;
    if (!root || everSeen.current.size === 0 || windowRef.current.oldest > from + 1) return from;
    const after = [...root.querySelectorAll<HTMLElement>('[data-seq]')]
      .map((element) => Number(element.dataset.seq))
      .filter((seq) => seq > from)
      .sort((a, b) => a - b);
    let reached = from;
    for (const seq of after) {
      if (!everSeen.current.has(seq)) return reached;
      reached = seq;
    }
    // Every message after the marker was seen; at the room's newest, thread replies after it go too.
    return windowRef.current.hasNewer ? reached : Math.max(reached, latest.current.any);
  }, [list]);

  const flush = useCallback(() => {
    if (document.visibilityState !== 'visible' || !activeRef.current) return;
    let seq: number;
    if (windowRef.current.strict) seq = seenInTurn();
    else {
      if (visible.current.size === 0) return;
      const seen = Math.max(...visible.current);
      seq = seen >= latest.current.main ? Math.max(seen, latest.current.any) : seen;
    }
    if (seq <= sent.current) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const current = socketRef.current;
      if (!current?.connected || seq <= sent.current) return;
      sent.current = seq;
      void emitAck(current, 'room.read', { roomId, seq });
    }, SEND_AFTER_MS);
  }, [roomId, seenInTurn]);

  // After every render: observe the messages on the list (observing one twice is a no-op).
  useEffect(() => {
    const root = list.current;
    if (!active || !root) return;
    if (!observer.current) {
      observer.current = new IntersectionObserver(
        (entries) => {
          for (const entry of entries) {
            const seq = Number((entry.target as HTMLElement).dataset.seq);
            const view = entry.rootBounds?.height ?? Infinity;
            const seen =
              entry.isIntersecting &&
              (entry.intersectionRatio >= 0.99 || entry.intersectionRect.height >= view * TALL_SHARE);
            if (!activeRef.current) continue;
            if (seen) {
              visible.current.add(seq);
              everSeen.current.add(seq);
            } else visible.current.delete(seq);
          }
          flush();
        },
        { root, threshold: [0, 0.5, 0.99, 1] },
      );
    }
    for (const element of root.querySelectorAll<HTMLElement>('[data-seq]')) observer.current.observe(element);
  });

  // A thread reply arrived (no new element on the list), the socket is back, or the page became visible again.
  useEffect(() => flush(), [flush, newest.main, newest.any, connection]);
  useEffect(() => {
    document.addEventListener('visibilitychange', flush);
    return () => document.removeEventListener('visibilitychange', flush);
  }, [flush]);
  useEffect(
    () => () => {
      observer.current?.disconnect();
      clearTimeout(timer.current);
    },
    [],
  );
}
