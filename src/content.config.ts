import { docsSchema } from '@astrojs/starlight/schema';
import { defineCollection, z } from 'astro:content';
import { glob } from 'astro/loaders';


export const collections = {
  docs: defineCollection({
    loader: glob({ base: './content', pattern: '**/[^_]*.{md,mdx}' }),
    schema: docsSchema({
      extend: z.object({
        /** The labs this lesson embeds with <Lab id="…" />, checked against labs/labs.json. */
        labs: z.array(z.string()).default([]),
      }),
    }),
  }),
};
