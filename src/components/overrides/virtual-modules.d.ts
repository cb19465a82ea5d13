/**
 * The type of Starlight's internal virtual module that Search.astro (Starlight's component, overridden
 * here) reads: the `pagefind` options of the Starlight config. Starlight declares it in its
 * virtual-internal.d.ts (0.37.7), which projects do not see.
 */
declare module 'virtual:starlight/pagefind-config' {
  export const pagefindUserConfig: Record<string, unknown>;
}
