import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve(here, '../../dist/web');
const apiTarget = process.env.API_URL ?? 'http://localhost:3000';

/** What a first visit downloads: the entry chunk, its static imports and their CSS, gzipped. */
function initialBundleSize(): Plugin {
  return {
    name: 'lcc-initial-bundle-size',
    apply: 'build',
    generateBundle(_options, bundle) {
      const entry = Object.values(bundle).find((item) => item.type === 'chunk' && item.isEntry);
      if (!entry || entry.type !== 'chunk') return;
      const files = new Set<string>();
      const visit = (fileName: string) => {
        const item = bundle[fileName];
        if (!item || item.type !== 'chunk' || files.has(fileName)) return;
        files.add(fileName);
        for (const css of item.viteMetadata?.importedCss ?? []) files.add(css);
        item.imports.forEach(visit);
      };
      visit(entry.fileName);
      let js = 0;
      let css = 0;
      for (const fileName of files) {
        const item = bundle[fileName];
        const source = item.type === 'chunk' ? item.code : item.source;
        const gzipped = gzipSync(typeof source === 'string' ? source : Buffer.from(source)).length;
        if (fileName.endsWith('.css')) css += gzipped;
        else js += gzipped;
      }
      const report = { files: [...files].sort(), jsGzipBytes: js, cssGzipBytes: css, totalGzipBytes: js + css };
      this.emitFile({ type: 'asset', fileName: 'bundle-size.json', source: JSON.stringify(report, null, 2) });
      const kb = (bytes: number) => (bytes / 1024).toFixed(1);
      console.log(`initial JS+CSS ${kb(js + css)} KB gzipped (JS ${kb(js)} KB, CSS ${kb(css)} KB; budget 150 KB)`);
    },
  };
}

export default defineConfig({
  root: here,
  base: '/',
  resolve: { alias: { '@lcc/contracts': path.resolve(here, '../../libs/contracts/src/index.ts') } },
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      // react-router marks its modules "use client" for server components; a browser bundle has no use for it.
      onLog(level, log, handler) {
        if (log.code !== 'MODULE_LEVEL_DIRECTIVE') handler(level, log);
      },
    },
  },
  plugins: [initialBundleSize()],
  server: {
    proxy: {
      '/api': apiTarget,
      '/socket.io': { target: apiTarget, ws: true },
    },
  },
});
