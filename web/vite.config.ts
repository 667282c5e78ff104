import { sveltekit } from '@sveltejs/kit/vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import svelteConfig from './svelte.config.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * Run from the repo root: `vite build --config web/vite.config.ts`.
 * The kit options are passed to the plugin directly because kit looks for svelte.config.js in the working directory.
 */
export default defineConfig({
	plugins: [sveltekit(svelteConfig.kit)],
	ssr: { noExternal: ['cookie'] },
	server: {
		fs: { allow: [repoRoot] },
		proxy: { '/api': process.env.API_ORIGIN ?? 'http://127.0.0.1:3000' }
	}
});
