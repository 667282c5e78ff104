const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_HEADER = 0x02014b50;
const ZIP64_MARK = 0xffffffff;

/**
 * The total uncompressed size a ZIP file (an .xlsx is one) declares in its central directory, read before anything is
 * inflated, so a small upload that would expand to gigabytes is refused up front. Infinity for ZIP64 archives (no
 * contact sheet needs one); null when no readable central directory is found.
 */
export function declaredUncompressedSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) !== END_OF_CENTRAL_DIRECTORY) continue;
    const entries = view.getUint16(at + 10, true);
    if (entries === 0xffff) return Infinity;
    let offset = view.getUint32(at + 16, true);
    let total = 0;
    for (let i = 0; i < entries; i++) {
      if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL_DIRECTORY_HEADER) return null;
      const size = view.getUint32(offset + 24, true);
      if (size === ZIP64_MARK) return Infinity;
      total += size;
      offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
    }
    return total;
  }
  return null;
}
