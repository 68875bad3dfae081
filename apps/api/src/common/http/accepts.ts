interface AcceptedRange {
  type: string;
  subtype: string;
  q: number;
  order: number;
}

function parseAccept(header: string | undefined): AcceptedRange[] {
  if (!header) return [{ type: '*', subtype: '*', q: 1, order: 0 }];
  const ranges: AcceptedRange[] = [];
  header.split(',').forEach((part, order) => {
    const [range = '', ...params] = part.split(';');
    const [type, subtype] = range.trim().toLowerCase().split('/');
    if (!type || !subtype) return;
    let q = 1;
    for (const param of params) {
      const [key, value] = param.split('=');
      if (key?.trim().toLowerCase() === 'q') q = Number.parseFloat(value ?? '') || 0;
    }
    ranges.push({ type, subtype, q, order });
  });
  return ranges;
}

/**
 * Which of `offered` (full media types, in the server's order of preference) the `Accept` header prefers, or
 * undefined when it accepts none: the highest quality, then the most specific range, then the header's order,
 * then the order offered (what Express's `req.accepts()` answers). No header accepts everything.
 */
export function preferredMediaType(header: string | undefined, offered: readonly string[]): string | undefined {
  const ranges = parseAccept(header);
  let best: { type: string; q: number; specificity: number; order: number; index: number } | undefined;
  offered.forEach((candidate, index) => {
    const [type, subtype] = candidate.toLowerCase().split('/');
    let match: { q: number; specificity: number; order: number } | undefined;
    for (const range of ranges) {
      const specificity =
        (range.type === type ? 4 : range.type === '*' ? 0 : -1) +
        (range.subtype === subtype ? 2 : range.subtype === '*' ? 0 : -10);
      if (specificity < 0) continue;
      if (!match || specificity > match.specificity || (specificity === match.specificity && range.q > match.q)) {
        match = { q: range.q, specificity, order: range.order };
      }
    }
    if (!match || match.q <= 0) return;
    const better =
      !best ||
      match.q > best.q ||
      (match.q === best.q && match.specificity > best.specificity) ||
      (match.q === best.q && match.specificity === best.specificity && match.order < best.order);
    if (better) best = { type: candidate, ...match, index };
  });
  return best?.type;
}
