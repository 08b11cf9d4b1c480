/**
 * A static server for the browser benchmark: the bench page, the built app, the synthetic graph
 * files, and a decoded text for any source id (the synthetic graphs have no real texts).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.txt': 'text/plain; charset=utf-8', '.map': 'application/json', '.wasm': 'application/wasm',
};

const TEXT = '一、坚持和加强党对教育工作的全面领导\n1.贯彻落实文件精神。健全工作机制，压实各方责任，形成工作合力。\n'.repeat(20);

export interface Mounts {
  /** URL prefix → folder. */
  dirs: Record<string, string>;
  /** URL path → file (takes precedence). */
  files: Record<string, string>;
}

export function startServer(mounts: Mounts): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const url = decodeURIComponent((req.url ?? '/').split('?')[0]);
    if (/\/texts\/[^/]+\.txt$/.test(url)) {
      res.writeHead(200, { 'content-type': TYPES['.txt'] });
      res.end(TEXT);
      return;
    }
    let file = mounts.files[url];
    if (!file) {
      for (const [prefix, dir] of Object.entries(mounts.dirs)) {
        if (url.startsWith(prefix)) {
          const rest = normalize(url.slice(prefix.length)).replace(/^(\.\.[/\\])+/, '');
          file = join(dir, rest.endsWith('/') || rest === '' || rest === '.' ? join(rest, 'index.html') : rest);
          break;
        }
      }
    }
    if (!file || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404);
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': statSync(file).size, 'cache-control': 'no-cache' });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => {
    const addr = server.address();
    ok({ server, base: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}` });
  }));
}
