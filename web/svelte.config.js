import adapter from '@sveltejs/adapter-static';

/** Paths are relative to web/: vite.config.ts makes web/ the working directory before SvelteKit loads. */
/** @type {import('@sveltejs/kit').Config} */
const config = {
	kit: {
		adapter: adapter({ pages: 'build', assets: 'build', fallback: 'index.html' }),
		alias: { $domain: '../server/src/domain' }
	}
};

export default config;
