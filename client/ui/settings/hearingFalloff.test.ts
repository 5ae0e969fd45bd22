import { DEFAULT_FALLOFF, distanceGain } from "../../media/distanceGain";
import { hearingFalloff } from "./hearingFalloff";

test("a shorter hearing distance fades people sooner; none chosen keeps the default", () => {
  expect(hearingFalloff(null)).toBe(DEFAULT_FALLOFF);
  const near = hearingFalloff(2);
  expect(near.leaveTiles).toBe(2);
  expect(distanceGain(2 * 32, 32, near)).toBe(DEFAULT_FALLOFF.minGain);
  expect(distanceGain(2 * 32, 32, DEFAULT_FALLOFF)).toBe(1);
  // Never beyond the conversation's own leave radius.
  expect(hearingFalloff(100).leaveTiles).toBe(DEFAULT_FALLOFF.leaveTiles);
});
