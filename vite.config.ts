/**
 * The web app (src/web) is built by Vite into dist/web, which `corroborate serve` serves
 * beside the API. `npm run build` runs this after tsc; `npm run dev:web` serves the app with
 * hot reload and forwards /api to a `corroborate serve` on port 8080.
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'src/web',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // the map's boundaries are fetched as a file, never inlined into the script
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 600,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
