/**
 * Draws the app icons (a running track with a check mark: attendance at the
 * track) and writes them as PNGs with nothing but node:zlib, so the icons are
 * reproducible and need no image tooling. Run: `npx tsx scripts/make-icons.ts`.
 *
 *   public/icons/icon-192.png           purpose "any": rounded square, transparent corners
 *   public/icons/icon-512.png           purpose "any"
 *   public/icons/icon-maskable-512.png  purpose "maskable": full bleed, art inside the
 *                                       safe zone (a centred circle of 40% radius)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

type Rgb = readonly [number, number, number];
const brand: Rgb = [0xb3, 0x36, 0x1d];
const white: Rgb = [0xff, 0xff, 0xff];
const lane: Rgb = [0xf4, 0xc7, 0xbb];

interface Icon {
  file: string;
  size: number;
  /** corner radius of the background square, as a fraction of the size; 0 = full bleed */
  corner: number;
  /** how much of the size the artwork spans */
  scale: number;
}

const icons: Icon[] = [
  { file: 'icon-192.png', size: 192, corner: 0.22, scale: 0.8 },
  { file: 'icon-512.png', size: 512, corner: 0.22, scale: 0.8 },
  { file: 'icon-maskable-512.png', size: 512, corner: 0, scale: 0.62 },
];

// distance from p to the segment a–b
function segment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

// signed distance to a rounded square centred at 0.5,0.5 with side 1
function roundedSquare(x: number, y: number, r: number): number {
  const qx = Math.abs(x - 0.5) - (0.5 - r);
  const qy = Math.abs(y - 0.5) - (0.5 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

/** colour of one point in unit coordinates, or null for transparent */
function shade(x: number, y: number, icon: Icon): Rgb | null {
  if (icon.corner > 0 && roundedSquare(x, y, icon.corner) > 0) return null;
  // artwork in its own unit square, centred
  const u = (x - 0.5) / icon.scale;
  const v = (y - 0.5) / icon.scale;
  // the track: a stadium (capsule) along the x axis, two lanes
  const straight = segment(u, v, -0.2, 0, 0.2, 0);
  if (Math.abs(straight - 0.28) < 0.045) return white;
  if (Math.abs(straight - 0.18) < 0.018) return lane;
  // the check mark in the infield
  const check = Math.min(
    segment(u, v, -0.13, 0.0, -0.04, 0.08),
    segment(u, v, -0.04, 0.08, 0.14, -0.09),
  );
  if (check < 0.04) return white;
  return brand;
}

function render(icon: Icon): Buffer {
  const { size } = icon;
  const samples = 4; // 4×4 supersampling for smooth edges
  const rows: Buffer[] = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4); // leading 0: PNG filter "None"
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = shade(
            (px + (sx + 0.5) / samples) / size,
            (py + (sy + 0.5) / samples) / size,
            icon,
          );
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const o = 1 + px * 4;
      // colour averaged over covered samples (straight alpha), coverage as alpha
      row[o] = a ? Math.round(r / a) : 0;
      row[o + 1] = a ? Math.round(g / a) : 0;
      row[o + 2] = a ? Math.round(b / a) : 0;
      row[o + 3] = Math.round((a / (samples * samples)) * 255);
    }
    rows.push(row);
  }
  return encodePng(size, size, Buffer.concat(rows));
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** RGBA, 8 bits per channel; `scanlines` already carry their filter bytes */
function encodePng(width: number, height: number, scanlines: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  header[10] = 0; // deflate
  header[11] = 0; // adaptive filtering
  header[12] = 0; // no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(scanlines, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const outDir = join(import.meta.dirname, '..', 'public', 'icons');
mkdirSync(outDir, { recursive: true });
for (const icon of icons) {
  const png = render(icon);
  writeFileSync(join(outDir, icon.file), png);
  console.log(`${icon.file}: ${icon.size}×${icon.size}, ${png.length} bytes`);
}
