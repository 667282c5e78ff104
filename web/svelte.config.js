import adapter from '@sveltejs/adapter-static';
import { fileURLToPath } from 'node:url';

/** Kit resolves relative paths against the working directory, which is the repo root: anchor them to web/. */
const fromWeb = (relative) => fileURLToPath(new URL(relative, import.meta.url));

/** @type {import('@sveltejs/kit').Config} */
const config = {
	kit: {
		adapter: adapter({ pages: fromWeb('build'), assets: fromWeb('build'), fallback: 'index.html' }),
		outDir: fromWeb('.svelte-kit'),
		files: { src: fromWeb('src'), assets: fromWeb('static') },
		alias: { $domain: fromWeb('../server/src/domain') }
	}
};

export default config;
