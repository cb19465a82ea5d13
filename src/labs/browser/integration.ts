/**
 * Astro integration for the labs in the page (issue 15). For every lab in labs/labs.json (so a new lab
 * needs no wiring) it serves, under /_labs/:
 *   - `<id>.tests.js`: the lab's tests bundled with the Vitest shim (bundle.ts), from this repository's
 *     own node_modules (the lockfile's fast-check, so seeded property runs match the grader's);
 *   - `ts/typescript.js` and `ts/lib.*.d.ts`: the compiler for the lazily loaded type-check worker.
 * In `astro dev` they are built on request; `astro build` writes them into the output folder.
 */
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { loadLabs } from '../catalog';
import { LABS_DIR } from '../layout';
import { bundleLabTests } from './bundle';

export const LABS_ASSET_DIR = '_labs';

function typescriptLib(): string {
  return dirname(createRequire(import.meta.url).resolve('typescript'));
}

/** The ES library files the type-check worker may fetch. */
function typescriptFiles(): string[] {
  return ['typescript.js', ...readdirSync(typescriptLib()).filter((name) => /^lib\.es[\w.]*\.d\.ts$/.test(name) || name === 'lib.decorators.d.ts' || name === 'lib.decorators.legacy.d.ts')];
}

export default function labsInThePage(): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'qc-labs-in-the-page',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const url = new URL(req.url ?? '/', 'http://localhost');
          const tests = new RegExp(`^/${LABS_ASSET_DIR}/([\\w-]+)\\.tests\\.js$`).exec(url.pathname);
          const compiler = new RegExp(`^/${LABS_ASSET_DIR}/ts/([\\w.-]+)$`).exec(url.pathname);
          if (tests) {
            const lab = loadLabs(join(root, LABS_DIR)).find((l) => l.id === tests[1]);
            if (!lab) return next();
            bundleLabTests({ id: lab.id, testFile: lab.testFile }, { minify: false }).then(
              (code) => {
                res.setHeader('Content-Type', 'text/javascript');
                res.end(code);
              },
              (error: unknown) => next(error),
            );
          } else if (compiler && typescriptFiles().includes(compiler[1]!)) {
            res.setHeader('Content-Type', compiler[1]!.endsWith('.js') ? 'text/javascript' : 'text/plain');
            import('node:fs').then(({ createReadStream }) => createReadStream(join(typescriptLib(), compiler[1]!)).pipe(res), next);
          } else next();
        });
      },
      'astro:build:done': async ({ dir }) => {
        const out = join(fileURLToPath(dir), LABS_ASSET_DIR);
        mkdirSync(join(out, 'ts'), { recursive: true });
        const labs = loadLabs(join(root, LABS_DIR));
        await Promise.all(
          labs.map(async (lab) => writeFileSync(join(out, `${lab.id}.tests.js`), await bundleLabTests({ id: lab.id, testFile: lab.testFile }))),
        );
        for (const name of typescriptFiles()) copyFileSync(join(typescriptLib(), name), join(out, 'ts', name));
      },
    },
  };
}
