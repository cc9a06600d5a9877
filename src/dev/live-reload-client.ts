/** Where the dev server serves its own files; no site page can live under it. */
export const devPrefix = '/__broadsheet/';

/** The server-sent events channel: `reload` ({urls}) after a rebuild, `problems` ({errors}) after every rebuild. */
export const eventsUrl = `${devPrefix}events`;

/** The script tag injected into every HTML response of the dev server, never into build output. */
export const liveReloadTag = `<script src="${devPrefix}live-reload.js" defer></script>`;

/**
 * The browser side: reload when a rebuild changed this page, and draw the errors of a broken
 * save over the page. It builds the overlay with DOM calls and a same-origin stylesheet, because
 * the pages' Content-Security-Policy refuses inline scripts and styles.
 */
export const liveReloadScript = `(() => {
  'use strict';
  const here = () => { try { return decodeURIComponent(location.pathname); } catch { return location.pathname; } };
  const events = new EventSource('${eventsUrl}');
  events.addEventListener('reload', (event) => {
    const urls = JSON.parse(event.data).urls;
    const path = here();
    if (urls.includes(path) || urls.includes(path.replace(/index\\.html$/, ''))) location.reload();
  });
  events.addEventListener('problems', (event) => show(JSON.parse(event.data).errors));
  function show(errors) {
    const old = document.getElementById('broadsheet-overlay');
    if (old) old.remove();
    if (errors.length === 0) return;
    if (!document.getElementById('broadsheet-overlay-css')) {
      const link = document.createElement('link');
      link.id = 'broadsheet-overlay-css';
      link.rel = 'stylesheet';
      link.href = '${devPrefix}overlay.css';
      document.head.appendChild(link);
    }
    const box = document.createElement('div');
    box.id = 'broadsheet-overlay';
    box.setAttribute('role', 'alert');
    const title = document.createElement('p');
    title.textContent = '构建出错：页面仍是上次成功构建的版本。修正后保存即可恢复。';
    const list = document.createElement('pre');
    list.textContent = errors.join('\\n');
    const close = document.createElement('button');
    close.type = 'button';
    close.textContent = '关闭';
    close.addEventListener('click', () => box.remove());
    box.append(title, list, close);
    document.body.appendChild(box);
  }
})();
`;

/** The overlay's stylesheet. */
export const overlayStylesheet = `#broadsheet-overlay {
  position: fixed; inset: auto 0 0 0; z-index: 2147483647; max-height: 60vh; overflow: auto;
  margin: 0; padding: 1em 1.5em; background: #2b0b0b; color: #ffecec; border-top: 4px solid #e5484d;
  font: 14px/1.5 ui-monospace, "SFMono-Regular", Menlo, Consolas, "Noto Sans Mono CJK SC", monospace;
}
#broadsheet-overlay p { margin: 0 0 .5em; font-weight: bold; }
#broadsheet-overlay pre { margin: 0 0 .75em; white-space: pre-wrap; }
#broadsheet-overlay button { font: inherit; }
`;

/** The HTML with the live-reload script added before `</head>` (or `</body>`, or at the end). */
export function injectLiveReload(html: string): string {
  for (const tag of [/<\/head\s*>/i, /<\/body\s*>/i]) {
    const match = tag.exec(html);
    if (match) return `${html.slice(0, match.index)}${liveReloadTag}\n${html.slice(match.index)}`;
  }
  return `${html}\n${liveReloadTag}\n`;
}
