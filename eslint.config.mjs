import tseslint from 'typescript-eslint';

const pure = [
  'lib/catalog/**',
  'lib/access/**',
  'lib/sources/**',
  'lib/analysis/**',
  'lib/rules/**',
  'lib/review/**',
  'lib/doctor/**',
  'lib/cli/**',
  'lib/errors.ts',
  'lib/util/**',
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'dist-cdktn/**',
      'src/generated/**',
      '**/cdktf.out/**',
      'coverage/**',
      'scratch/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Plain CommonJS config and tool scripts.
    files: ['**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests poke at synthesized JSON.
    files: ['test/**', 'examples/**/__tests__/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The access model must stay free of cdktf/cdktn so the CLI and a CDK Terrain build can reuse it.
    files: pure,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(cdktf|cdktn|@cdktn/[^/]+)(/.*)?$',
              message: 'keep the access model free of cdktf/cdktn',
            },
            {
              group: ['**/constructs/**', '**/generated/provider/**'],
              message: 'keep the access model free of constructs and bindings',
            },
          ],
        },
      ],
    },
  },
);
