import { randomBytes } from "node:crypto";
import { ASSET_MIME_TYPES, assetRef, type AssetInfo, type AssetRole } from "@/lib/protocol";
import { AppError } from "../http/app-error";
import type { ProjectAsset, Store } from "../storage/store";
import { readUploadBytes } from "./read-upload";
import { isOversizedPicture, sniffImage } from "./sniff-image";

const NAME_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

/** 16 random lowercase letters and digits: an asset's name, unguessable and safe in any URL or path. */
function createAssetName(): string {
  return [...randomBytes(16)].map((b) => NAME_ALPHABET[b % NAME_ALPHABET.length]).join("");
}

/** Why bytes that are no raster image are refused: said precisely for the kinds people try. */
function describeRefusal(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, 512)).toString("utf8").replace(/^\uFEFF/, "").trimStart().toLowerCase();
  if (head.startsWith("<") && head.includes("<svg")) return "SVG images are not accepted (an SVG is markup and can carry scripts). Export it as PNG or WebP.";
  if (head.startsWith("<")) return "This file is markup, not an image. Upload a PNG, JPEG, WebP or GIF.";
  if (bytes[0] === 0x4d && bytes[1] === 0x5a) return "This file is a program, not an image. Upload a PNG, JPEG, WebP or GIF.";
  if (bytes[0] === 0x7f && bytes[1] === 0x45 && bytes[2] === 0x4c && bytes[3] === 0x46) return "This file is a program, not an image. Upload a PNG, JPEG, WebP or GIF.";
  return "This file is not a PNG, JPEG, WebP or GIF image (its type is read from its content, not its name).";
}

/**
 * One upload, checked in the order that refuses cheapest first: the project's room (before reading
 * the body), the size while it streams, then the type from the bytes. Nothing is stored unless
 * every check passes; the count is checked again under the project's lock when storing.
 */
export async function uploadAsset(input: {
  store: Pick<Store, "listProjectAssets" | "addProjectAsset">;
  request: Request;
  projectId: string;
  alt: string;
  role: AssetRole;
  limits: { maxBytes: number; maxAssets: number };
}): Promise<ProjectAsset> {
  const { store, request, projectId, limits } = input;
  const full = () => new AppError("ASSET_LIMIT_REACHED", `This project already holds ${limits.maxAssets} images, the most it may have`, { maxAssets: limits.maxAssets });
  if (limits.maxAssets > 0 && (await store.listProjectAssets(projectId)).length >= limits.maxAssets) throw full();
  const bytes = await readUploadBytes(request, limits.maxBytes);
  if (bytes.length === 0) throw new AppError("VALIDATION_ERROR", "The upload is empty: send the image's bytes as the request body");
  const image = sniffImage(bytes);
  if (!image) throw new AppError("UNSUPPORTED_MEDIA_TYPE", describeRefusal(bytes), { accepted: Object.values(ASSET_MIME_TYPES) });
  if (isOversizedPicture(image)) {
    throw new AppError("PAYLOAD_TOO_LARGE", `This picture is ${image.width}×${image.height} pixels; at most 16384 on a side and 50 megapixels are accepted`);
  }
  const stored = await store.addProjectAsset({
    projectId, name: `${createAssetName()}.${image.extension}`, mime: ASSET_MIME_TYPES[image.extension], bytes: bytes.length,
    width: image.width, height: image.height, alt: input.alt, role: input.role, data: bytes, max: limits.maxAssets,
  });
  if (stored === "full") throw full();
  if (stored === "no-project") throw new AppError("NOT_FOUND", "No such project");
  return stored;
}

/** An asset as the API answers it. */
export function toAssetInfo(asset: ProjectAsset): AssetInfo {
  const { name, bytes, width, height, alt, role, createdAt } = asset;
  return { name, bytes, width, height, alt, role, createdAt, ref: assetRef(name), mime: asset.mime as AssetInfo["mime"] };
}
