/** One part of a multipart/form-data body. */
export interface FormPart {
  /** The form field name. */
  name: string;
  /** The file name as sent; Deskmap's upload puts each file's path relative to the map here. */
  filename: string | null;
  data: Buffer;
}

/**
 * Splits a multipart/form-data body that is already in memory (and bounded
 * by the caller) into its parts. Returns a sentence instead when the body is
 * not well-formed, or has more than `maxParts` parts.
 */
export function parseMultipart(body: Buffer, contentType: string, maxParts: number): FormPart[] | string {
  const m = /boundary=(?:"([^"]{1,70})"|([^;\s]{1,70}))/i.exec(contentType);
  if (!m) return "multipart body without a boundary";
  const boundary = Buffer.from(`--${m[1] ?? m[2]}`);
  const parts: FormPart[] = [];
  let at = body.indexOf(boundary);
  if (at < 0) return "multipart body does not start with its boundary";
  for (;;) {
    at += boundary.length;
    if (body.toString("latin1", at, at + 2) === "--") return parts;
    if (body.toString("latin1", at, at + 2) !== "\r\n") return "malformed multipart body";
    at += 2;
    const headerEnd = body.indexOf("\r\n\r\n", at);
    if (headerEnd < 0 || headerEnd - at > 4096) return "malformed multipart part headers";
    const headers = body.toString("utf8", at, headerEnd);
    const next = body.indexOf(Buffer.concat([Buffer.from("\r\n"), boundary]), headerEnd + 4);
    if (next < 0) return "multipart body ends without its closing boundary";
    const disposition = /^content-disposition:\s*form-data(.*)$/im.exec(headers)?.[1] ?? null;
    if (disposition === null) return "a multipart part has no Content-Disposition: form-data";
    const name = /;\s*name="([^"]*)"/i.exec(disposition)?.[1] ?? "";
    const filename = /;\s*filename="([^"]*)"/i.exec(disposition)?.[1] ?? null;
    parts.push({ name, filename, data: body.subarray(headerEnd + 4, next) });
    if (parts.length > maxParts) return `too many files (at most ${maxParts})`;
    at = next + 2;
  }
}
