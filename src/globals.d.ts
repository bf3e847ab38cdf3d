// Build-time constants injected by esbuild `define` (build.mjs) and by test/setup.cjs for jest.
declare const __DEV__: boolean;
