#!/usr/bin/env node
// Generates the ASSESS add-in icons (assets/icon-{16,32,64,80,128}.png).
// Dependency-free: pixels are drawn here (signed-distance shapes, 4x4 supersampling
// for anti-aliasing) and written as RGBA PNG with node:zlib deflate + a CRC32.
//
// Design: a rounded blue square (light-to-dark vertical gradient) with a white
// check mark. Outside the rounded square the icon is transparent.
//
// Usage: node scripts/make-icons.mjs [outDir]   (default: <repo>/assets)

import { deflateSync } from "node:zlib";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const SIZES = [16, 32, 64, 80, 128];

// ---------- PNG encoding ----------

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length, 0);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData), 0);
  return Buffer.concat([len, typeAndData, crc]);
}

/** rgba: Uint8Array of width*height*4 bytes, straight (non-premultiplied) alpha. */
export function encodePng(width, height, rgba) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  return Buffer.concat([
    signature,
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// ---------- drawing ----------

// Signed distance to a rounded box centred at (cx, cy) with half extents h and corner radius r.
function sdRoundBox(px, py, cx, cy, h, r) {
  const qx = Math.abs(px - cx) - (h - r);
  const qy = Math.abs(py - cy) - (h - r);
  const ox = Math.max(qx, 0);
  const oy = Math.max(qy, 0);
  return Math.hypot(ox, oy) + Math.min(Math.max(qx, qy), 0) - r;
}

// Distance from point to segment (ax,ay)-(bx,by).
function dSegment(px, py, ax, ay, bx, by) {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(px - (ax + t * vx), py - (ay + t * vy));
}

const TOP = [0x3b, 0x8c, 0xf0]; // light blue
const BOTTOM = [0x0f, 0x4c, 0xb0]; // deep blue
const BORDER = [0x0a, 0x3a, 0x8c];
const WHITE = [0xff, 0xff, 0xff];

/** Colour (r,g,b,a in 0..1 for a) of one sample point in unit coordinates (0..1). */
function sample(u, v, size) {
  const px = 1 / size; // one output pixel in unit coordinates
  // Leave a small margin so the shape is not clipped; at 16 px keep it tight.
  const margin = size <= 16 ? 0.02 : 0.04;
  const half = 0.5 - margin;
  const radius = 0.2;
  const dBox = sdRoundBox(u, v, 0.5, 0.5, half, radius);
  if (dBox > 0) return null;

  // Background: vertical gradient, thin darker border (about 1 px, at least at larger sizes).
  const g = Math.min(1, Math.max(0, (v - margin) / (1 - 2 * margin)));
  let col = TOP.map((c, i) => c + (BOTTOM[i] - c) * g);
  const borderW = size >= 32 ? px : 0;
  if (borderW > 0 && dBox > -borderW) col = BORDER;

  // Check mark: two capsules. Stroke thicker (relative) at small sizes for legibility.
  const w = size <= 16 ? 0.085 : size <= 32 ? 0.075 : 0.068; // half stroke width
  const a = [0.25, 0.52];
  const b = [0.43, 0.7];
  const c = [0.76, 0.31];
  const dCheck = Math.min(dSegment(u, v, a[0], a[1], b[0], b[1]), dSegment(u, v, b[0], b[1], c[0], c[1]));
  if (dCheck <= w) col = WHITE;
  return col;
}

export function drawIcon(size) {
  const SS = 4; // 4x4 supersampling
  const rgba = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let cover = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const u = (x + (sx + 0.5) / SS) / size;
          const v = (y + (sy + 0.5) / SS) / size;
          const col = sample(u, v, size);
          if (col) {
            r += col[0];
            g += col[1];
            b += col[2];
            cover++;
          }
        }
      }
      const o = (y * size + x) * 4;
      if (cover > 0) {
        rgba[o] = Math.round(r / cover);
        rgba[o + 1] = Math.round(g / cover);
        rgba[o + 2] = Math.round(b / cover);
        rgba[o + 3] = Math.round((255 * cover) / (SS * SS));
      }
    }
  }
  return rgba;
}

function main() {
  const here = dirname(fileURLToPath(import.meta.url));
  const outDir = resolve(process.argv[2] ?? join(here, "..", "assets"));
  mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = join(outDir, `icon-${size}.png`);
    writeFileSync(file, encodePng(size, size, drawIcon(size)));
    console.log(`wrote ${file}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
