import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'infra/node_modules/**', 'apps/web/node_modules/**', 'apps/web/dist/**', 'coverage/**', '.data/**', '**/*.js', '**/*.mjs', 'libs/client/src/api-schema.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { project: false } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    // The client runs in browsers too: nothing of Nest, class-validator or the server's libs.
    files: ['libs/client/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['@nestjs/*', 'class-validator', 'class-transformer', '@finstack/*', 'typeorm', 'reflect-metadata'] },
      ],
    },
  },
);
