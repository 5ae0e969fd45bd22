import { upstreamBudget, type UpstreamBudget } from "../../shared/meetups/upstreamBudget";

/**
 * Bounds what a stage speaker sends on each peer-to-peer link: every video
 * sender of the connection gets the budget for the current number of
 * outgoing links (shared/meetups/upstreamBudget). Applied again whenever the
 * audience changes; audio is left alone.
 */
export async function limitVideoSenders(pc: RTCPeerConnection, budget: UpstreamBudget): Promise<void> {
  for (const sender of pc.getSenders()) {
    if (sender.track?.kind !== "video") continue;
    const params = sender.getParameters();
    // Before negotiation there may be no encodings yet; the next call (on connect) applies it.
    if (!params.encodings || params.encodings.length === 0) continue;
    for (const encoding of params.encodings) {
      encoding.maxBitrate = budget.maxBitrate;
      encoding.scaleResolutionDownBy = budget.scaleResolutionDownBy;
      encoding.maxFramerate = budget.maxFramerate;
    }
    try {
      await sender.setParameters(params);
    } catch (error) {
      console.warn("[deskmap] could not bound a stage link's video:", error);
    }
  }
}

export { upstreamBudget };
