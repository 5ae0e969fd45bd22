/**
 * The page's Content-Security-Policy: scripts, styles and connections only to
 * this origin, no inline script, nothing framing the office. Kept as data so a
 * test (and docs/security.md) can read exactly what browsers are told.
 *
 * WebRTC's ICE traffic to STUN/TURN servers is not governed by CSP (browsers
 * have no enforced directive for it), so the configured STUN/TURN URLs are not
 * listed: the page learns them from the room's ice-servers message.
 */
export function contentSecurityPolicy(extraConnectOrigins: readonly string[] = []): Record<string, string[]> {
  return {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "script-src-attr": ["'none'"],
    // Only the stylesheet file. The UI and Phaser size things through element.style (CSSOM),
    // which CSP does not govern; no <style> element or style="" attribute is ever parsed.
    "style-src": ["'self'"],
    // Phaser turns generated textures into data:/blob: images.
    "img-src": ["'self'", "data:", "blob:"],
    "media-src": ["'self'", "blob:", "mediastream:"],
    "font-src": ["'self'", "data:"],
    // 'self' covers same-origin ws:/wss: in current browsers: the API and the room's socket.
    "connect-src": ["'self'", ...extraConnectOrigins],
    "worker-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
}

export function cspHeaderValue(directives: Record<string, string[]>): string {
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}
