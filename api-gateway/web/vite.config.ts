/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The gateway serves the bundle at '/', so it uses absolute asset paths.
// In development `npm run dev` forwards /api to a locally running gateway.
export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    // Straight into the gateway's web root, which serves it (the gateway's build runs this).
    outDir: '../wwwroot',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:5080',
    },
  },
  test: {
    environment: 'jsdom',
    // The suite also runs inside the full test command beside .NET builds on two cores: allow for a slow turn.
    testTimeout: 20_000,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
