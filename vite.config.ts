import { defineConfig } from 'vite';

// The web app lives in web/ and builds to dist/web, which the server serves statically.
// The dev server proxies /api to a locally running `npm start`.
export default defineConfig({
  root: 'web',
  publicDir: false,
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000', '/docs': 'http://127.0.0.1:3000' },
  },
});
