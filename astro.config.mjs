// @ts-check
import preact from '@astrojs/preact';
import starlight from '@astrojs/starlight';
import { defineConfig, passthroughImageService } from 'astro/config';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import rehypeFocusableScrollBoxes from './src/markdown/focusable-scroll-boxes';
import labsInThePage from './src/labs/browser/integration';

// Astro's telemetry and its update check would reach the network from student laptops (and the
// update notice would urge an Astro that needs Node 22); the course works offline, on Node 20.
process.env.ASTRO_TELEMETRY_DISABLED = '1';
process.env.ASTRO_DISABLE_UPDATE_CHECK = 'true';

// `npm run edition` builds the student edition's site with QC_EDITION=student: without the instructor
// guide (content/instructors/, left out of the collection in src/content.config.ts, and its sidebar
// group here), and with a cache of its own so that it never mixes with the full site's.
const studentEdition = process.env.QC_EDITION === 'student';

export default defineConfig({
  ...(studentEdition ? { cacheDir: './node_modules/.astro-student' } : {}),
  // Served from 127.0.0.1 by `npm start` and `npm run preview`; no request leaves the machine.
  server: { host: '127.0.0.1', port: 4321 },
  image: { service: passthroughImageService() },
  // The lab runner's worker imports the student's code and the test bundles at run time (issue 15).
  vite: { worker: { format: 'es' } },
  markdown: {
    remarkPlugins: [remarkMath],
    // Display formulas and tables scroll sideways on narrow screens; give them a tab stop so that keyboards can scroll them.
    rehypePlugins: [rehypeKatex, rehypeFocusableScrollBoxes],
  },
  integrations: [
    starlight({
      title: 'Queues & Caches',
      description: 'A workshop course in queueing and caching: read the lesson, build the mechanism, grade it on your own machine.',
      favicon: '/favicon.svg',
      customCss: ['katex/dist/katex.min.css', './src/styles/course.css', './src/styles/print.css'],
      markdown: { processedDirs: ['./content', './labs'] },
      lastUpdated: false,
      // Starlight's search, with Pagefind's UI built on first use instead of on every page load.
      components: { Search: './src/components/overrides/Search.astro' },
      pagination: true,
      sidebar: [
        { label: 'Course home', link: '/' },
        { label: 'Module 16 · Queueing', autogenerate: { directory: 'content/module-16' } },
        { label: 'Module 17 · Caching', autogenerate: { directory: 'content/module-17' } },
        { label: 'Case studies', autogenerate: { directory: 'content/case-studies' } },
        ...(studentEdition ? [] : [{ label: 'Instructor guide', autogenerate: { directory: 'content/instructors' } }]),
      ],
    }),
    preact(),
    labsInThePage(),
  ],
});
