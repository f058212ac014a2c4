// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.tools/**', '.stack/**', 'coverage/**'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...[
              'mongoose',
              'mongodb',
              'ioredis',
              'amqplib',
              'ldapts',
              '@opensearch-project/opensearch',
              'nodemailer',
            ].map((name) => ({ name, message: 'Drivers are used only inside libs/ adapters.' })),
            {
              name: 'ical.js',
              message: 'iCalendar is read through @app/ical (libs/ical), which also re-exports ICAL.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['libs/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
