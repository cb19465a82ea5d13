/**
 * The site's JavaScript budgets, checked by tests/e2e/budgets.spec.ts and reported by
 * `npm run bench:build`. A page without islands may load only the theme's scripts (Starlight 0.37.7,
 * Astro 5.18); these figures are what the theme ships on its largest page kind (a lesson: search box,
 * table of contents, link prefetch, code-block script and the inline theme scripts), rounded up to the
 * next kilobyte, so a theme upgrade that grows them is noticed. Measured figures: docs/site-quality.md.
 */
export const JS_BUDGET = {
  /** Bytes (uncompressed) of theme JavaScript a page loads with it: module scripts plus inline scripts. */
  themeAtLoad: 16_000,
  /**
   * Bytes (uncompressed) of Pagefind's search UI, which the search box imports when a reader first
   * reaches for search (src/components/overrides/Search.astro), never with the page.
   */
  searchUiOnUse: 96_000,
} as const;
