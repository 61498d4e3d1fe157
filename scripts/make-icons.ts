// Draws the add-in's ribbon icons (a sheet grid, a check mark, a plus) as RGBA PNGs in addin/assets, with node's zlib.
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';

type Rgba = [number, number, number, number];
type Painter = (x: number, y: number, size: number) => Rgba | undefined;

const GREEN: Rgba = [33, 115, 70, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const LINE: Rgba = [200, 224, 208, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

export function png(size: number, paint: (x: number, y: number) => Rgba): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) raw.set(paint(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A green rounded sheet with a light grid: every icon's background. */
const sheet: Painter = (x, y, size) => {
  const m = Math.max(1, Math.round(size / 16));
  const r = Math.max(1, Math.round(size / 8));
  const inside = x >= m && y >= m && x < size - m && y < size - m;
  const cx = Math.min(x - m, size - m - 1 - x);
  const cy = Math.min(y - m, size - m - 1 - y);
  if (!inside || (cx < r && cy < r && (r - cx) ** 2 + (r - cy) ** 2 > r * r)) return undefined;
  const cell = size / 4;
  const grid = Math.max(1, Math.round(size / 32));
  return (x % cell < grid || y % cell < grid) && x > m + grid && y > m + grid ? LINE : GREEN;
};

function near(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

const check: Painter = (x, y, s) => {
  const w = Math.max(1.2, s / 11);
  const d = Math.min(
    near(x + 0.5, y + 0.5, s * 0.25, s * 0.52, s * 0.43, s * 0.7),
    near(x + 0.5, y + 0.5, s * 0.43, s * 0.7, s * 0.76, s * 0.3),
  );
  return d <= w ? WHITE : undefined;
};

const plus: Painter = (x, y, s) => {
  const w = Math.max(1, s / 12);
  const c = s / 2;
  const arm = s * 0.28;
  const px = x + 0.5;
  const py = y + 0.5;
  return (Math.abs(px - c) <= w && Math.abs(py - c) <= arm) ||
    (Math.abs(py - c) <= w && Math.abs(px - c) <= arm)
    ? WHITE
    : undefined;
};

function icon(...layers: Painter[]): (size: number) => Buffer {
  return (size) =>
    png(size, (x, y) => {
      let out = CLEAR;
      for (const layer of layers) {
        const c = layer(x, y, size);
        if (c && (layer === sheet || sheet(x, y, size))) out = c;
      }
      return out;
    });
}

const ICONS: Record<string, { draw: (size: number) => Buffer; sizes: number[] }> = {
  icon: { draw: icon(sheet), sizes: [16, 32, 64, 80] },
  validate: { draw: icon(sheet, check), sizes: [16, 32, 80] },
  'new-rulebook': { draw: icon(sheet, plus), sizes: [16, 32, 80] },
};

function main(): void {
  const dir = path.join(__dirname, '..', 'addin', 'assets');
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, { draw, sizes }] of Object.entries(ICONS))
    for (const size of sizes) fs.writeFileSync(path.join(dir, `${name}-${size}.png`), draw(size));
  console.log(`Icons written to ${dir}`);
}

if (require.main === module) main();
