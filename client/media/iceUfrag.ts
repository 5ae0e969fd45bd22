/**
 * After a connection is recreated, candidates meant for the old one may still
 * be in flight; handing them to the new RTCPeerConnection makes
 * addIceCandidate reject, and simple-peer destroys the peer on that. Each
 * ICE session has its own username fragment (in the SDP and on every
 * candidate), so stale candidates can be recognised and dropped.
 */

export function ufragOfSdp(sdp: string | undefined): string | null {
  if (!sdp) return null;
  const match = /^a=ice-ufrag:(\S+)/m.exec(sdp);
  return match ? match[1] : null;
}

/** Chromium writes the fragment into the candidate line itself ("… generation 0 ufrag Ab3x …"). */
export function ufragOfCandidate(candidate: string | undefined): string | null {
  if (!candidate) return null;
  const match = /\bufrag (\S+)/.exec(candidate);
  return match ? match[1] : null;
}

/** True when the candidate names an ICE session other than the remote one we know. */
export function isStaleCandidate(candidateUfrag: string | null | undefined, remoteUfrag: string | null): boolean {
  if (!candidateUfrag || !remoteUfrag) return false;
  return candidateUfrag !== remoteUfrag;
}

/**
 * Whether a further offer starts a new ICE session (the other side recreated
 * its connection) rather than renegotiating ours (same fragment: a screen
 * share added a track). An offer without a readable fragment counts as new.
 */
export function startsNewSession(offerSdp: string | undefined, remoteUfrag: string | null): boolean {
  const ufrag = ufragOfSdp(offerSdp);
  return ufrag === null || ufrag !== remoteUfrag;
}
