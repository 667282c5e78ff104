/**
 * Size in pixels of a label as the browser will draw it, measured once per text on a canvas with the page's font
 * (label placement needs sizes before anything is drawn). The height is the font's own ascent and descent, which is
 * what the drawn text's bounding box spans; Arabic fonts are much taller than their nominal size. Without a
 * canvas, a rough estimate.
 */
export interface TextSize {
  width: number;
  ascent: number;
  descent: number;
}

const cache = new Map<string, TextSize>();
let context: CanvasRenderingContext2D | null | undefined;

export function textSize(text: string, px: number, weight: number, family: string): TextSize {
  const key = `${px}|${weight}|${family}|${text}`;
  const known = cache.get(key);
  if (known) return known;
  if (context === undefined) context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!context) return { width: text.length * px * 0.6, ascent: px * 1.1, descent: px * 0.5 };
  context.font = `${weight} ${px}px ${family}`;
  const m = context.measureText(text);
  const size = { width: m.width, ascent: m.fontBoundingBoxAscent, descent: m.fontBoundingBoxDescent };
  cache.set(key, size);
  return size;
}
