#!/usr/bin/env node
'use strict';
// Draws images/icon.png, the extension's 256×256 icon: three roles of a
// fleet and the boundaries between them, on a rounded tile. Run it again
// after changing the drawing; the PNG is committed so packaging needs no tool.
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const SIZE = 256;
const SAMPLES = 4; // per axis: 16 samples a pixel smooth the edges
const TILE = [32, 78, 112];
const EDGE = [143, 201, 229];
const ROLE = [255, 255, 255];
const ACCENT = [255, 196, 61];

const nodes = [
  { x: 128, y: 70, r: 30, colour: ACCENT },
  { x: 68, y: 178, r: 26, colour: ROLE },
  { x: 188, y: 178, r: 26, colour: ROLE },
];

function inRoundedTile(x, y) {
  const radius = 48;
  const cx = Math.min(Math.max(x, radius), SIZE - radius);
  const cy = Math.min(Math.max(y, radius), SIZE - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function nearSegment(x, y, a, b, width) {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const t = Math.max(0, Math.min(1, ((x - a.x) * dx + (y - a.y) * dy) / (dx * dx + dy * dy)));
  return (x - a.x - t * dx) ** 2 + (y - a.y - t * dy) ** 2 <= (width / 2) ** 2;
}

/** The colour at a point, or null outside the tile (transparent). */
function colourAt(x, y) {
  if (!inRoundedTile(x, y)) return null;
  for (const n of nodes) {
    const d2 = (x - n.x) ** 2 + (y - n.y) ** 2;
    if (d2 <= (n.r - 7) ** 2) return TILE;
    if (d2 <= n.r ** 2) return n.colour;
  }
  const [a, b, c] = nodes;
  if (nearSegment(x, y, a, b, 10) || nearSegment(x, y, a, c, 10) || nearSegment(x, y, b, c, 10)) return EDGE;
  return TILE;
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const colour = colourAt(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES);
        if (!colour) continue;
        for (let i = 0; i < 3; i++) sum[i] += colour[i];
        sum[3] += 1;
      }
    }
    const at = y * (SIZE * 4 + 1) + 1 + x * 4;
    const covered = sum[3];
    for (let i = 0; i < 3; i++) raw[at + i] = covered ? Math.round(sum[i] / covered) : 0;
    raw[at + 3] = Math.round((covered / SAMPLES ** 2) * 255);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bits per channel
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = path.join(__dirname, '..', 'images', 'icon.png');
fs.writeFileSync(out, png);
console.log(`wrote ${path.relative(process.cwd(), out)} (${png.length} bytes)`);
