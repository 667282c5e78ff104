// One lint set-up for the whole repository: typescript-eslint's recommended type-checked rules everywhere,
// with floating promises an error (an unawaited write can fail silently), plus Svelte's rules for web/.
import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './web/svelte.config.js';

export default ts.config(
  {
    ignores: ['**/node_modules/', 'web/build/', 'web/.svelte-kit/', 'test-output/', 'data/', '**/*.js', '!eslint.config.js'],
  },
  js.configs.recommended,
  ...ts.configs.recommendedTypeChecked,
  ...svelte.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // The app is served at the root (no paths.base), so plain hrefs and goto() paths are already what resolve() gives.
      'svelte/no-navigation-without-resolve': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, svelteConfig } },
    rules: {
      // Svelte 5 trims whitespace at the edges of {#if}/{#each} blocks; {' · '} is how a separator keeps its spaces.
      'svelte/no-useless-mustaches': 'off',
    },
  },
  {
    // typescript-eslint sees an imported .svelte component as `any`, so every callback prop and bound instance of a
    // child component reads as unsafe. svelte-check (npm run check:web) types those with the components' real props.
    files: ['**/*.svelte'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Tests read loose JSON responses on purpose (`res.json().items[0].name`); tsc still checks them.
    // Their fakes implement async interfaces without awaiting anything.
    files: ['tests/**/*.ts'],
    rules: {
      '@typescript-eslint/require-await': 'off',
      // `res.json() as { items: Json[] }` reads better in a test than a type argument.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // Kysely's own advice: migrations see the database as it was then, not as db/types.ts says it is now.
    // Landed migrations are never edited, so style-only rules do not apply to them.
    files: ['migrations/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-unnecessary-type-assertion': 'off' },
  },
  {
    // Fastify plugins are async functions by contract, with or without an await inside.
    // The same holds for plugin files and for async interfaces kept async so a later version can await.
    files: [
      'server/src/**/*.routes.ts',
      'server/src/plugins/**/*.ts',
      'server/src/app.ts',
      'server/src/db/migrate.ts',
      'server/src/modules/imports/import-slots.ts',
    ],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  {
    files: ['eslint.config.js'],
    ...ts.configs.disableTypeChecked,
  },
);
