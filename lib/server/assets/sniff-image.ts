import type { AssetExtension } from "@/lib/protocol";

/*
 * An upload's type, read from its bytes. Only four raster formats pass, and only when their
 * header is whole enough to give the picture's size: a renamed executable, an SVG (markup that
 * can carry script), HTML, or a PNG signature on garbage are all refused. The browser decodes the
 * picture; the size check keeps a tiny file from claiming a picture that would exhaust it.
 */

export interface SniffedImage {
  extension: AssetExtension;
  width: number;
  height: number;
}

/** Largest side and area an image may claim (a decompression bomb is a small file with a huge size). */
export const MAX_IMAGE_SIDE = 16_384;
export const MAX_IMAGE_PIXELS = 50_000_000;

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Uint8Array, at: number, length: number) => String.fromCharCode(...bytes.subarray(at, at + length));
const u16be = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const u16le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u24le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16);
const u32be = (b: Uint8Array, at: number) => ((b[at]! << 24) >>> 0) + (b[at + 1]! << 16) + (b[at + 2]! << 8) + b[at + 3]!;

function sniffPng(b: Uint8Array): SniffedImage | null {
  // Signature, then the IHDR chunk (length 13) must come first.
  if (b.length < 33 || !startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) || u32be(b, 8) !== 13 || ascii(b, 12, 4) !== "IHDR") return null;
  return { extension: "png", width: u32be(b, 16), height: u32be(b, 20) };
}

function sniffGif(b: Uint8Array): SniffedImage | null {
  if (b.length < 13 || (ascii(b, 0, 6) !== "GIF87a" && ascii(b, 0, 6) !== "GIF89a")) return null;
  return { extension: "gif", width: u16le(b, 6), height: u16le(b, 8) };
}

function sniffWebp(b: Uint8Array): SniffedImage | null {
  if (b.length < 30 || ascii(b, 0, 4) !== "RIFF" || ascii(b, 8, 4) !== "WEBP") return null;
  const chunk = ascii(b, 12, 4);
  if (chunk === "VP8X") return { extension: "webp", width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  if (chunk === "VP8L" && b[20] === 0x2f) {
    const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24);
    return { extension: "webp", width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === "VP8 " && startsWith(b, [0x9d, 0x01, 0x2a], 23)) return { extension: "webp", width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  return null;
}

/** SOF markers that carry the frame size (every SOFn but DHT, JPG and DAC). */
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function sniffJpeg(b: Uint8Array): SniffedImage | null {
  if (b.length < 4 || !startsWith(b, [0xff, 0xd8, 0xff])) return null;
  // Walk the marker segments up to the frame header; each names its own length.
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1]!;
    if (marker === 0xff) { at += 1; continue; }
    if (marker === 0xd9 || marker === 0xda) return null;
    const length = u16be(b, at + 2);
    if (length < 2) return null;
    if (SOF.has(marker)) return { extension: "jpg", width: u16be(b, at + 7), height: u16be(b, at + 5) };
    at += 2 + length;
  }
  return null;
}

/** The image's type and size from its bytes, or null when it is not a whole PNG, JPEG, WebP or GIF header. */
export function sniffImage(bytes: Uint8Array): SniffedImage | null {
  const found = sniffPng(bytes) ?? sniffJpeg(bytes) ?? sniffWebp(bytes) ?? sniffGif(bytes);
  return found && found.width >= 1 && found.height >= 1 ? found : null;
}

/** Whether a picture claims more pixels than a browser should be asked to decode. */
export const isOversizedPicture = ({ width, height }: SniffedImage) =>
  width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS;
