// A single-page app: the server sends index.html for every non-API path and the browser renders everything.
export const ssr = false;
export const prerender = false;
