const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    return ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

/**
 * A search snippet: the API escapes the text and marks matches with `<b>…</b>`. It is rendered as text with
 * `<mark>` around the matches, never as HTML, so nothing in a document can inject markup.
 */
export function Snippet({ html }: { html: string }) {
  const parts: { text: string; match: boolean }[] = [];
  let match = false;
  for (const piece of html.split(/(<\/?b>)/)) {
    if (piece === '<b>') match = true;
    else if (piece === '</b>') match = false;
    else if (piece) parts.push({ text: decode(piece), match });
  }
  return (
    <p className="document-snippet">
      {parts.map((part, index) => (part.match ? <mark key={index}>{part.text}</mark> : part.text))}
    </p>
  );
}
