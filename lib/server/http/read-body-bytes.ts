/**
 * The body's bytes, at most `limit`: a declared length past it is refused before a byte is read,
 * and an undeclared (chunked) body as soon as it passes it, so an oversized upload is never held
 * in memory to be turned away. `tooLarge` makes the error the caller answers with.
 */
export async function readBodyBytes(request: Request, limit: number, tooLarge: () => Error): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw tooLarge();
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
