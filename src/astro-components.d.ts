/**
 * For `tsc`, which does not read `.astro` files: an Astro component imported from a `.ts` module (as
 * src/components/authoring/index.ts does) is a component factory. `astro check` reads the components
 * themselves and checks their props.
 */
declare module '*.astro' {
  const Component: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default Component;
}
