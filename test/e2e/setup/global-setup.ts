import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { build } from 'vite';
import { serveStatic, type StaticServer } from './static-server';

const ROOT = resolve(import.meta.dirname, '../../..');
export const E2E_DIST = resolve(ROOT, 'artifacts/e2e-dist');

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    distDir: string;
  }
}

let server: StaticServer | undefined;

/** Builds the app once and serves the build on a free localhost port for every browser test. */
export async function setup(project: TestProject): Promise<void> {
  await build({ root: ROOT, logLevel: 'warn', build: { outDir: E2E_DIST, emptyOutDir: true } });
  server = await serveStatic(E2E_DIST);
  project.provide('baseUrl', server.url);
  project.provide('distDir', E2E_DIST);
}

export async function teardown(): Promise<void> {
  await server?.close();
}
