/**
 * `npm run grade` and `npm run hint` start here: the grader (src/grader/cli.ts and what it imports) runs
 * as one JavaScript file that esbuild bundles from the TypeScript sources, instead of through tsx's
 * loader. tsx transforms every module on each start and costs about half a second of CPU before the
 * grader can start Vitest; the bundle loads in a few milliseconds (docs/grader.md, "Speed").
 *
 * The bundle is kept in node_modules/.cache/queues-and-caches/grader/ under a key made of the exact
 * contents of every source file in it (and of this file and esbuild's version), so it is rebuilt, in
 * about 0.2 s, whenever any of them changes: what runs is always what the sources say, and the
 * integrity check, which hashes the sources, describes it. If the bundle cannot be built or kept (a
 * read-only node_modules, say), the grader runs through tsx as before.
 */
import { createHash } from 'node:crypto';
import module from 'node:module';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const entry = join(here, 'cli.ts');
// QC_GRADER_CACHE moves the cache (the launcher's own tests use it); it must stay inside the course's
// folder, where the bundle's imports of packages resolve.
const cacheDir = process.env.QC_GRADER_CACHE ? resolve(process.env.QC_GRADER_CACHE) : join(root, 'node_modules', '.cache', 'queues-and-caches', 'grader');
const indexFile = join(cacheDir, 'index.json');

// Node 22.1 and later keep V8's compiled code of every module the grader loads (TypeScript's compiler is
// 9 MB of JavaScript) between runs; Node 20 has no such cache and skips this.
module.enableCompileCache?.(join(root, 'node_modules', '.cache', 'queues-and-caches', 'v8'));

const sha256 = (data) => createHash('sha256').update(data).digest('hex');

/** The key of a bundle made from `inputs` (paths relative to the course): their contents, this file's, esbuild's version. */
function keyOf(inputs, esbuildVersion) {
  const hash = createHash('sha256').update(`${esbuildVersion}\0${process.version}\0`).update(readFileSync(fileURLToPath(import.meta.url)));
  for (const input of inputs) hash.update(`\0${input}\0`).update(readFileSync(join(root, input)));
  return hash.digest('hex');
}

/** The bundle made from today's sources, if the cache holds it intact. */
function cachedBundle() {
  try {
    const index = JSON.parse(readFileSync(indexFile, 'utf8'));
    if (!Array.isArray(index.inputs) || keyOf(index.inputs, index.esbuild) !== index.key) return undefined;
    const file = join(cacheDir, `${index.key}.mjs`);
    return sha256(readFileSync(file)) === index.bundle ? file : undefined;
  } catch {
    return undefined; // no cache yet, a source file gone, or a damaged index: build again
  }
}

/**
 * Each module keeps its own location: `import.meta.url` in a source becomes that source's URL, so paths
 * the grader computes from it (the course's root, the reporter Vitest loads) are the same as under tsx.
 */
const ownLocation = {
  name: 'own-location',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?ts$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      return {
        contents: text
          .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
          .replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path)))
          .replaceAll('import.meta.filename', JSON.stringify(args.path)),
        loader: 'ts',
      };
    });
  },
};

async function buildBundle() {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [entry],
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    write: false,
    metafile: true,
    outfile: join(cacheDir, 'grader.mjs'),
    logLevel: 'silent',
    plugins: [ownLocation],
  });
  const inputs = Object.keys(result.metafile.inputs).sort();
  const key = keyOf(inputs, esbuild.version);
  const code = result.outputFiles[0].contents;
  const file = join(cacheDir, `${key}.mjs`);
  mkdirSync(cacheDir, { recursive: true });
  // Written under a temporary name and renamed, so that two gradings started at once never read half a file.
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, code);
  renameSync(temporary, file);
  const indexTemporary = `${indexFile}.${process.pid}.tmp`;
  writeFileSync(indexTemporary, `${JSON.stringify({ key, esbuild: esbuild.version, bundle: sha256(code), inputs }, null, 2)}\n`);
  renameSync(indexTemporary, indexFile);
  // Bundles of earlier sources are never used again. (A grading that started from one has loaded it already.)
  for (const name of readdirSync(cacheDir)) {
    if (name.endsWith('.mjs') && name !== `${key}.mjs`) rmSync(join(cacheDir, name), { force: true });
  }
  return file;
}

let bundle = cachedBundle();
if (!bundle) {
  try {
    bundle = await buildBundle();
  } catch {
    bundle = undefined;
  }
}
if (bundle) {
  await import(pathToFileURL(bundle).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(entry).href);
}
