import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { crc32, encodePng, ICON_SIZES, renderIcon } from '../../src/tools/make-icons';

const ASSETS = path.resolve(__dirname, '..', '..', 'assets');

/** Decodes the PNGs encodePng writes (8-bit RGBA, filter 0, one IDAT) back to pixels. */
function decode(png: Buffer): { width: number; height: number; rgba: Buffer } {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  let offset = 8;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    expect(png.readUInt32BE(offset + 8 + length)).toBe(crc32(png.subarray(offset + 4, offset + 8 + length)));
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const rgba = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width * 4 + 1)]).toBe(0);
    raw.copy(rgba, y * width * 4, y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1));
  }
  return { width, height, rgba };
}

describe('make-icons', () => {
  it('computes the PNG CRC-32 (IEND chunk type: 0xAE426082)', () => {
    expect(crc32(Buffer.from('IEND', 'ascii'))).toBe(0xae426082);
  });

  it('encodes pixels that decode back unchanged', () => {
    const pixels = new Uint8Array([255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 0, 1, 2, 3, 4]);
    const decoded = decode(encodePng(2, 2, pixels));
    expect(decoded.width).toBe(2);
    expect([...decoded.rgba]).toEqual([...pixels]);
  });

  it.each(ICON_SIZES)('the committed assets/icon-%i.png is the rendered design at that size', (size) => {
    const decoded = decode(fs.readFileSync(path.join(ASSETS, `icon-${size}.png`)));
    expect(decoded.width).toBe(size);
    expect(decoded.height).toBe(size);
    expect(Buffer.from(renderIcon(size)).equals(decoded.rgba)).toBe(true);
  });
});
