import { createHash } from 'node:crypto';

/*
 * One backup file: a magic line, a JSON manifest line, then the payload (PGlite's gzipped data-dir tarball, or a
 * pg_dump custom-format archive). The manifest carries the payload's SHA-256, so a truncated or altered file is refused
 * before anything is restored.
 */
const MAGIC = 'CIVIL-DIRECTORY-BACKUP 1\n';

export interface BackupManifest {
  kind: 'embedded' | 'postgres';
  appVersion: string;
  /** The last migration applied when the backup was taken. */
  migration: string | null;
  createdAt: string;
  counts: Record<string, number>;
  payloadBytes: number;
  payloadSha256: string;
}

export class BackupFileError extends Error {}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

export function encodeBackup(manifest: Omit<BackupManifest, 'payloadBytes' | 'payloadSha256'>, payload: Buffer): Buffer {
  const full: BackupManifest = { ...manifest, payloadBytes: payload.length, payloadSha256: sha256(payload) };
  return Buffer.concat([Buffer.from(MAGIC + JSON.stringify(full) + '\n', 'utf8'), payload]);
}

export function decodeBackup(file: Buffer): { manifest: BackupManifest; payload: Buffer } {
  if (!file.subarray(0, MAGIC.length).equals(Buffer.from(MAGIC, 'utf8'))) {
    throw new BackupFileError('This is not a backup of this application (its first line is wrong)');
  }
  const end = file.indexOf(0x0a, MAGIC.length);
  if (end === -1) throw new BackupFileError('The backup file is cut short (no manifest)');
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(file.subarray(MAGIC.length, end).toString('utf8')) as BackupManifest;
  } catch {
    throw new BackupFileError('The backup manifest is damaged');
  }
  const payload = file.subarray(end + 1);
  if (payload.length !== manifest.payloadBytes || sha256(payload) !== manifest.payloadSha256) {
    throw new BackupFileError('The backup file is damaged or incomplete (its checksum does not match)');
  }
  if (manifest.kind !== 'embedded' && manifest.kind !== 'postgres') throw new BackupFileError('Unknown backup kind');
  return { manifest, payload };
}
