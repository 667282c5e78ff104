import type { FastifyRequest } from 'fastify';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A state-changing request that rides on the session cookie must come from this app's own pages, or another site could
 * make a signed-in user's browser upload or change things (SameSite=Strict does not cover same-site subdomains or
 * every browser). Browsers say where a request comes from in Sec-Fetch-Site (all current ones) and Origin (on every
 * cross-origin POST); a request with neither is not from a browser page and is let through like a Bearer one.
 * Requests authenticated by `Authorization: Bearer` are scripts and need no proof: a browser never adds that header
 * on its own.
 */
export function isCrossSiteWrite(request: FastifyRequest, publicUrl: string | null): boolean {
  if (SAFE_METHODS.has(request.method) || request.headers.authorization) return false;
  const fetchSite = request.headers['sec-fetch-site'];
  if (typeof fetchSite === 'string') return fetchSite !== 'same-origin';
  const origin = request.headers.origin;
  if (typeof origin !== 'string') return false;
  return origin !== `${request.protocol}://${request.host}` && origin !== publicUrl;
}
