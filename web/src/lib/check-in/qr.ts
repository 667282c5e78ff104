/**
 * QR codes for check-in (issue 11, item 8): badges carry the invitation's check-in code, nothing else, and the
 * check-in page reads it back from camera frames. No SvelteKit imports, so unit tests can round-trip it.
 */
import jsQR from 'jsqr';
import QRCode from 'qrcode';

/**
 * An SVG QR code as a data: URL (the content security policy allows data: images). Error correction M survives a
 * crumpled or badly printed badge; 2 modules of quiet zone are enough on a white badge and keep the code larger.
 */
export async function qrDataUrl(text: string): Promise<string> {
	const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
	return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** RGBA pixels, as a canvas's getImageData gives them. */
export interface Pixels {
	data: Uint8ClampedArray;
	width: number;
	height: number;
}

/** The text of a QR code found in the frame, or null; for browsers without BarcodeDetector. */
export function decodeQr(image: Pixels): string | null {
	// Badges are dark on light: skipping the inverted pass halves the work per frame on a weak phone.
	return jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' })?.data ?? null;
}
