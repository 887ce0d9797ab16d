/** Jest transpiles with SWC (no type-checking: `npm run typecheck` does that once with tsc). */
const os = require('os');

module.exports = {
  // At least two workers, also on a 2-core machine (jest's default there is one): many suites wait on child
  // processes (cdktf synth, the CLI, npm and tsc in the install-into-an-app tests), so a second worker overlaps them.
  maxWorkers: Math.max(2, os.availableParallelism() - 1),
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/examples'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', 'cdktf.out'],
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
};
