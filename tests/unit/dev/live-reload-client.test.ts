import { describe, expect, it } from 'vitest';
import { injectLiveReload, liveReloadScript, liveReloadTag } from '../../../src/dev/live-reload-client.js';

describe('injectLiveReload', () => {
  it.each([
    ['before </head>', '<html><head><title>新闻</title></head><body>正文</body></html>', `<html><head><title>新闻</title>${liveReloadTag}\n</head><body>正文</body></html>`],
    ['before an upper-case </HEAD >', '<HTML><HEAD><TITLE>新闻</TITLE></HEAD ><BODY></BODY></HTML>', `<HTML><HEAD><TITLE>新闻</TITLE>${liveReloadTag}\n</HEAD ><BODY></BODY></HTML>`],
    ['before </body> when there is no head', '<p>正文</p></body>', `<p>正文</p>${liveReloadTag}\n</body>`],
    ['at the end of a fragment', '<p>正文</p>', `<p>正文</p>\n${liveReloadTag}\n`],
    ['only once, before the first </head>', '<head></head><pre>&lt;/head&gt;</head></pre>', `<head>${liveReloadTag}\n</head><pre>&lt;/head&gt;</head></pre>`],
  ])('adds the script tag %s', (_case, html, expected) => {
    expect(injectLiveReload(html)).toBe(expected);
  });

  it('loads a same-origin script (the pages forbid inline scripts) that listens to the event channel', () => {
    expect(liveReloadTag).toBe('<script src="/__broadsheet/live-reload.js" defer></script>');
    expect(liveReloadScript).toContain("new EventSource('/__broadsheet/events')");
    expect(liveReloadScript).toContain("addEventListener('reload'");
  });
});
