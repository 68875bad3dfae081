import { escapeHtml, headerText, safeUrl } from './escape.js';

/** A message as plain-text parts; the layout writes its HTML (escaped) and text versions. */
export interface MailContent {
  subject: string;
  greeting: string;
  paragraphs: string[];
  /** Label and value lines (when, where...). */
  details?: [string, string][];
  /** A list of linked entries (a digest's notifications), each with an optional quoted excerpt. */
  items?: { label: string; text: string; url: string; excerpt?: string | null }[];
  action?: { label: string; url: string };
  /** Shown under the button for mail readers that do not follow it. */
  linkFallback?: string;
  /** Why the recipient gets this message. */
  footer: string;
  /** Links under the footer (settings, unsubscribe). */
  footerLinks?: { label: string; url: string }[];
  signature: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** Renders one message as a subject, a plain-text body and an HTML body; every value is escaped for HTML. */
export function renderLayout(content: MailContent, language: string): RenderedMail {
  const action = content.action ? { label: content.action.label, url: safeUrl(content.action.url) } : undefined;
  const items = (content.items ?? []).map((item) => ({ ...item, url: safeUrl(item.url) }));
  const footerLinks = (content.footerLinks ?? []).map((link) => ({ ...link, url: safeUrl(link.url) }));
  const text = [
    content.greeting,
    '',
    ...content.paragraphs.flatMap((p) => [p, '']),
    ...(content.details?.length ? [...content.details.map(([label, value]) => `${label}: ${value}`), ''] : []),
    ...items.flatMap((item) => [
      `- ${item.label} ${item.text}`,
      ...(item.excerpt ? [`  "${item.excerpt}"`] : []),
      `  ${item.url}`,
      '',
    ]),
    ...(action ? [`${action.label}:`, action.url, ''] : []),
    content.signature,
    '',
    '--',
    content.footer,
    ...footerLinks.map((link) => `${link.label}: ${link.url}`),
  ].join('\n');
  const details = content.details?.length
    ? `<table role="presentation" style="border-collapse:collapse;margin:0 0 16px">${content.details
        .map(
          ([label, value]) =>
            `<tr><th style="text-align:left;padding:2px 12px 2px 0;vertical-align:top">${escapeHtml(label)}</th>` +
            `<td style="padding:2px 0">${escapeHtml(value)}</td></tr>`,
        )
        .join('')}</table>`
    : '';
  const list = items.length
    ? `<ul style="padding-left:20px;margin:0 0 16px">${items
        .map(
          (item) =>
            `<li style="margin:0 0 10px"><span style="color:#666">${escapeHtml(item.label)}</span> ` +
            `<a href="${escapeHtml(item.url)}" style="color:#1b5e20">${escapeHtml(item.text)}</a>` +
            (item.excerpt ? `<br><q style="color:#444">${escapeHtml(item.excerpt)}</q>` : '') +
            `</li>`,
        )
        .join('')}</ul>`
    : '';
  const footerLinkHtml = footerLinks.length
    ? `<p style="font-size:12px;color:#666">${footerLinks
        .map((link) => `<a href="${escapeHtml(link.url)}" style="color:#1b5e20">${escapeHtml(link.label)}</a>`)
        .join(' · ')}</p>`
    : '';
  const button = action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="background:#1b5e20;color:#ffffff;` +
      `padding:10px 18px;border-radius:4px;text-decoration:none;display:inline-block">${escapeHtml(action.label)}</a></p>` +
      (content.linkFallback
        ? `<p style="font-size:13px;color:#555">${escapeHtml(content.linkFallback)}<br>` +
          `<a href="${escapeHtml(action.url)}" style="color:#1b5e20;word-break:break-all">${escapeHtml(action.url)}</a></p>`
        : '')
    : '';
  const html =
    `<!doctype html><html lang="${escapeHtml(language)}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width"><title>${escapeHtml(headerText(content.subject))}</title></head>` +
    `<body style="margin:0;padding:24px;background:#f5f5f5;font-family:sans-serif;color:#222">` +
    `<div style="max-width:600px;margin:0 auto;background:#ffffff;padding:24px;border-radius:6px">` +
    `<p>${escapeHtml(content.greeting)}</p>` +
    content.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('') +
    details +
    list +
    button +
    `<p>${escapeHtml(content.signature)}</p>` +
    `<hr style="border:none;border-top:1px solid #ddd;margin:24px 0 12px">` +
    `<p style="font-size:12px;color:#666">${escapeHtml(content.footer)}</p>` +
    footerLinkHtml +
    `</div></body></html>`;
  return { subject: headerText(content.subject), text, html };
}
