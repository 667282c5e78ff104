import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { decodeQr, type Pixels } from '../../../web/src/lib/check-in/qr.js';
import { qrDataUrl } from '../../../web/src/lib/check-in/qr-image.js';

/** A QR code as a camera would see a printed badge: `scale` pixels per module, black on white, 4 modules of quiet zone. */
function render(text: string, scale = 6, quiet = 4): Pixels {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const width = (modules.size + 2 * quiet) * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  for (let y = 0; y < width; y++) {
    for (let x = 0; x < width; x++) {
      const row = Math.floor(y / scale) - quiet;
      const col = Math.floor(x / scale) - quiet;
      const dark = row >= 0 && col >= 0 && row < modules.size && col < modules.size && modules.get(row, col);
      if (dark) data.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3);
    }
  }
  return { data, width, height: width };
}

describe('check-in QR codes', () => {
  it('decode back to the check-in code they were made from', () => {
    for (const code of ['K7MP4XQ2', '23456789', 'ZZZZZZZZ']) expect(decodeQr(render(code))).toBe(code);
  });

  it('find nothing in a blank frame', () => {
    const blank = { data: new Uint8ClampedArray(200 * 200 * 4).fill(255), width: 200, height: 200 };
    expect(decodeQr(blank)).toBeNull();
  });

  it('make an SVG data URL for the badge that carries only the code', async () => {
    const url = await qrDataUrl('K7MP4XQ2');
    expect(url).toMatch(/^data:image\/svg\+xml;charset=utf-8,/);
    const svg = decodeURIComponent(url.slice(url.indexOf(',') + 1));
    expect(svg).toContain('<svg');
    expect(svg).not.toContain('K7MP4XQ2');
  });
});
