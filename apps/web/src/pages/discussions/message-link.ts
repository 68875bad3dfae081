/** A message's permalink in the portal: its room opened at that message (anyone who may read the room can follow it). */
export function messageLink(roomId: string, seq: number): string {
  return `/rooms/${roomId}/messages/${seq}`;
}
