import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/*
 * `npm run build:web` runs vite from the repo root with `--config web/vite.config.ts`. SvelteKit resolves
 * svelte.config.js, src/, .svelte-kit/ and build/ against the working directory, in this process and in
 * its post-build worker, so web/ becomes the working directory before SvelteKit is loaded.
 */
const webDir = path.dirname(fileURLToPath(import.meta.url));
// The post-build worker already runs in web/ (and may not chdir): only the first load moves.
if (process.cwd() !== webDir) process.chdir(webDir);
const { sveltekit } = await import('@sveltejs/kit/vite');

export default defineConfig({
  plugins: [sveltekit()],
  ssr: { noExternal: ['cookie'] },
  // The plugin-timing report is noise on every `npm start` that rebuilds.
  build: { rolldownOptions: { checks: { pluginTimings: false } } },
  server: {
    // $domain lives in ../server/src/domain, outside web/.
    fs: { allow: [fileURLToPath(new URL('../server/src/domain', import.meta.url))] },
    proxy: { '/api': process.env.API_ORIGIN ?? 'http://127.0.0.1:3000' },
  },
});
