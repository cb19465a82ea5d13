/**
 * npm start [-- --port N] [--host ADDRESS] — serves the course's built site (site/) in the student
 * edition: plain files over HTTP with sirv, no build step. Shipped in the edition only as the `start`
 * script; the course's own repository serves its site with Astro.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import sirv from 'sirv';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const usage = `Usage: npm start [-- --port N] [--host ADDRESS]
Serves the course on this machine (default http://127.0.0.1:4321/).
  --port N          the port (default 4321; 0 picks a free one)
  --host ADDRESS    the address to listen on (default 127.0.0.1: this machine only)`;

function fail(message: string): never {
  process.stderr.write(`start: ${message}\n`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    args: process.argv.slice(2),
    options: { port: { type: 'string', default: '4321' }, host: { type: 'string', default: '127.0.0.1' }, help: { type: 'boolean', short: 'h', default: false } },
  }));
} catch (error) {
  fail(`${(error as Error).message}\n\n${usage}`);
}
if (values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a whole number from 0 to 65535 (got "${values.port}")`);

const site = join(root, 'site');
if (!existsSync(join(site, 'index.html'))) fail(`${site} has no index.html: this copy of the course has no built site`);
const notFound = existsSync(join(site, '404.html')) ? readFileSync(join(site, '404.html')) : Buffer.from('Not found');
const files = sirv(site, { etag: true, extensions: ['html'], dotfiles: false });

const server = createServer((request, response) => {
  files(request, response, () => {
    response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(notFound);
  });
});
server.on('error', (error: NodeJS.ErrnoException) => {
  fail(error.code === 'EADDRINUSE' ? `port ${port} is in use: try npm start -- --port ${port + 1}` : error.message);
});
server.listen(port, values.host, () => {
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  process.stdout.write(`Queues & Caches is at http://${values.host}:${actual}/ (Ctrl+C stops it)\n`);
});
process.once('SIGINT', () => server.close(() => process.exit(0)));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
