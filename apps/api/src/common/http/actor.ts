import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { type MemberStatus, NetworkRole } from '@lcc/contracts';

/** Who makes the request: resolved from the access token by the JWT guard, checked against the database. */
export interface Actor {
  id: string;
  role: NetworkRole;
  status: MemberStatus;
  displayName: string;
  /** The member's IANA time zone, for times shown in their zone. */
  timeZone: string;
  sessionId: string;
  mustChangePassword: boolean;
}

/**
 * Who looks at something readable without signing in: an active member, or null for an anonymous visitor of the
 * public site. One type for every feature that serves the public site (documents, cities, eco-labels).
 */
export type Viewer = Actor | null;

/** Injects the authenticated member (`@CurrentActor() actor: Actor`). */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  return context.switchToHttp().getRequest<{ user: Actor }>().user;
});

/** Injects the caller's user agent and IP (for session records). */
export interface ClientInfo {
  userAgent: string | null;
  ip: string | null;
}
export const Client = createParamDecorator((_: unknown, context: ExecutionContext): ClientInfo => {
  const request = context.switchToHttp().getRequest<{ ip?: string; headers: Record<string, unknown> }>();
  const agent = request.headers['user-agent'];
  return { userAgent: typeof agent === 'string' ? agent.slice(0, 300) : null, ip: request.ip ?? null };
});

/** Network coordinators and admins: they approve members and act as leads of every working group. */
export function isNetworkStaff(actor: { role: NetworkRole }): boolean {
  return actor.role === NetworkRole.Admin || actor.role === NetworkRole.Coordinator;
}
