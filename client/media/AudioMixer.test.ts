import { loudestBlockRms } from "./AudioMixer";

test("a short loud burst in a quiet window counts at its own loudness", () => {
  const samples = new Float32Array(8192).fill(0.001);
  for (let i = 4096; i < 4096 + 512; i++) samples[i] = i % 2 ? 0.5 : -0.5;
  expect(loudestBlockRms(samples)).toBeCloseTo(0.5);
});

test("silence and steady low noise stay low", () => {
  expect(loudestBlockRms(new Float32Array(8192))).toBe(0);
  const noise = Float32Array.from({ length: 8192 }, (_, i) => (i % 2 ? 0.004 : -0.004));
  expect(loudestBlockRms(noise)).toBeCloseTo(0.004);
});

test("a window shorter than a block is measured whole", () => {
  expect(loudestBlockRms(Float32Array.from([0.3, -0.3, 0.3]))).toBeCloseTo(0.3);
});
