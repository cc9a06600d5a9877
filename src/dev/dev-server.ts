import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { isContentError } from '../diagnostics/content-error.js';
import { formatDiagnostics } from '../diagnostics/format.js';
import type { Page } from '../render/page.js';
import { devPrefix, eventsUrl, injectLiveReload, liveReloadScript, overlayStylesheet } from './live-reload-client.js';
import { messagePage } from './message-page.js';

/** What the server serves: pages by URL, and the errors that stand now (formatted). */
export interface PageSource {
  readonly page: (url: string) => Page | undefined;
  readonly errors: () => readonly string[];
}

/** Where the server listens. */
export interface DevServerOptions {
  readonly host: string;
  /** 0 lets the system choose. */
  readonly port: number;
  /** When the port is taken, try the following ones (up to 20). */
  readonly nextFreePort: boolean;
}

/** Defaults of `broadsheet dev`. */
export const defaultDevServerOptions = { host: '127.0.0.1', port: 8080, nextFreePort: true } satisfies DevServerOptions;

/** The local HTTP server of `broadsheet dev`: pages from memory, clean URLs, live-reload events. */
export class DevServer {
  private readonly clients = new Set<http.ServerResponse>();

  private constructor(private readonly server: http.Server, private readonly source: PageSource) {}

  /** Start listening; resolves once the port is bound. */
  static async listen(source: PageSource, options: DevServerOptions = defaultDevServerOptions): Promise<DevServer> {
    const holder: { dev?: DevServer } = {};
    const server = http.createServer((req, res) => holder.dev?.handle(req, res));
    holder.dev = new DevServer(server, source);
    const last = options.nextFreePort && options.port !== 0 ? options.port + 19 : options.port;
    for (let port = options.port; ; port++) {
      try {
        await bind(server, port, options.host);
        return holder.dev;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port >= last) throw error;
      }
    }
  }

  /** The address to open in a browser, e.g. `http://127.0.0.1:8080/`. */
  get url(): string {
    const address = this.server.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return `http://${host}:${address.port}/`;
  }

  /** Send one server-sent event to every open page. */
  broadcast(event: string, data: unknown): void {
    const message = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const client of this.clients) client.write(message);
  }

  /** Close the event streams and the server. */
  async close(): Promise<void> {
    for (const client of this.clients) client.end();
    this.clients.clear();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Method Not Allowed');
    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return send(res, 400, 'text/plain; charset=utf-8', 'Bad Request: malformed percent-encoding');
    }
    if (pathname.startsWith(devPrefix)) return this.serveDevFile(pathname, res);
    try {
      this.servePage(pathname, url.search, req.method === 'HEAD', res);
    } catch (error) {
      if (!isContentError(error)) throw error;
      const body = messagePage('页面渲染出错', formatDiagnostics(error.diagnostics));
      send(res, 500, 'text/html; charset=utf-8', injectLiveReload(body));
    }
  }

  private servePage(pathname: string, search: string, head: boolean, res: http.ServerResponse): void {
    const page = this.source.page(pathname) ?? (pathname.endsWith('/index.html') ? this.source.page(pathname.slice(0, -'index.html'.length)) : undefined);
    if (page) return send(res, 200, page.contentType, withScript(page), head);
    if (!pathname.endsWith('/') && this.source.page(`${pathname}/`)) {
      res.writeHead(301, { location: `${encodeURI(pathname)}/${search}`, 'cache-control': 'no-store' }).end();
      return;
    }
    const custom = this.source.page('/404.html');
    const body = custom ? withScript(custom) : injectLiveReload(messagePage('页面不存在', `没有这个页面：${pathname}`));
    send(res, 404, 'text/html; charset=utf-8', body, head);
  }

  private serveDevFile(pathname: string, res: http.ServerResponse): void {
    if (pathname === `${devPrefix}live-reload.js`) return send(res, 200, 'text/javascript; charset=utf-8', liveReloadScript);
    if (pathname === `${devPrefix}overlay.css`) return send(res, 200, 'text/css; charset=utf-8', overlayStylesheet);
    if (pathname !== eventsUrl) return send(res, 404, 'text/plain; charset=utf-8', 'Not Found');
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
    // A page opened while a save is broken shows the overlay at once.
    res.write(`retry: 500\n\nevent: problems\ndata: ${JSON.stringify({ errors: this.source.errors() })}\n\n`);
    this.clients.add(res);
    res.on('close', () => this.clients.delete(res));
  }
}

function withScript(page: Page): string | Uint8Array {
  if (!page.contentType.startsWith('text/html')) return page.contents;
  const html = typeof page.contents === 'string' ? page.contents : Buffer.from(page.contents).toString('utf8');
  return injectLiveReload(html);
}

function send(res: http.ServerResponse, status: number, contentType: string, body: string | Uint8Array, head = false): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, { 'content-type': contentType, 'content-length': bytes.byteLength, 'cache-control': 'no-store' });
  res.end(head ? undefined : bytes);
}

function bind(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}
