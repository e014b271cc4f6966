import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the list server answers with: a list file, or one of the ways a host fails. */
export type ListServing =
  | { kind: 'list'; body: string }
  | { kind: 'garbage' }
  | { kind: 'error'; status: number }
  | { kind: 'truncated'; body: string }
  | { kind: 'hang' };

export interface ListServer {
  url(path: string): string;
  serve(path: string, serving: ListServing): void;
  /** Requests seen, with their conditional headers: proves a 304. */
  requests: { path: string; ifNoneMatch?: string; status: number }[];
  close(): Promise<void>;
}

/** A static list host on 127.0.0.1 (random port), with ETags and 304s like a CDN. */
export async function startListServer(): Promise<ListServer> {
  const servings = new Map<string, ListServing>();
  // Computed once per file, as a static host does: hashing 30 MB on each request would time the server.
  const etags = new Map<string, string>();
  const requests: ListServer['requests'] = [];
  const hung = new Set<ServerResponse>();
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const serving = servings.get(path);
    const ifNoneMatch = request.headers['if-none-match'];
    const answer = (status: number) => requests.push({ path, status, ...(ifNoneMatch ? { ifNoneMatch } : {}) });
    // Lists are fetched from the extension's origin: a public static host allows any.
    response.setHeader('Access-Control-Allow-Origin', '*');
    if (!serving) {
      answer(404);
      response.writeHead(404).end();
      return;
    }
    switch (serving.kind) {
      case 'list': {
        const etag = etags.get(path)!;
        if (ifNoneMatch === etag) {
          answer(304);
          response.writeHead(304, { ETag: etag }).end();
          return;
        }
        answer(200);
        response.writeHead(200, { 'Content-Type': 'application/json', ETag: etag }).end(serving.body);
        return;
      }
      case 'garbage':
        answer(200);
        response
          .writeHead(200, { 'Content-Type': 'text/html' })
          .end('<html><body>502 Bad Gateway (cached)</body></html>');
        return;
      case 'error':
        answer(serving.status);
        response.writeHead(serving.status, { 'Content-Type': 'text/plain' }).end('Internal Server Error');
        return;
      case 'truncated': {
        answer(200);
        const bytes = Buffer.from(serving.body);
        response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(bytes.length) });
        response.write(bytes.subarray(0, bytes.length >> 1), () => response.destroy());
        return;
      }
      case 'hang':
        answer(0);
        hung.add(response);
        return;
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    serve: (path, serving) => {
      servings.set(path, serving);
      if (serving.kind === 'list') etags.set(path, `"${serving.body.length.toString(36)}-${hashOf(serving.body)}"`);
    },
    requests,
    close: async () => {
      for (const response of hung) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function hashOf(text: string): string {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return (hash >>> 0).toString(36);
}
