import { PNG } from "pngjs";
import { imageInfo } from "./imageInfo";
import { jsonDepthExceeds } from "../../http/jsonDepth";
import { parseMultipart } from "./multipart";

describe("imageInfo reads type and size from the first bytes", () => {
  test("PNG, JPEG (after an APP0 segment), WebP lossy, lossless and extended", () => {
    expect(imageInfo(PNG.sync.write(new PNG({ width: 96, height: 40 })))).toEqual({ type: "image/png", width: 96, height: 40 });
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, ...Buffer.alloc(14), 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x30, 0x00, 0x80, 0x03, ...Buffer.alloc(12)]);
    expect(imageInfo(jpeg)).toEqual({ type: "image/jpeg", width: 128, height: 48 });
    const riff = (chunk: string, body: number[]) => Buffer.concat([Buffer.from("RIFF"), Buffer.alloc(4), Buffer.from("WEBP"), Buffer.from(chunk), Buffer.alloc(4), Buffer.from(body), Buffer.alloc(16)]);
    expect(imageInfo(riff("VP8 ", [0, 0, 0, 0x9d, 0x01, 0x2a, 64, 0, 32, 0]))).toEqual({ type: "image/webp", width: 64, height: 32 });
    const bits = (64 - 1) | ((32 - 1) << 14);
    expect(imageInfo(riff("VP8L", [0x2f, bits & 0xff, (bits >> 8) & 0xff, (bits >> 16) & 0xff, (bits >>> 24) & 0xff]))).toEqual({ type: "image/webp", width: 64, height: 32 });
    expect(imageInfo(riff("VP8X", [0, 0, 0, 0, 63, 0, 0, 31, 0, 0]))).toEqual({ type: "image/webp", width: 64, height: 32 });
  });

  test("anything else is not an image, whatever its name", () => {
    expect(imageInfo(Buffer.from("GIF89a......................"))).toBeNull();
    expect(imageInfo(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull();
    expect(imageInfo(Buffer.alloc(3))).toBeNull();
  });
});

describe("jsonDepthExceeds", () => {
  test("counts nesting outside strings only", () => {
    expect(jsonDepthExceeds('{"a":[[1]]}', 3)).toBe(false);
    expect(jsonDepthExceeds('{"a":[[[1]]]}', 3)).toBe(true);
    expect(jsonDepthExceeds('{"a":"[[[[[[\\"[[[["}', 1)).toBe(false);
  });
});

describe("parseMultipart", () => {
  const body = (parts: string[]) => Buffer.from(parts.map((p) => `--XX\r\n${p}\r\n`).join("") + "--XX--\r\n");
  test("splits parts with their names and file names; refuses malformed bodies and too many parts", () => {
    const parts = parseMultipart(body(['Content-Disposition: form-data; name="map"; filename="a/m.json"\r\n\r\n{}', 'Content-Disposition: form-data; name="f"; filename="t/x.png"\r\nContent-Type: image/png\r\n\r\nPNG']), "multipart/form-data; boundary=XX", 5);
    expect(Array.isArray(parts) && parts.map((p) => [p.name, p.filename, p.data.toString()])).toEqual([["map", "a/m.json", "{}"], ["f", "t/x.png", "PNG"]]);
    expect(parseMultipart(Buffer.from("--XX\r\nno end"), "multipart/form-data; boundary=XX", 5)).toMatch(/malformed|closing boundary/);
    expect(parseMultipart(body(Array(3).fill('Content-Disposition: form-data; name="f"\r\n\r\nx')), "multipart/form-data; boundary=XX", 2)).toMatch(/too many files/);
    expect(parseMultipart(Buffer.from(""), "multipart/form-data", 2)).toMatch(/without a boundary/);
  });
});
