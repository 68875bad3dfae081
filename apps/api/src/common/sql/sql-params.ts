import { NetworkRole } from '@lcc/contracts';

/** Positional parameters for hand-written SQL: `p.add(value)` returns `$n`. */
export class SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * Who an access rule is asked about, as SQL expressions: one actor of a request (a parameter and a constant), or a
 * column of members when a rule is asked in bulk (who among these may receive an event).
 */
export interface SqlWho {
  /** An expression of the member's id. */
  id: string;
  /** An expression that is true for network coordinators and admins. */
  staff: string;
}

/** The actor of a request (their role was read with their session, so it is current). */
export function whoIsActor(actor: { id: string; role: NetworkRole }, p: SqlParams): SqlWho {
  return whoIsActorAt(actor, p.add(actor.id));
}

/** The actor, whose id the query binds already as `idExpr` (e.g. a query builder's `:actorId`). */
export function whoIsActorAt(actor: { role: NetworkRole }, idExpr: string): SqlWho {
  const staff = actor.role === NetworkRole.Admin || actor.role === NetworkRole.Coordinator;
  return { id: idExpr, staff: staff ? 'TRUE' : 'FALSE' };
}

/** Each row of a `members` alias (bulk questions: which of these members may see it). */
export function whoIsMemberRow(alias: string): SqlWho {
  return {
    id: `${alias}.id`,
    staff: `${alias}.role IN ('${NetworkRole.Admin}', '${NetworkRole.Coordinator}')`,
  };
}
