/**
 * Jest projects:
 *  - node:    pure engine, functions, gateway and tooling tests (fast, no DOM)
 *  - jsdom:   React task-pane and demo-host component tests
 *  - dist:    tests of the built bundle (metadata, sandboxed functions.js, browser tests);
 *             a global setup builds dist/ once per run.
 */
const tsJest = [
  'ts-jest',
  {
    isolatedModules: true,
    tsconfig: { module: 'CommonJS', moduleResolution: 'Node10', jsx: 'react-jsx', esModuleInterop: true, resolveJsonModule: true },
  },
];
const common = {
  transform: { '^.+\\.(ts|tsx)$': tsJest },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  // office-addin-mock pulls office-addin-manifest, whose dependencies are ESM-only; tests never need it.
  moduleNameMapper: { '^office-addin-manifest$': '<rootDir>/test/support/office-addin-manifest-stub.js' },
};
module.exports = {
  projects: [
    {
      ...common,
      displayName: 'node',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '\\.dist\\.test\\.ts$', '<rootDir>/test/bench/'],
    },
    {
      ...common,
      displayName: 'jsdom',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/**/*.test.tsx'],
      setupFilesAfterEnv: ['<rootDir>/test/support/jsdom-setup.ts'],
    },
    {
      ...common,
      displayName: 'dist',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/**/*.dist.test.ts'],
      globalSetup: '<rootDir>/test/support/build-dist.js',
    },
  ],
};
