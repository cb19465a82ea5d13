import { docsSchema } from '@astrojs/starlight/schema';
import { defineCollection, z } from 'astro:content';
import { glob } from 'astro/loaders';


/** The student edition (npm run edition) leaves the instructor guide out of the site entirely. */
const pattern = process.env.QC_EDITION === 'student' ? ['**/[^_]*.{md,mdx}', '!instructors/**'] : '**/[^_]*.{md,mdx}';

export const collections = {
  docs: defineCollection({
    loader: glob({ base: './content', pattern }),
    schema: docsSchema({
      extend: z.object({
        /** The labs this lesson embeds with <Lab id="…" />, checked against labs/labs.json. */
        labs: z.array(z.string()).default([]),
      }),
    }),
  }),
};
