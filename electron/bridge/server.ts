// Loopback HTTP bridge: serves the built renderer and binds the same handler table as the
// app's IPC, so Playwright can drive the real UI in Debian's Chromium without Electron.
// Listens on 127.0.0.1 only and checks the Host header against DNS rebinding.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import type { AppContext, Dispatch } from '../api/index.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface Bridge {
  server: Server;
  url: string;
  emit(event: string, payload: unknown): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage, limit = 50 * 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startBridge(opts: {
  dispatch: Dispatch;
  ctx: AppContext;
  rendererDir: string;
  port?: number;
}): Promise<Bridge> {
  const listeners = new Set<ServerResponse>();
  const emit = (event: string, payload: unknown) => {
    const data = `data: ${JSON.stringify({ event, payload })}\n\n`;
    for (const res of listeners) res.write(data);
  };
  let origin = '';

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.headers.host !== origin.replace('http://', '')) {
      res.writeHead(421).end();
      return;
    }
    if (url.pathname.startsWith('/api/') && req.method === 'POST') {
      let args: unknown;
      try {
        args = JSON.parse((await readBody(req)) || '{}');
      } catch {
        args = undefined;
      }
      const result = await opts.dispatch(url.pathname.slice(5), args);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
      return;
    }
    if (url.pathname === '/__events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      res.write(': connected\n\n');
      listeners.add(res);
      req.on('close', () => listeners.delete(res));
      return;
    }
    serveStatic(opts.rendererDir, url.pathname, res);
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  origin = `http://127.0.0.1:${port}`;
  return {
    server,
    url: origin,
    emit,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of listeners) res.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function serveStatic(root: string, pathname: string, res: ServerResponse): void {
  const rel = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  let file = join(root, rel);
  if (!file.startsWith(root + sep) && file !== root) {
    res.writeHead(403).end();
    return;
  }
  // Client-side routes (#/...) all load index.html.
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Renderer belum dibangun: jalankan npm run build.');
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
  createReadStream(file).pipe(res);
}
