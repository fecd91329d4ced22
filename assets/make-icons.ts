/**
 * Draws the add-in icons (assets/icon-16.png … icon-128.png): a white three-step podium, with a
 * star over the winner from 32 px up, on a blue (#0F6CBD) rounded square. Pure Node: the shapes
 * are described on a 16-unit grid (so every edge falls on a pixel at 16, 32, 64, 80 and 128 px),
 * covered with 8×8 supersampling and written by the small PNG encoder below (zlib + CRC-32).
 *
 *   npm run icons
 */
import { writeFileSync } from 'fs';
import path from 'path';
import { deflateSync } from 'zlib';

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

const BLUE: Rgb = [0x0f, 0x6c, 0xbd];
const WHITE: Rgb = [0xff, 0xff, 0xff];
const SAMPLES = 8;

type Rgb = [number, number, number];
/** Whether the point (x, y), in grid units 0–16 from the top left corner, is inside the shape. */
type Shape = (x: number, y: number) => boolean;

function roundedSquare(x: number, y: number, radius: number): boolean {
  const dx = Math.max(radius - x, x - (16 - radius), 0);
  const dy = Math.max(radius - y, y - (16 - radius), 0);
  return dx * dx + dy * dy <= radius * radius;
}

function rect(left: number, top: number, right: number, bottom: number): Shape {
  return (x, y) => x >= left && x < right && y >= top && y < bottom;
}

/** A five-pointed star (point up) of outer radius r centred on (cx, cy). */
function star(cx: number, cy: number, r: number): Shape {
  const corners: Array<[number, number]> = [];
  for (let i = 0; i < 10; i++) {
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    const radius = i % 2 === 0 ? r : r * 0.45;
    corners.push([cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)]);
  }
  return (x, y) => {
    let inside = false; // even-odd ray casting
    for (let i = 0, j = corners.length - 1; i < corners.length; j = i++) {
      const [xi, yi] = corners[i];
      const [xj, yj] = corners[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
}

/** The white parts: second place on the left, first in the middle, third on the right. */
function foreground(size: number): Shape[] {
  const podium = [rect(2, 9, 5, 14), rect(6, 6, 10, 14), rect(11, 11, 14, 14)];
  return size >= 32 ? [...podium, star(8, 3.2, 2.1)] : podium;
}

/** RGBA pixels, row by row. */
export function drawIcon(size: number): Buffer {
  const white = foreground(size);
  const pixels = Buffer.alloc(size * size * 4);
  const unit = 16 / size;
  const radius = 3;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let inSquare = 0;
      let inWhite = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) * unit;
          const y = (py + (sy + 0.5) / SAMPLES) * unit;
          if (!roundedSquare(x, y, radius)) continue;
          inSquare++;
          if (white.some((shape) => shape(x, y))) inWhite++;
        }
      }
      const offset = (py * size + px) * 4;
      const whiteShare = inSquare === 0 ? 0 : inWhite / inSquare;
      for (let c = 0; c < 3; c++) {
        pixels[offset + c] = Math.round(BLUE[c] + (WHITE[c] - BLUE[c]) * whiteShare);
      }
      pixels[offset + 3] = Math.round((255 * inSquare) / (SAMPLES * SAMPLES));
    }
  }
  return pixels;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An 8-bit RGBA, non-interlaced PNG; every scanline uses filter 0 (none). */
export function encodePng(width: number, height: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: truecolour with alpha
  header[10] = 0; // compression: deflate
  header[11] = 0; // filter method 0
  header[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0;
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (require.main === module) {
  for (const size of ICON_SIZES) {
    const file = path.join(__dirname, `icon-${size}.png`);
    writeFileSync(file, encodePng(size, size, drawIcon(size)));
    process.stdout.write(`${path.relative(process.cwd(), file)}\n`);
  }
}
