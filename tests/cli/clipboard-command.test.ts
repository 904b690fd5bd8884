/** `prompt --copy` without a clipboard suggests the command the platform has (#17.17). */
import { describe, expect, it } from "vitest";
import { clipboardCommand } from "../../src/cli/clipboard-command.js";

describe("clipboardCommand", () => {
  it("suggests pbcopy only on macOS, clip.exe on WSL, wl-copy on Wayland, xclip on X11", () => {
    expect(clipboardCommand({ platform: "darwin", env: {}, release: "23.1.0" })).toBe("pbcopy");
    expect(clipboardCommand({ platform: "win32", env: {}, release: "10.0.22631" })).toBe("clip");
    expect(clipboardCommand({ platform: "linux", env: { WSL_DISTRO_NAME: "Ubuntu" }, release: "5.15.0" })).toBe("clip.exe");
    expect(clipboardCommand({ platform: "linux", env: {}, release: "5.15.153.1-microsoft-standard-WSL2" })).toBe("clip.exe");
    expect(clipboardCommand({ platform: "linux", env: { WAYLAND_DISPLAY: "wayland-0" }, release: "6.8.0" })).toBe("wl-copy");
    expect(clipboardCommand({ platform: "linux", env: { DISPLAY: ":0" }, release: "6.8.0" })).toBe("xclip -selection clipboard");
    expect(clipboardCommand({ platform: "linux", env: {}, release: "6.8.0" })).toBe("xclip -selection clipboard");
  });
});
