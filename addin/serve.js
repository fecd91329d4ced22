/**
 * Development server for the Excel add-in: serves dist/addin/ (built by `npm start`) at
 * https://localhost:3000 with the Office Add-in development certificates
 * (office-addin-dev-certs creates and trusts them on first use). No live reload: rebuild with
 * `npm run build:addin:dev` and reload the task pane.
 *
 *   node addin/serve.js [port]
 */
/* global URL */
const fs = require('fs');
const https = require('https');
const path = require('path');
const { getHttpsServerOptions } = require('office-addin-dev-certs');

const root = path.resolve(__dirname, '../dist/addin');
const port = Number(process.argv[2] || process.env.PORT || 3000);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml; charset=utf-8',
};

function send(response, status, body, type = 'text/plain; charset=utf-8') {
  response.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(body);
}

function handle(request, response) {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return send(response, 405, 'Method not allowed');
  }
  let relative;
  try {
    relative = decodeURIComponent(new URL(request.url, 'https://localhost').pathname);
  } catch {
    return send(response, 400, 'Bad request');
  }
  if (relative.endsWith('/')) relative += 'index.html';
  const file = path.join(root, relative);
  if (!file.startsWith(root + path.sep)) return send(response, 403, 'Forbidden');
  fs.readFile(file, (error, body) => {
    if (error) return send(response, 404, 'Not found');
    send(response, 200, request.method === 'HEAD' ? '' : body, TYPES[path.extname(file)]);
  });
}

async function main() {
  if (!fs.existsSync(path.join(root, 'taskpane.html'))) {
    throw new Error('dist/addin/ is not built: run `npm run build:addin:dev` first');
  }
  const options = await getHttpsServerOptions();
  https.createServer(options, handle).listen(port, () => {
    process.stdout.write(`Serving ${root} at https://localhost:${port}/\n`);
  });
}

main().catch((error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
