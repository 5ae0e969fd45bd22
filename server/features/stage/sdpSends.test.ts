import { sdpSends } from "./StageOverlay";

const head = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";

describe("sdpSends", () => {
  it("spots a media section that would send, and lets receive-only ones and data channels pass", () => {
    expect(sdpSends({ type: "answer", sdp: `${head}m=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=recvonly\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=inactive\r\n` })).toBe(false);
    expect(sdpSends({ type: "answer", sdp: `${head}m=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=recvonly\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=sendrecv\r\n` })).toBe(true);
    expect(sdpSends({ type: "offer", sdp: `${head}m=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=sendonly\r\n` })).toBe(true);
    // No direction attribute means sendrecv.
    expect(sdpSends({ type: "offer", sdp: `${head}m=video 9 UDP/TLS/RTP/SAVPF 96\r\na=mid:0\r\n` })).toBe(true);
    expect(sdpSends({ type: "offer", sdp: `${head}m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n` })).toBe(false);
    expect(sdpSends({ type: "candidate", candidate: { candidate: "candidate:1 1 udp 1 127.0.0.1 9 typ host" } })).toBe(false);
    expect(sdpSends(null)).toBe(false);
  });
});
