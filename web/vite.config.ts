import { defineConfig } from 'vite';

/**
 * The analyst console: built into web/dist, which the Vigil server serves at `/`. Run from the
 * repository root as `vite build web` (npm run build:web). In development, `vite web` proxies the
 * API to a `vigil serve --dev` on port 8080 so the session cookie stays same-origin.
 */
export default defineConfig({
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: {
      '/v1': { target: 'http://127.0.0.1:8080', changeOrigin: false },
    },
  },
});
