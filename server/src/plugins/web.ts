import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Hashes of the inline scripts SvelteKit writes into index.html, so the CSP can allow exactly those. */
function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    (m) =>
      `'sha256-${createHash('sha256')
        .update(m[1] ?? '')
        .digest('base64')}'`,
  );
}

export function contentSecurityPolicy(scriptHashes: string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${scriptHashes.join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Serves the built web app (static, client-side rendered) and answers every non-API GET that
 * matches no file with index.html, so deep links like /contacts/<id> work after a reload.
 */
async function webPlugin(app: FastifyInstance, opts: { root: string }) {
  const indexFile = path.join(opts.root, 'index.html');
  if (!existsSync(indexFile)) {
    app.log.warn(`web app not built (${indexFile} missing): only the API is served`);
    return;
  }
  const csp = contentSecurityPolicy(inlineScriptHashes(readFileSync(indexFile, 'utf8')));
  await app.register(fastifyStatic, { root: opts.root, wildcard: false, index: false, cacheControl: false });

  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.url.startsWith('/api')) reply.header('content-security-policy', csp);
    if (request.url.startsWith('/_app/immutable/')) reply.header('cache-control', 'public, max-age=31536000, immutable');
    return payload;
  });

  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const urlPath = decodeURIComponent(request.url.split('?')[0] ?? '/');
    // An API path no route knows is a missing resource, not a page of the app.
    if (urlPath === '/api' || urlPath.startsWith('/api/')) return reply.callNotFound();
    const file = path.normalize(path.join(opts.root, urlPath));
    if (file.startsWith(opts.root + path.sep) && existsSync(file) && !file.endsWith(path.sep)) {
      return reply.sendFile(path.relative(opts.root, file));
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}

export default fp(webPlugin, { name: 'web' });
