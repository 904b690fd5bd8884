import { randomUUID } from "node:crypto";
import { link, unlink, writeFile } from "node:fs/promises";

/** Errors of `link()` on file systems without hard links, where an exclusive create stands in for it. */
const NO_HARD_LINKS = new Set(["EPERM", "ENOTSUP", "ENOSYS", "EXDEV"]);

/**
 * Creates a file with its whole content, never replacing one, even against a concurrent writer: the content goes to a
 * temporary file (`<name>.<pid>.<uuid>.tmp`), which is hard-linked to the name, and `link()` fails when the name is
 * taken. Returns false when a file of that name exists. On a file system without hard links it falls back to an
 * exclusive create, which never replaces a file either but is briefly empty.
 */
export async function createNewFile(abs: string, data: string): Promise<boolean> {
  const temporary = `${abs}.${process.pid}.${randomUUID()}.tmp`;
  await writeFile(temporary, data, { flag: "wx" });
  try {
    await link(temporary, abs);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return false;
    if (!NO_HARD_LINKS.has(code ?? "")) throw error;
    return writeFile(abs, data, { flag: "wx" }).then(
      () => true,
      (e: NodeJS.ErrnoException) => (e.code === "EEXIST" ? false : Promise.reject(e)),
    );
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}
