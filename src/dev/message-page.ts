/** A small HTML page of the dev server (404, render error), styled by the theme's stylesheet. */
export function messagePage(title: string, text: string): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/assets/site.css">
</head>
<body>
<main class="container">
<h1>${escapeHtml(title)}</h1>
<pre>${escapeHtml(text)}</pre>
<p><a href="/">返回首页</a></p>
</main>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
