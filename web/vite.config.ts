import { defineConfig } from 'vitest/config';

// The gateway serves dist/ under a strict CSP (script-src 'self'; style-src 'self'): no inline
// scripts or styles, so no modulepreload polyfill injected inline, CSS always in files.
export default defineConfig({
  build: {
    // straight into the jar's classes: a new build replaces the previous files (old hashed assets
    // never pile up in the jar)
    outDir: 'target/classes/META-INF/signaldesk-console',
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    cssCodeSplit: false,
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080', '/r': 'http://127.0.0.1:8080' } },
  test: { environment: 'node', include: ['test/**/*.test.ts'] },
});
