/**
 * Reading check-in QR codes (issue 11, item 8): the check-in page reads the invitation's check-in code back from
 * camera frames. Drawing them is in qr-image.ts, so the invitee's light reply page does not load the decoder.
 */
import jsQR from 'jsqr';

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
