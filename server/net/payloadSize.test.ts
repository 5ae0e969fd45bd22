import { estimatePayloadSize } from "./payloadSize";

describe("estimatePayloadSize", () => {
  test("is close to the JSON length for ordinary payloads", () => {
    const payload = { seq: 12, dx: 1, dy: 0, note: "hello" };
    const estimate = estimatePayloadSize(payload, 10_000);
    const json = JSON.stringify(payload).length;
    expect(estimate).toBeGreaterThanOrEqual(json * 0.8);
    expect(estimate).toBeLessThanOrEqual(json * 2);
  });

  test("counts binary, nested and array content", () => {
    expect(estimatePayloadSize(new Uint8Array(5000), 10_000)).toBeGreaterThanOrEqual(5000);
    expect(estimatePayloadSize({ a: [{ b: "x".repeat(3000) }] }, 10_000)).toBeGreaterThan(3000);
    expect(estimatePayloadSize(Array.from({ length: 1000 }, () => 1), 100_000)).toBeGreaterThan(1000);
  });

  test("stops early past the limit, even for huge or deep payloads", () => {
    const wide = Array.from({ length: 1_000_000 }, (_, i) => i);
    const started = performance.now();
    expect(estimatePayloadSize(wide, 2048)).toBeGreaterThan(2048);
    expect(performance.now() - started).toBeLessThan(100);
    let deep: unknown = "end";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(estimatePayloadSize(deep, 2048)).toBeGreaterThan(2048); // no recursion, no stack overflow
  });
});
