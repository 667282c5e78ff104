import adapter from '@sveltejs/adapter-static';

/** Paths are relative to web/: vite.config.ts makes web/ the working directory before SvelteKit loads. */
/** @type {import('@sveltejs/kit').Config} */
const config = {
  kit: {
    adapter: adapter({ pages: 'build', assets: 'build', fallback: 'index.html' }),
    alias: {
      $domain: '../server/src/domain',
      /** Types only (`import type`): the API's request and response types, from the server's schemas. */
      $api: '../server/src/http/api-types.ts',
    },
  },
};

export default config;
