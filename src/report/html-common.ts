/** What every HTML report shares: escaping, the style sheet. */

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Text inside <script>: "</script" and "<!--" cannot end or confuse it. */
export function scriptSafe(s: string): string {
  return s.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

export const STYLE = `
body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5em auto; max-width: 960px; color: #212529; }
pre { background: #f8f9fa; padding: 0.6em; overflow-x: auto; }
.meta { color: #495057; }
.unstable, .nan, .inf { color: #c92a2a; } .inaccurate { color: #a86c00; } .stable, .ok { color: #2b8a3e; } .unknown { color: #495057; }
table { border-collapse: collapse; margin: 0.5em 0; } td, th { border: 1px solid #dee2e6; padding: 2px 6px; text-align: left; vertical-align: top; }
th { background: #f1f3f5; } td pre { margin: 0; padding: 0; background: none; }
.caret { color: #ae3ec9; }
.fix pre { background: #ebfbee; }
.discarded { color: #868e96; }
`;

/** The page around a body: charset, viewport, the style sheet (plus extra CSS), the scripts inlined after the body. */
export function htmlPage(title: string, body: string, opts: { css?: string; scripts?: string[] } = {}): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${opts.css ?? ''}
${STYLE}</style>
</head>
<body>
${body}
${(opts.scripts ?? []).join('\n')}
</body>
</html>
`;
}
