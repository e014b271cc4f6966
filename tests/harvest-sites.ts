import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

/**
 * Fact-check sites for harvest tests and the bench, each on its own port of 127.0.0.1 (its own
 * host, so per-host politeness applies per site): files from a folder, with ETags and 304s like a
 * real web server, WordPress's paged posts API, and the hostile answers a crawler meets.
 * `{{origin}}` in a file is the site's own origin, `{{origin:NAME}}` another site's.
 */

export interface SiteRequest {
  path: string;
  at: number;
  status: number;
  userAgent: string;
  conditional: boolean;
}

/** A hand-made answer for one path, replacing the file (or a missing file). */
export type Override =
  | { kind: 'body'; body: string | Buffer; contentType?: string; status?: number }
  | { kind: 'status'; status: number }
  | { kind: 'redirect'; location: string; status?: number }
  /** Sends this head, then chunks of this text forever (until the client goes). */
  | { kind: 'endless'; head: string; chunk: string; contentType: string }
  /** Never answers. */
  | { kind: 'hang' };

export interface FixtureSite {
  name: string;
  origin: string;
  host: string;
  requests: SiteRequest[];
  /** Replaces what a path answers; `null` goes back to the file. */
  override(path: string, answer: Override | null): void;
  /** Replaces a file's text (after placeholders), or restores it with null. */
  setFile(path: string, text: string | null): void;
}

export interface FixtureSites {
  sites: Map<string, FixtureSite>;
  site(name: string): FixtureSite;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};
const LAST_MODIFIED = 'Wed, 24 Jun 2026 08:00:00 GMT';
/** WordPress caps per_page at 100; this one pages by 2 so a small fixture still spans pages. */
const WORDPRESS_PAGE_SIZE = 2;

interface WordPressPost {
  path: string;
  modified_gmt: string;
}

export async function startFixtureSites(root: string, names: readonly string[]): Promise<FixtureSites> {
  const sites = new Map<string, FixtureSite>();
  const servers: Server[] = [];
  const open = new Set<ServerResponse>();
  const origins = new Map<string, string>();

  const expand = (text: string, own: string) =>
    text.replace(
      /\{\{origin(?::([a-z0-9-]+))?\}\}/g,
      (_, name: string | undefined) => (name ? origins.get(name) : own) ?? 'http://127.0.0.1:9',
    );

  for (const name of names) {
    const overrides = new Map<string, Override>();
    const files = new Map<string, string>();
    const requests: SiteRequest[] = [];
    const folder = join(root, name);
    let origin = '';

    /** A path's file: as named, or with .html added (article URLs have no extension). */
    const fileText = (path: string): string | undefined => {
      if (files.has(path)) return files.get(path);
      const file = normalize(join(folder, decodeURIComponent(path)));
      if (!file.startsWith(`${folder}/`)) return undefined;
      for (const candidate of [file, `${file}.html`]) {
        if (/\.\w+$/.test(candidate) && existsSync(candidate)) return expand(readFileSync(candidate, 'utf8'), origin);
      }
      return undefined;
    };

    const wordPress = (url: URL): { status: number; body: string; headers: Record<string, string> } | undefined => {
      const text = fileText('/wp-posts.json');
      if (text === undefined) return undefined;
      const posts = JSON.parse(text) as WordPressPost[];
      const ordered = [...posts].sort((a, b) => b.modified_gmt.localeCompare(a.modified_gmt));
      const page = Number(url.searchParams.get('page') ?? 1);
      const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 10), WORDPRESS_PAGE_SIZE);
      const totalPages = Math.max(1, Math.ceil(ordered.length / perPage));
      if (page > totalPages)
        return {
          status: 400,
          body: JSON.stringify({
            code: 'rest_post_invalid_page_number',
            message: 'The page number requested is larger than the number of pages available.',
          }),
          headers: {},
        };
      const slice = ordered
        .slice((page - 1) * perPage, page * perPage)
        .map((post) => ({ link: `${origin}${post.path}`, modified_gmt: post.modified_gmt }));
      return {
        status: 200,
        body: JSON.stringify(slice),
        headers: { 'X-WP-Total': String(ordered.length), 'X-WP-TotalPages': String(totalPages) },
      };
    };

    const answer = (request: IncomingMessage, response: ServerResponse) => {
      const url = new URL(request.url ?? '/', origin);
      const conditional = Boolean(request.headers['if-none-match'] || request.headers['if-modified-since']);
      const log = (status: number) =>
        requests.push({
          path: url.pathname + url.search,
          at: performance.now(),
          status,
          userAgent: String(request.headers['user-agent'] ?? ''),
          conditional,
        });
      const override = overrides.get(url.pathname);
      if (override) {
        switch (override.kind) {
          case 'hang':
            log(0);
            open.add(response);
            return;
          case 'status':
            log(override.status);
            response
              .writeHead(override.status, { 'Content-Type': 'text/html' })
              .end(`<html><body>${override.status}</body></html>`);
            return;
          case 'redirect':
            log(override.status ?? 301);
            response.writeHead(override.status ?? 301, { Location: expand(override.location, origin) }).end();
            return;
          case 'endless': {
            log(200);
            open.add(response);
            response.writeHead(200, { 'Content-Type': override.contentType });
            response.write(override.head);
            const more = () => {
              while (!response.destroyed && response.write(override.chunk));
              if (!response.destroyed) response.once('drain', more);
            };
            response.on('close', () => open.delete(response));
            more();
            return;
          }
          case 'body':
            log(override.status ?? 200);
            response
              .writeHead(override.status ?? 200, { 'Content-Type': override.contentType ?? 'text/html; charset=utf-8' })
              .end(override.body);
            return;
        }
      }
      let status = 200;
      let body: string | undefined;
      let headers: Record<string, string> = {};
      if (url.pathname === '/wp-json/wp/v2/posts') {
        const page = wordPress(url);
        if (page) ({ status, body, headers } = page);
      } else {
        body = fileText(url.pathname);
      }
      if (body === undefined) {
        log(404);
        response.writeHead(404, { 'Content-Type': 'text/html' }).end('<html><body>Not found</body></html>');
        return;
      }
      const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
      if (status === 200 && request.headers['if-none-match'] === etag) {
        log(304);
        response.writeHead(304, { ETag: etag }).end();
        return;
      }
      log(status);
      const type = url.pathname.startsWith('/wp-json/')
        ? TYPES['.json']!
        : (TYPES[extname(url.pathname)] ?? TYPES['.html']!);
      response
        .writeHead(status, { 'Content-Type': type, ETag: etag, 'Last-Modified': LAST_MODIFIED, ...headers })
        .end(body);
    };

    const server = createServer(answer);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    origins.set(name, origin);
    sites.set(name, {
      name,
      origin,
      host: new URL(origin).host,
      requests,
      override: (path, answer) => (answer ? overrides.set(path, answer) : overrides.delete(path)),
      setFile: (path, text) => (text === null ? files.delete(path) : files.set(path, expand(text, origin))),
    });
  }

  return {
    sites,
    site(name) {
      const site = sites.get(name);
      if (!site) throw new Error(`no fixture site ${name}`);
      return site;
    },
    async close() {
      for (const response of open) response.destroy();
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.closeAllConnections();
              server.close(() => resolve());
            }),
        ),
      );
    },
  };
}
