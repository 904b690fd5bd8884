import { cp, mkdir, mkdtemp, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { REPO } from "./run-cli.js";

/** A temporary project holding a copy of a fixture plan (`tests/fixtures/plans/<name>/plan`) as its `plan/`. */
export async function tempProject(fixture: string, prefix: string): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), prefix));
  await cp(path.join(REPO, "tests", "fixtures", "plans", fixture, "plan"), path.join(root, "plan"), { recursive: true });
  return root;
}

/** Writes a file of a temporary project, making its folders. */
export async function putFile(root: string, relative: string, text: string): Promise<void> {
  const file = path.join(root, relative);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
}

/** A file's text, its raw bytes, or a symbolic link to a path relative to the link. */
export type FileContent = string | Uint8Array | { readonly symlink: string };

/** Files by path relative to a root folder. */
export type FileTree = Readonly<Record<string, FileContent>>;

/** Writes every file of a tree under `root`, making its folders. */
export async function writeFileTree(root: string, tree: FileTree): Promise<void> {
  for (const [relative, content] of Object.entries(tree)) {
    const file = path.join(root, relative);
    await mkdir(path.dirname(file), { recursive: true });
    if (typeof content === "string" || content instanceof Uint8Array) await writeFile(file, content);
    else await symlink(content.symlink, file);
  }
}
