/** Reads the first pixel of a PNG (8-bit RGB or RGBA), to tell which background a picture has. */
import { inflateSync } from 'node:zlib';

export function firstPixel(png: Buffer): string {
  const chunks: Buffer[] = [];
  let colourType = -1;
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.subarray(at + 4, at + 8).toString('latin1');
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') colourType = data[9]!;
    if (type === 'IDAT') chunks.push(data);
    at += 12 + length;
  }
  if (colourType !== 2 && colourType !== 6) throw new Error(`PNG colour type ${colourType} is not RGB or RGBA`);
  // Row 0 starts with its filter byte; every filter leaves the first pixel of the first row as stored.
  const [, r, g, b] = inflateSync(Buffer.concat(chunks));
  return `#${[r!, g!, b!].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}
