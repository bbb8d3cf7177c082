import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../../dist/web', import.meta.url));

/** The phone page's JavaScript budget (gzipped): it loads on conference Wi-Fi. */
export const PHONE_JS_BUDGET = 120 * 1024;

/**
 * The phone page (join/phone.html → dist/web/join/phone.html) is a second entry that must not
 * load the directory. This plugin fails the build when the JavaScript it loads grows past the
 * budget, ships the phone's service worker at /phone-sw.js.
 */
function phonePage(): Plugin {
  const VIRTUAL = 'virtual:phone-i18n';
  return {
    name: 'mosaic-phone-page',
    // The phone's translations: only the `join`, `languages`, `sheets`, field-error and form keys,
    // so the phone does not share (and download) the whole interface's JSON with the main app.
    resolveId: (id) => (id === VIRTUAL ? `\0${VIRTUAL}` : undefined),
    load(id) {
      if (id !== `\0${VIRTUAL}`) return undefined;
      const pick = (lng: string) => {
        const file = new URL(`./i18n/${lng}.json`, import.meta.url);
        this.addWatchFile(fileURLToPath(file));
        const all = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
        // Field errors the phone shows come from the server's codes (errors.field / errors.format).
        const errors = all.errors as { field: unknown; format: unknown };
        // Forms of exploitation: the phone's route form in a mapping session lists them.
        const vocab = all.vocab as { form: unknown };
        return {
          join: all.join,
          languages: all.languages,
          sheets: all.sheets,
          errors: { field: errors.field, format: errors.format },
          vocab: { form: vocab.form },
        };
      };
      return `export default ${JSON.stringify({ en: pick('en'), th: pick('th') })};`;
    },
    generateBundle(_options, bundle) {
      this.emitFile({
        type: 'asset',
        fileName: 'phone-sw.js',
        source: readFileSync(new URL('./join/phone-sw.js', import.meta.url)),
      });
      const entry = Object.values(bundle).find(
        (c) => c.type === 'chunk' && c.isEntry && c.name === 'phone',
      );
      if (!entry || entry.type !== 'chunk') return this.error('the phone entry was not built');
      const seen = new Set<string>();
      const visit = (file: string) => {
        if (seen.has(file)) return;
        seen.add(file);
        const c = bundle[file];
        if (c?.type === 'chunk') c.imports.forEach(visit);
      };
      visit(entry.fileName);
      let total = 0;
      for (const f of seen) {
        const c = bundle[f];
        if (c?.type === 'chunk') total += gzipSync(c.code, { level: 9 }).length;
      }
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
      const line = `phone page JavaScript: ${kb(total)} gzipped in ${seen.size} file(s) (budget ${kb(PHONE_JS_BUDGET)})`;
      if (total > PHONE_JS_BUDGET) this.error(line);
      this.info(line);
    },
  };
}

/** The web app: `npm run build:web` writes dist/web, which the server serves (SPA fallback). */
export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react(), phonePage()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    // No source maps in the build: production must not hand out the original sources (issue 10).
    sourcemap: false,
    // the phone view must stay small: warn early when a chunk grows
    chunkSizeWarningLimit: 400,
    rolldownOptions: {
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        phone: fileURLToPath(new URL('./join/phone.html', import.meta.url)),
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false } },
  },
});
