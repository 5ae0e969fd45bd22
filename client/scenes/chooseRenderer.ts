export type RendererChoice = "canvas" | "webgl" | "auto";

/**
 * Which Phaser renderer the office uses. WebGL by default, but not where the
 * browser's WebGL is a software rasteriser (no GPU: SwiftShader, llvmpipe,
 * remote desktops, some VMs): there the 2D canvas renderer draws this tile
 * map several times faster (docs/benchmarks.md, "Client frame times").
 * `?renderer=canvas` or `?renderer=webgl` decides by hand.
 */
export function chooseRenderer(search: string, webglRenderer: () => string | null = readWebglRenderer): RendererChoice {
  const asked = new URLSearchParams(search).get("renderer");
  if (asked === "canvas" || asked === "webgl") return asked;
  const name = webglRenderer();
  return name !== null && isSoftwareRenderer(name) ? "canvas" : "auto";
}

/** Renderer names (UNMASKED_RENDERER_WEBGL) of rasterisers that run on the CPU. */
export function isSoftwareRenderer(name: string): boolean {
  return /swiftshader|llvmpipe|softpipe|software|basic render/i.test(name);
}

/** The WebGL renderer's name as the browser reports it, or null when it cannot tell. */
function readWebglRenderer(): string | null {
  try {
    const canvas = document.createElement("canvas");
    const gl = canvas.getContext("webgl");
    if (!gl) return null;
    const info = gl.getExtension("WEBGL_debug_renderer_info");
    const name = info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
    gl.getExtension("WEBGL_lose_context")?.loseContext();
    return typeof name === "string" ? name : null;
  } catch {
    return null;
  }
}
