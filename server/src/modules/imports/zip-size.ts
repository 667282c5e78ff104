const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const ZIP64_MARK_16 = 0xffff;
const ZIP64_MARK_32 = 0xffffffff;

export const ZIP_STORED = 0;
export const ZIP_DEFLATED = 8;

export interface ZipDirectoryEntry {
  /** Compression method from the central directory: 0 stored, 8 deflated; exceljs (JSZip) reads no other. */
  method: number;
  encrypted: boolean;
  /** The uncompressed size the central directory declares: a claim, not a fact. */
  declaredSize: number;
  /** Where the entry's local header starts, and where its compressed bytes are, as JSZip will slice them. */
  headerStart: number;
  dataStart: number;
  dataEnd: number;
}

export type ZipDirectory = { kind: 'zip'; entries: ZipDirectoryEntry[] } | { kind: 'zip64' };

/**
 * The entries of a ZIP archive (an .xlsx is one), read from its central directory without inflating anything, the
 * way JSZip (exceljs's unzipper) reads them: the last end-of-central-directory record, central headers for as long as
 * their signature repeats, and each entry's bytes from its local header on, compressedSize long. Reading them the same
 * way matters: the entries checked here are then exactly the entries exceljs inflates.
 * `zip64` when the archive needs ZIP64 (no contact sheet does); null when this is no archive JSZip could read either,
 * or when entries overlap (a legitimate writer never does that; a zip bomb may, to reuse one compressed block).
 */
export function readZipDirectory(bytes: Uint8Array): ZipDirectory | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const has = (at: number, length: number) => at >= 0 && at + length <= bytes.length;

  let end = -1;
  for (let at = bytes.length - 4; at >= 0; at--) {
    if (u32(at) === END_OF_CENTRAL_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0 || !has(end, 22)) return null;
  const records = u16(end + 10);
  const directorySize = u32(end + 12);
  const directoryOffset = u32(end + 16);
  if ([u16(end + 4), u16(end + 6), u16(end + 8), records].includes(ZIP64_MARK_16)) return { kind: 'zip64' };
  if (directorySize === ZIP64_MARK_32 || directoryOffset === ZIP64_MARK_32) return { kind: 'zip64' };
  // Bytes before the archive (a self-extractor stub) shift every offset; JSZip allows for them, and so does this.
  const extraBytes = end - (directoryOffset + directorySize);
  if (extraBytes < 0) return null;
  const zero = extraBytes;

  const entries: ZipDirectoryEntry[] = [];
  let at = directoryOffset + zero;
  while (has(at, 4) && u32(at) === CENTRAL_DIRECTORY_HEADER) {
    if (!has(at, 46)) return null;
    const compressedSize = u32(at + 20);
    const declaredSize = u32(at + 24);
    const localOffset = u32(at + 42);
    if (compressedSize === ZIP64_MARK_32 || declaredSize === ZIP64_MARK_32 || localOffset === ZIP64_MARK_32) return { kind: 'zip64' };
    const local = localOffset + zero;
    if (!has(local, 30) || u32(local) !== LOCAL_FILE_HEADER) return null;
    const dataStart = local + 30 + u16(local + 26) + u16(local + 28);
    if (!has(dataStart, compressedSize)) return null;
    entries.push({
      method: u16(at + 10),
      encrypted: (u16(at + 8) & 1) === 1,
      declaredSize,
      headerStart: local,
      dataStart,
      dataEnd: dataStart + compressedSize,
    });
    at += 46 + u16(at + 28) + u16(at + 30) + u16(at + 32);
  }
  if (entries.length === 0 && records !== 0) return null;

  const byPosition = [...entries].sort((a, b) => a.headerStart - b.headerStart);
  for (let i = 1; i < byPosition.length; i++) if (byPosition[i].headerStart < byPosition[i - 1].dataEnd) return null;
  return { kind: 'zip', entries };
}

/**
 * The total uncompressed size a ZIP file declares in its central directory, read before anything is inflated, so a
 * small upload that says it expands to gigabytes is refused up front. Infinity for ZIP64 archives; null when no
 * readable central directory is found. What the entries really inflate to is checked in zip-inflate.ts.
 */
export function declaredUncompressedSize(bytes: Uint8Array): number | null {
  const directory = readZipDirectory(bytes);
  if (!directory) return null;
  if (directory.kind === 'zip64') return Infinity;
  return directory.entries.reduce((total, entry) => total + entry.declaredSize, 0);
}
