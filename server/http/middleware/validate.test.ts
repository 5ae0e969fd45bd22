import express from "express";
import request from "supertest";
import { z } from "zod";
import { jsonErrorHandler, notFound } from "./errorHandler";
import { HttpError } from "./HttpError";
import { validated } from "./validate";

function app() {
  const a = express();
  a.use(express.json({ limit: "1kb" }));
  a.post(
    "/items/:id",
    validated(
      { params: z.strictObject({ id: z.coerce.number().int().min(1) }), body: z.strictObject({ name: z.string().min(1) }) },
      ({ params, body }, _req, res) => {
        res.json({ id: params.id, name: body.name });
      },
    ),
  );
  a.get("/busy", () => {
    throw HttpError.tooMany("too many tries", 42.2);
  });
  a.get("/static-miss", (_req, _res, next) => next(Object.assign(new Error("Not Found"), { status: 404 })));
  a.get("/boom", () => {
    throw new Error("secret internals");
  });
  a.use(notFound);
  const logged: unknown[] = [];
  a.use(jsonErrorHandler((_m, err) => logged.push(err)));
  return { a, logged };
}

describe("validated + jsonErrorHandler", () => {
  it("passes parsed, typed input to the handler", async () => {
    const res = await request(app().a).post("/items/7").send({ name: "desk" }).expect(200);
    expect(res.body).toEqual({ id: 7, name: "desk" });
  });

  it("answers bad params, missing and unknown body fields with 400 and details", async () => {
    const { a } = app();
    expect((await request(a).post("/items/0").send({ name: "x" }).expect(400)).body).toMatchObject({
      error: "invalid path",
      details: [{ path: "id" }],
    });
    expect((await request(a).post("/items/1").send({}).expect(400)).body.details[0].path).toBe("name");
    const extra = await request(a).post("/items/1").send({ name: "x", role: "owner" }).expect(400);
    expect(extra.body.details[0].message).toMatch(/role/);
    expect((await request(a).post("/items/1").expect(400)).body.error).toBe("invalid request body");
  });

  it("maps body-parser failures: malformed JSON 400, too large 413", async () => {
    const { a } = app();
    await request(a).post("/items/1").set("Content-Type", "application/json").send("{nope").expect(400, { error: "malformed JSON body" });
    await request(a).post("/items/1").send({ name: "x".repeat(2000) }).expect(413, { error: "request body is too large" });
  });

  it("answers HttpError with its headers, and other middleware's 4xx statuses as JSON", async () => {
    const { a } = app();
    const busy = await request(a).get("/busy").expect(429);
    expect(busy.body).toEqual({ error: "too many tries; try again in 43 s" });
    expect(busy.headers["retry-after"]).toBe("43");
    await request(a).get("/static-miss").expect(404, { error: "Not Found" });
    await request(a).get("/nowhere").expect(404, { error: "no API route for GET /nowhere" });
  });

  it("hides unexpected errors behind a logged 500", async () => {
    const { a, logged } = app();
    const res = await request(a).get("/boom").expect(500);
    expect(res.body).toEqual({ error: "internal error" });
    expect(logged).toHaveLength(1);
  });
});
