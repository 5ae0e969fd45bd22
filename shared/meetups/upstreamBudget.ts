/**
 * How much a stage speaker may send to each listener over peer-to-peer media.
 * With one connection per listener, a speaker's upstream is the per-link
 * bitrate times the number of listeners: it must stay within what an ordinary
 * laptop on ordinary broadband sends (TOTAL_UPSTREAM_KBPS), so the per-link
 * video bitrate and resolution fall as the audience grows. Audio (Opus,
 * ~32 kbps) is left alone: it is what the talk needs most.
 */

/** The speaker's total video upstream across every listener, kbps. */
export const TOTAL_UPSTREAM_KBPS = 3000;
/** Never more than this per link (a 640×480 camera looks fine at 600 kbps). */
export const MAX_LINK_KBPS = 600;
/** Below this video is not worth sending; the floor keeps faces recognisable. */
export const MIN_LINK_KBPS = 60;

export interface UpstreamBudget {
  /** RTCRtpEncodingParameters.maxBitrate for each listener's video sender, bits per second. */
  maxBitrate: number;
  /** RTCRtpEncodingParameters.scaleResolutionDownBy (1 = full camera resolution). */
  scaleResolutionDownBy: number;
  /** RTCRtpEncodingParameters.maxFramerate. */
  maxFramerate: number;
}

/** The bound for each outgoing video link when sending to `links` peers (speakers and listeners alike). */
export function upstreamBudget(links: number): UpstreamBudget {
  const n = Math.max(1, Math.floor(Number.isFinite(links) ? links : 1));
  const kbps = Math.max(MIN_LINK_KBPS, Math.min(MAX_LINK_KBPS, Math.floor(TOTAL_UPSTREAM_KBPS / n)));
  // Fewer pixels at lower bitrates: encoding 640×480 in 100 kbps gives mush, 320×240 stays sharp.
  const scaleResolutionDownBy = kbps >= 400 ? 1 : kbps >= 120 ? 2 : 4;
  const maxFramerate = kbps >= 150 ? 24 : 15;
  return { maxBitrate: kbps * 1000, scaleResolutionDownBy, maxFramerate };
}
