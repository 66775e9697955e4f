// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/generated/**', '**/*.generated.ts', '.data/**', '**/dist/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // Root-level config files belong to no package's tsconfig.
        projectService: {
          allowDefaultProject: ['*.ts', 'prisma/*.ts'],
          defaultProject: 'tsconfig.tools.json',
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Interfaces we implement (Apollo plugins, health checks) expect promises from hooks that
      // have nothing to await; making them async is the clearest way to honour the contract.
      '@typescript-eslint/require-await': 'off',
      'no-console': 'error',
    },
  },
  {
    // The engine core is pure: no I/O, threads or timers, so tests and benchmarks drive it directly.
    files: ['engine/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'worker_threads', 'fs', 'net', 'http'],
              message: 'engine/src/core is pure: no Node modules.',
            },
          ],
        },
      ],
    },
  },
  {
    // Scripts that talk to a terminal may print.
    files: ['**/bench/**/*.ts', 'infra/**/*.ts', '**/scripts/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    // Plain-JavaScript scripts run on Node: its globals exist.
    languageOptions: { globals: { process: 'readonly', performance: 'readonly', console: 'readonly' } },
  },
);
