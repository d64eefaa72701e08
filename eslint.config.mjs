import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      '.next/**',
      '.next-*/**',
      '.scratch*/**',
      'node_modules/**',
      'data/**',
      'artifacts/**',
      'db/migrations/**',
      'next-env.d.ts',
    ],
  },
  {
    rules: {
      // A leading underscore marks a deliberately unused binding (destructuring a column out of a row).
      '@typescript-eslint/no-unused-vars': [
        'warn',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // For the pages/ router; this app has none, and app/not-found.tsx (outside any locale) needs plain links.
      '@next/next/no-html-link-for-pages': 'off',
    },
  },
  {
    // next.config.js is CommonJS, as Next loads it.
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];

export default config;
