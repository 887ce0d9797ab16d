// Jest setup: loaded before every test file (jest.config.js setupFilesAfterEnv).
process.env.CHECKPOINT_DISABLE = '1';
import '../lib/testing/jest';
