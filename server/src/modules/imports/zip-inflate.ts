import { createInflateRaw } from 'node:zlib';
import { ZIP_DEFLATED, ZIP_STORED, type ZipDirectoryEntry } from './zip-size.js';

/** Inflated output is counted this much at a time and dropped: the most an entry can overshoot its limit by. */
const CHUNK_BYTES = 64 * 1024;

export interface InflateLimits {
  /** The most all entries together may really unpack to. */
  total: number;
  /** The most any one entry may really unpack to. */
  perEntry: number;
}

export type InflateCheck =
  | { ok: true; inflatedBytes: number }
  /** past_declared: an entry unpacks to more than the directory says (a zip bomb lying about its size). */
  | { ok: false; reason: 'too_large' | 'past_declared' | 'short' | 'corrupt' | 'unsupported' };

/**
 * Unpacks every entry of an archive and throws the output away, counting it, to learn what the entries really inflate
 * to without trusting their headers. An entry is stopped as soon as it produces more than it declared (or than the
 * limits leave), so a bomb costs one chunk of memory and the CPU of inflating its declared size, never its real size.
 * An entry must inflate to exactly its declared size: JSZip, which exceljs unzips with, refuses anything else too,
 * but only after inflating all of it. Once this passes, handing the same bytes to exceljs inflates no more than the
 * declared sizes, which the caller has already capped.
 */
export async function checkZipInflation(bytes: Uint8Array, entries: ZipDirectoryEntry[], limits: InflateLimits): Promise<InflateCheck> {
  let total = 0;
  for (const entry of entries) {
    if (entry.encrypted) return { ok: false, reason: 'unsupported' };
    const limit = Math.min(entry.declaredSize, limits.perEntry, limits.total - total);
    const data = bytes.subarray(entry.dataStart, entry.dataEnd);
    let produced: number;
    if (entry.method === ZIP_STORED) produced = data.length;
    else if (entry.method === ZIP_DEFLATED) {
      try {
        produced = await inflatedLength(data, limit);
      } catch {
        return { ok: false, reason: 'corrupt' };
      }
    } else return { ok: false, reason: 'unsupported' };
    if (produced > entry.declaredSize) return { ok: false, reason: 'past_declared' };
    if (produced > limit) return { ok: false, reason: 'too_large' };
    if (produced < entry.declaredSize) return { ok: false, reason: 'short' };
    total += produced;
  }
  return { ok: true, inflatedBytes: total };
}

/**
 * How many bytes raw-deflate data inflates to, counted as zlib streams them out and never kept. Stops inflating as
 * soon as the count passes `limit` (the result is then above limit, by less than a chunk). Rejects invalid data.
 */
export function inflatedLength(data: Uint8Array, limit: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw({ chunkSize: CHUNK_BYTES });
    let produced = 0;
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      finish();
    };
    inflate.on('data', (chunk: Buffer) => {
      produced += chunk.length;
      if (produced > limit) {
        settle(() => resolve(produced));
        inflate.destroy();
      }
    });
    inflate.on('end', () => settle(() => resolve(produced)));
    // Input that ends before the final block (Z_BUF_ERROR) counts what it gave, as JSZip's streaming inflate takes it;
    // invalid data is an error.
    inflate.on('error', (error: NodeJS.ErrnoException) => settle(() => (error.code === 'Z_BUF_ERROR' ? resolve(produced) : reject(error))));
    inflate.end(data);
  });
}
