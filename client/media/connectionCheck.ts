/**
 * "Can calls work on this network?": two RTCPeerConnections in this page,
 * configured with the real ICE servers, connect to each other over a data
 * channel. Which candidate types were gathered tells whether the browser can
 * reach a STUN server (srflx) or a TURN relay (relay); connecting proves the
 * local stack works end to end.
 */

export interface ConnectionCheckResult {
  candidates: { host: number; srflx: number; relay: number; prflx: number };
  connected: boolean;
  /** How long connecting took, or the time waited when it did not. */
  elapsedMs: number;
  error?: string;
  /**
   * STUN/TURN servers that answered with an error (icecandidateerror), e.g. a
   * TURN relay refusing the credentials with 401: the reason the check names.
   */
  serverErrors?: Array<{ url: string; code: number; text: string }>;
}

export const CHECK_TIMEOUT_MS = 10_000;

export async function runConnectionCheck(iceServers: RTCIceServer[], timeoutMs = CHECK_TIMEOUT_MS): Promise<ConnectionCheckResult> {
  const started = performance.now();
  const candidates = { host: 0, srflx: 0, relay: 0, prflx: 0 };
  const a = new RTCPeerConnection({ iceServers });
  const b = new RTCPeerConnection({ iceServers });
  const serverErrors = new Map<string, { url: string; code: number; text: string }>();
  const noteError = (event: Event) => {
    const e = event as RTCPeerConnectionIceErrorEvent;
    // 701 = a server could not be reached at all; anything else is its own answer (401 Unauthorized…).
    const key = `${e.url} ${e.errorCode}`;
    if (e.url && !serverErrors.has(key)) serverErrors.set(key, { url: e.url, code: e.errorCode, text: e.errorText });
  };
  a.addEventListener("icecandidateerror", noteError);
  b.addEventListener("icecandidateerror", noteError);
  const withErrors = (result: ConnectionCheckResult): ConnectionCheckResult =>
    serverErrors.size > 0 ? { ...result, serverErrors: [...serverErrors.values()] } : result;
  const count = (event: RTCPeerConnectionIceEvent) => {
    const type = event.candidate?.type;
    if (type && type in candidates) candidates[type as keyof typeof candidates] += 1;
  };
  a.addEventListener("icecandidate", (event) => {
    count(event);
    if (event.candidate) void b.addIceCandidate(event.candidate).catch(() => undefined);
  });
  b.addEventListener("icecandidate", (event) => {
    if (event.candidate) void a.addIceCandidate(event.candidate).catch(() => undefined);
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const channel = a.createDataChannel("check");
    const opened = new Promise<boolean>((resolve) => {
      channel.addEventListener("open", () => resolve(true));
      a.addEventListener("connectionstatechange", () => {
        if (a.connectionState === "failed") resolve(false);
      });
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const offer = await a.createOffer();
    await a.setLocalDescription(offer);
    await b.setRemoteDescription(offer);
    const answer = await b.createAnswer();
    await b.setLocalDescription(answer);
    await a.setRemoteDescription(answer);
    const connected = await opened;
    // Let gathering finish (STUN/TURN answers come later than host candidates) unless that takes long.
    await waitForGathering(a, Math.max(0, timeoutMs - (performance.now() - started)));
    return withErrors({ candidates, connected, elapsedMs: Math.round(performance.now() - started) });
  } catch (error) {
    return withErrors({
      candidates,
      connected: false,
      elapsedMs: Math.round(performance.now() - started),
      error: error instanceof Error ? error.message : String(error),
    });
  } finally {
    clearTimeout(timer);
    a.close();
    b.close();
  }
}

function waitForGathering(pc: RTCPeerConnection, timeoutMs: number): Promise<void> {
  if (pc.iceGatheringState === "complete") return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, timeoutMs);
    function done() {
      clearTimeout(timer);
      pc.removeEventListener("icegatheringstatechange", onChange);
      resolve();
    }
    function onChange() {
      if (pc.iceGatheringState === "complete") done();
    }
    pc.addEventListener("icegatheringstatechange", onChange);
  });
}

/** Why the STUN/TURN servers gave no addresses, in words, or "" when none answered with an error. */
export function describeServerErrors(errors: ConnectionCheckResult["serverErrors"]): string {
  if (!errors || errors.length === 0) return "";
  const why = errors.map((e) => {
    const url = e.url.split("?")[0];
    if (e.code === 401 || e.code === 403 || e.code === 441) {
      return `the TURN relay ${url} refused this server's credentials (${e.code} ${e.text.replace(/[.\s]+$/, "") || "Unauthorized"}): TURN_SECRET does not match coturn's static-auth-secret, or the credential expired`;
    }
    if (e.code === 701) return `${url} could not be reached`;
    return `${url} answered ${e.code} ${e.text.replace(/[.\s]+$/, "")}`.trim();
  });
  return ` Why: ${[...new Set(why)].join("; ")}.`;
}

/** The verdict in words for people. */
export function describeCheck(result: ConnectionCheckResult, hasIceServers: boolean): string {
  const { host, srflx, relay } = result.candidates;
  const found = `Found ${host} local, ${srflx} public (STUN) and ${relay} relay (TURN) addresses.${describeServerErrors(result.serverErrors)}`;
  if (!result.connected) {
    return `Calls may not work on this network: a test connection failed${result.error ? ` (${result.error})` : ""}. ${found}`;
  }
  if (relay > 0) return `Calls should work, even through strict firewalls (a relay is available). ${found}`;
  if (srflx > 0) return `Calls should work on most networks; behind strict firewalls they may fail (no relay). ${found}`;
  if (!hasIceServers) return `Calls work on this local network; this server offers no STUN/TURN, so calls across the internet may fail. ${found}`;
  return `Calls work locally, but the STUN/TURN servers could not be reached: calls across networks may fail. ${found}`;
}
