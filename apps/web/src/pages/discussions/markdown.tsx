import { createElement, Fragment, memo, type ReactNode } from 'react';
import MarkdownIt from 'markdown-it';

/**
 * The Markdown members may write in a message: paragraphs with line breaks, bold, italic, inline code and code
 * blocks, lists, quotes, and links (written or bare). HTML in the text is never parsed as HTML (`html: false`),
 * images are off (they would load from anywhere), and the tokens become React elements through an allowlist of
 * tags, so nothing reaches the page as markup. Only http(s) and mailto links are made.
 */
const parser = new MarkdownIt('zero', { html: false, linkify: true, breaks: true });
parser.enable([
  'newline',
  'list',
  'blockquote',
  'code',
  'fence',
  'emphasis',
  'backticks',
  'escape',
  'link',
  'autolink',
  'linkify',
]);

const SAFE_LINK = /^(https?:\/\/|mailto:)/i;
parser.validateLink = (url) => SAFE_LINK.test(url.trim());

/** The tags a message may produce; any other token is drawn by its children (or its text) alone. */
const TAGS = new Set(['p', 'br', 'strong', 'em', 'code', 'pre', 'ul', 'ol', 'li', 'blockquote', 'a']);

type Token = ReturnType<typeof parser.parse>[number];

interface Frame {
  token: Token | null;
  children: ReactNode[];
}

function element(token: Token | null, children: ReactNode[], key: number): ReactNode {
  if (!token || !TAGS.has(token.tag) || token.hidden) return createElement(Fragment, { key }, ...children);
  if (token.tag === 'a') {
    const href = String(token.attrGet('href') ?? '');
    if (!SAFE_LINK.test(href)) return createElement(Fragment, { key }, ...children);
    return createElement('a', { key, href, target: '_blank', rel: 'noopener noreferrer' }, ...children);
  }
  if (token.tag === 'ol') {
    const start = Number(token.attrGet('start') ?? 1);
    return createElement('ol', { key, start: Number.isFinite(start) ? start : 1 }, ...children);
  }
  return createElement(token.tag, { key }, ...children);
}

/** Builds React nodes from a flat token stream (opening, closing and single tokens; `inline` ones hold children). */
function render(tokens: Token[]): ReactNode[] {
  const stack: Frame[] = [{ token: null, children: [] }];
  let key = 0;
  const push = (node: ReactNode) => stack.at(-1)!.children.push(node);
  for (const token of tokens) {
    if (token.nesting === 1) {
      stack.push({ token, children: [] });
    } else if (token.nesting === -1) {
      const frame = stack.length > 1 ? stack.pop()! : { token: null, children: [] };
      push(element(frame.token, frame.children, key++));
    } else if (token.type === 'inline') {
      push(createElement(Fragment, { key: key++ }, ...render(token.children ?? [])));
    } else if (token.type === 'text') {
      push(token.content);
    } else if (token.type === 'softbreak' || token.type === 'hardbreak') {
      push(createElement('br', { key: key++ }));
    } else if (token.type === 'code_inline') {
      push(createElement('code', { key: key++ }, token.content));
    } else if (token.type === 'code_block' || token.type === 'fence') {
      push(createElement('pre', { key: key++ }, createElement('code', null, token.content)));
    } else if (token.content) {
      push(token.content);
    }
  }
  while (stack.length > 1) {
    const frame = stack.pop()!;
    push(element(frame.token, frame.children, key++));
  }
  return stack[0]!.children;
}

/** A message body drawn from its Markdown. */
export const MessageBody = memo(function MessageBody({ body }: { body: string }) {
  return <div className="message-body">{render(parser.parse(body, {}))}</div>;
});
