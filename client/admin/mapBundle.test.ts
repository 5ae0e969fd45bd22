import { readBundle } from "../../server/maps/upload/uploadBundle";
import { prepareUpload } from "../../server/maps/upload/prepareUpload";
import { studioFiles } from "../../server/maps/fixtures/studioBundle";
import { planUpload, type PickedFile } from "./mapBundle";

/** A picked file as a browser's file input hands it over: a bare name, no folders. */
const picked = (name: string, content: string | Buffer): PickedFile & { bytes: Buffer } => {
  const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content);
  return { name, bytes, text: async () => bytes.toString("utf8") };
};

/** The multipart body the page would send for a plan, built the way the browser's FormData does. */
function multipart(plan: Awaited<ReturnType<typeof planUpload<ReturnType<typeof picked>>>>): { body: Buffer; type: string } {
  if (plan.kind !== "parts") throw new Error(`expected parts, got ${plan.kind}`);
  const boundary = "----deskmapTestBoundary";
  const chunks: Buffer[] = [];
  const part = (field: string, filename: string, bytes: Buffer) =>
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`), bytes, Buffer.from("\r\n"));
  part("map", plan.map.path, plan.map.file.bytes);
  for (const f of plan.files) part("file", f.path, f.file.bytes);
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), type: `multipart/form-data; boundary=${boundary}` };
}

test("bare picked names are placed where the map and its external tileset name them, and the server's import finds them all", async () => {
  const files = studioFiles();
  const plan = await planUpload([
    picked("studio.png", files["tiles/studio.png"]),
    picked("studio.json", files["studio.json"]),
    picked("props.tsx", files["tiles/props.tsx"]),
    picked("props.png", files["tiles/props.png"]),
  ]);
  expect(plan.kind).toBe("parts");
  if (plan.kind !== "parts") return;
  expect(plan.map.path).toBe("studio.json");
  expect(Object.fromEntries(plan.files.map((f) => [f.file.name, f.path]))).toEqual({
    "studio.png": "tiles/studio.png",
    "props.tsx": "tiles/props.tsx",
    "props.png": "tiles/props.png",
  });
  const { body, type } = multipart(plan);
  const bundle = readBundle(body, type, undefined, 1 << 24);
  if (typeof bundle === "string") throw new Error(bundle);
  const prepared = prepareUpload(bundle, { maxMapBytes: 1 << 22, isServerImage: () => false });
  expect(prepared.images.map((i) => i.path).sort()).toEqual(["tiles/props.png", "tiles/studio.png"]);
});

test("a map whose tilesets sit beside its folder (../) still lands inside the upload", async () => {
  const files = studioFiles();
  const map = JSON.parse(files["studio.json"].toString()) as { tilesets: Array<Record<string, unknown>> };
  map.tilesets[0].image = "../tilesets/studio.png";
  map.tilesets[1].source = "../tilesets/props.tsx";
  const plan = await planUpload([
    picked("studio.json", JSON.stringify(map)),
    picked("studio.png", files["tiles/studio.png"]),
    picked("props.tsx", files["tiles/props.tsx"]),
    picked("props.png", files["tiles/props.png"]),
  ]);
  if (plan.kind !== "parts") throw new Error(plan.kind);
  expect(plan.map.path).toBe("in/studio.json");
  const { body, type } = multipart(plan);
  const bundle = readBundle(body, type, undefined, 1 << 24);
  if (typeof bundle === "string") throw new Error(bundle);
  const prepared = prepareUpload(bundle, { maxMapBytes: 1 << 22, isServerImage: () => false });
  expect(prepared.images.map((i) => i.path).sort()).toEqual(["tilesets/props.png", "tilesets/studio.png"]);
});

test("a .zip goes as it is; mixed or mapless choices are refused before anything is sent", async () => {
  const zip = picked("office.zip", Buffer.from("PK\x03\x04"));
  expect(await planUpload([zip])).toEqual({ kind: "zip", file: zip });
  expect((await planUpload([zip, picked("a.png", "x")])).kind).toBe("refused");
  expect(await planUpload([picked("a.png", "x"), picked("notes.json", '{"type":"tileset"}')])).toMatchObject({ kind: "refused", reason: expect.stringMatching(/None of the chosen files is a Tiled JSON map/) });
  expect(await planUpload([picked("a.json", '{"type":"map"}'), picked("b.json", '{"type":"map"}')])).toMatchObject({ kind: "refused", reason: expect.stringMatching(/one map at a time/) });
  expect((await planUpload([])).kind).toBe("refused");
});
