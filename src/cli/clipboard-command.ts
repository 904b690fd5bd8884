/** Where a command runs, as far as the clipboard is concerned. */
export interface ClipboardHost {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  /** `os.release()`: on WSL it names Microsoft. */
  release: string;
}

/** The clipboard command the platform has, to pipe a prompt into when `--copy` cannot: `pbcopy` only on macOS. */
export function clipboardCommand(host: ClipboardHost): string {
  if (host.platform === "darwin") return "pbcopy";
  if (host.platform === "win32") return "clip";
  if (host.env.WSL_DISTRO_NAME || /microsoft/i.test(host.release)) return "clip.exe";
  if (host.env.WAYLAND_DISPLAY) return "wl-copy";
  return "xclip -selection clipboard";
}
