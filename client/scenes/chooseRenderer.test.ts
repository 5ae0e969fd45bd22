import { chooseRenderer, isSoftwareRenderer } from "./chooseRenderer";

describe("chooseRenderer", () => {
  test("software rasterisers are recognised by the names browsers report", () => {
    for (const name of [
      "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)",
      "llvmpipe (LLVM 15.0.6, 256 bits)",
      "Microsoft Basic Render Driver",
    ]) {
      expect([name, isSoftwareRenderer(name)]).toEqual([name, true]);
    }
    for (const name of ["ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0)", "Apple M2", "Mali-G78"]) {
      expect([name, isSoftwareRenderer(name)]).toEqual([name, false]);
    }
  });

  test("a GPU gets WebGL (Phaser's choice), software WebGL gets the canvas renderer, the URL overrides both", () => {
    const swiftShader = () => "SwiftShader Device";
    const gpu = () => "Apple M2";
    expect(chooseRenderer("", gpu)).toBe("auto");
    expect(chooseRenderer("", swiftShader)).toBe("canvas");
    expect(chooseRenderer("", () => null)).toBe("auto");
    expect(chooseRenderer("?renderer=webgl", swiftShader)).toBe("webgl");
    expect(chooseRenderer("?renderer=canvas", gpu)).toBe("canvas");
    expect(chooseRenderer("?renderer=nonsense", gpu)).toBe("auto");
  });
});
