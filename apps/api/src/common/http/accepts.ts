import Negotiator from 'negotiator';

/**
 * Which of `offered` (full media types, in the server's order of preference) the `Accept` header prefers, or
 * undefined when it accepts none: `negotiator`'s answer, the one Express's `req.accepts()` gives. No header accepts
 * everything.
 */
export function preferredMediaType(header: string | undefined, offered: readonly string[]): string | undefined {
  return new Negotiator({ headers: { accept: header } }).mediaType([...offered]);
}
