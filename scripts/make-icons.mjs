// Draws Postcheck's icon (a speech bubble with a check mark) at 16/32/48/128 px
// into public/icon/*.png with nothing but zlib: no image tooling needed.
// Run: node scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y, size);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Signed distances in a 0..1 unit square.
const roundedBox = (x, y, cx, cy, hw, hh, r) => {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const segment = (x, y, ax, ay, bx, by) => {
  const px = x - ax, py = y - ay, dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * t, py - dy * t);
};
const tail = (x, y) => {
  // Triangle under the bubble's lower left.
  const inside = y > 0.74 && y < 0.93 && x > 0.24 && x < 0.24 + (0.93 - y) * 1.1;
  return inside ? -0.01 : 1;
};

function shade(x, y, size) {
  const aa = 1.2 / size; // anti-aliasing width
  // Supersample 4x for smooth edges at 16 px.
  let bubble = 0, check = 0;
  for (const [ox, oy] of [[0.25, 0.25], [0.75, 0.25], [0.25, 0.75], [0.75, 0.75]]) {
    const u = (x + ox) / size, v = (y + oy) / size;
    const d = Math.min(roundedBox(u, v, 0.5, 0.44, 0.42, 0.33, 0.14), tail(u, v));
    bubble += d < 0 ? 1 : d < aa ? 1 - d / aa : 0;
    const w = 0.065;
    const c = Math.min(segment(u, v, 0.30, 0.45, 0.44, 0.58), segment(u, v, 0.44, 0.58, 0.70, 0.30)) - w;
    check += c < 0 ? 1 : 0;
  }
  bubble /= 4;
  check /= 4;
  const teal = [14, 124, 134];
  const white = [255, 255, 255];
  const mix = teal.map((t, i) => Math.round(t * (1 - check) + white[i] * check));
  return [...mix, Math.round(255 * bubble)];
}

mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(`public/icon/${size}.png`, png(size, shade));
console.log('public/icon/{16,32,48,128}.png written');
