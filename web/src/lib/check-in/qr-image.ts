/**
 * Drawing check-in QR codes: badges and the invitee's reply page carry the invitation's check-in code, nothing else.
 * No SvelteKit imports, so unit tests can round-trip it through the decoder in qr.ts.
 */
import QRCode from 'qrcode';

/**
 * An SVG QR code as a data: URL (the content security policy allows data: images). Error correction M survives a
 * crumpled or badly printed badge; 2 modules of quiet zone are enough on a white badge and keep the code larger.
 */
export async function qrDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
