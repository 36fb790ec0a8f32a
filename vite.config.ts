import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * The dev server (not the build) needs two things the strict policy in index.html forbids: the inline
 * React-refresh preamble and the HMR websocket. Relax the policy for `vite serve` only.
 */
function devServerCsp(): Plugin {
  return {
    name: 'sendpath-dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws://127.0.0.1:* ws://localhost:*");
    },
  };
}

// `base: './'` keeps every asset URL relative, so the build works from any static host under any sub-path.
export default defineConfig({
  base: './',
  plugins: [react(), devServerCsp()],
  build: { outDir: 'dist', sourcemap: false, target: 'es2022' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/setup/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
