/** Zoom and pan of the network drawing as pure viewBox arithmetic (user units), shared by mouse, touch and keys. */
export interface ViewBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** How far in and out from the fitted view one may go. */
export const MIN_ZOOM = 0.5;
export const MAX_ZOOM = 12;
export const ZOOM_STEP = 1.4;

export const viewBoxString = (v: ViewBox) => `${v.x} ${v.y} ${v.width} ${v.height}`;

/** The zoom of `v` relative to the fitted view `base` (1 = fitted, 2 = twice as close). */
export const zoomOf = (v: ViewBox, base: ViewBox) => base.width / v.width;

/** Zooms by `factor` (> 1 closer) keeping the user-space point (px, py) where it is on screen; clamped. */
export function zoomAt(v: ViewBox, base: ViewBox, factor: number, px = v.x + v.width / 2, py = v.y + v.height / 2): ViewBox {
  const target = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoomOf(v, base) * factor));
  const width = base.width / target;
  const height = base.height / target;
  const k = width / v.width;
  return { x: px - (px - v.x) * k, y: py - (py - v.y) * k, width, height };
}

/** Moves the view by (dx, dy) user units. */
export const panBy = (v: ViewBox, dx: number, dy: number): ViewBox => ({ ...v, x: v.x + dx, y: v.y + dy });

/** Centres the view on a point, keeping the zoom. */
export const centreOn = (v: ViewBox, px: number, py: number): ViewBox => ({
  ...v,
  x: px - v.width / 2,
  y: py - v.height / 2,
});

export const contains = (v: ViewBox, px: number, py: number, margin = 0) =>
  px >= v.x + margin && px <= v.x + v.width - margin && py >= v.y + margin && py <= v.y + v.height - margin;

/** The keyboard: + and − zoom, arrows pan a tenth of the view, 0 resets. Null for keys the graph leaves alone. */
export function viewForKey(key: string, v: ViewBox, base: ViewBox): ViewBox | null {
  const step = v.width / 10;
  switch (key) {
    case '+':
    case '=':
      return zoomAt(v, base, ZOOM_STEP);
    case '-':
    case '_':
      return zoomAt(v, base, 1 / ZOOM_STEP);
    case '0':
      return base;
    case 'ArrowLeft':
      return panBy(v, -step, 0);
    case 'ArrowRight':
      return panBy(v, step, 0);
    case 'ArrowUp':
      return panBy(v, 0, -step);
    case 'ArrowDown':
      return panBy(v, 0, step);
    default:
      return null;
  }
}

/** `v` widened or heightened around its centre to the client's aspect ratio, so "meet" shows exactly this box. */
export function fitAspect(v: ViewBox, clientWidth: number, clientHeight: number): ViewBox {
  if (clientWidth <= 0 || clientHeight <= 0) return v;
  const aspect = clientWidth / clientHeight;
  if (v.width / v.height > aspect) {
    const height = v.width / aspect;
    return { ...v, y: v.y - (height - v.height) / 2, height };
  }
  const width = v.height * aspect;
  return { ...v, x: v.x - (width - v.width) / 2, width };
}
