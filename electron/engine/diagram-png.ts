/**
 * The diagram's SVG as a PNG, drawn by resvg (no browser) with the system's
 * fonts; DejaVu Sans, which a Debian machine has, first.
 */
import { Resvg } from '@resvg/resvg-js';

/** Pixels per SVG unit: twice the canvas's size, sharp on high-density screens and in wikis. */
export const PNG_SCALE = 2;

export function svgToPng(svg: string): Buffer {
  const image = new Resvg(svg, {
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
    fitTo: { mode: 'zoom', value: PNG_SCALE },
  }).render();
  return image.asPng();
}
