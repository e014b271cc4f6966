import { readFile, writeFile } from 'node:fs/promises';
import JSZip from 'jszip';

// WXT's zip stamps every entry (and the folders JSZip makes for them) with the time of zipping and
// adds them in the file system's order. Rewritten with sorted names and one fixed date, the same
// build gives the same bytes, so a store reviewer (or anyone) can rebuild and compare.
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

/** Rewrites the zip at `path` in place: file entries only, sorted by name, all dated FIXED_DATE. */
export async function makeZipReproducible(path: string): Promise<void> {
  const source = await JSZip.loadAsync(await readFile(path));
  const names = Object.keys(source.files)
    .filter((name) => !source.files[name]!.dir)
    .sort();
  const out = new JSZip();
  for (const name of names) {
    out.file(name, await source.files[name]!.async('uint8array'), { date: FIXED_DATE, createFolders: false });
  }
  const bytes = await out.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 9 },
    platform: 'UNIX',
  });
  await writeFile(path, bytes);
}
