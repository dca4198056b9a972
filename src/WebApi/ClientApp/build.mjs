// Bundles the dashboard into ../wwwroot: one script, one stylesheet, one page; nothing is fetched from a CDN.
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';

const out = new URL('../wwwroot/', import.meta.url);
await mkdir(out, { recursive: true });
await build({
  entryPoints: ['src/app.js', 'src/app.css'],
  bundle: true,
  minify: true,
  sourcemap: false,
  format: 'esm',
  target: ['es2022'],
  outdir: out.pathname,
  logLevel: 'warning',
});
for (const file of ['index.html', 'favicon.svg']) {
  await copyFile(new URL(`src/${file}`, import.meta.url), new URL(file, out));
}
