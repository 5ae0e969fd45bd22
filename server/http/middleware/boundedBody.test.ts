import express from "express";
import request from "supertest";
import { jsonDepthExceeds } from "../jsonDepth";
import { boundedJson } from "./boundedBody";
import { jsonErrorHandler } from "./errorHandler";

function app() {
  const a = express();
  a.post("/echo", boundedJson({ maxBytes: 1024, maxDepth: 4 }), (req, res) => res.json({ got: req.body ?? null }));
  a.use(jsonErrorHandler(() => undefined));
  return a;
}

describe("jsonDepthExceeds", () => {
  it("counts nesting of arrays and objects, ignoring brackets inside strings", () => {
    expect(jsonDepthExceeds('{"a":[1,{"b":2}]}', 3)).toBe(false);
    expect(jsonDepthExceeds('{"a":[1,{"b":[2]}]}', 3)).toBe(true);
    expect(jsonDepthExceeds('{"a":"[[[[[[[[\\"[[[["}', 1)).toBe(false);
  });

  it("stops at the limit on a million-deep nesting without parsing it", () => {
    const deep = "[".repeat(1_000_000) + "]".repeat(1_000_000);
    const started = process.hrtime.bigint();
    expect(jsonDepthExceeds(deep, 64)).toBe(true);
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(50);
  });
});

describe("boundedJson", () => {
  it("parses a JSON body within its limits", async () => {
    expect((await request(app()).post("/echo").send({ a: [1, 2] }).expect(200)).body).toEqual({ got: { a: [1, 2] } });
  });

  it("answers 413 past the byte limit and closes the connection", async () => {
    const res = await request(app()).post("/echo").send({ big: "x".repeat(2000) }).expect(413);
    expect(res.body).toEqual({ error: "request body is too large (at most 1024 bytes)" });
    expect(res.headers.connection).toBe("close");
  });

  it("answers 400 for nesting past the depth limit, and for malformed JSON", async () => {
    const deep = await request(app()).post("/echo").set("Content-Type", "application/json").send("[[[[[1]]]]]").expect(400);
    expect(deep.body.error).toBe("JSON body nests deeper than 4 levels");
    await request(app()).post("/echo").set("Content-Type", "application/json").send("{nope").expect(400, { error: "malformed JSON body" });
  });

  it("leaves other content types unread", async () => {
    expect((await request(app()).post("/echo").type("text").send("hello").expect(200)).body).toEqual({ got: null });
  });
});
