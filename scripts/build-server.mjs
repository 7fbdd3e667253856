/**
 * Builds the server into dist-server/main.js, so `npm start` runs plain JavaScript (no TypeScript
 * transpiler at run time). One bundle with server/src, @specboard/shared and the pure-JS packages inlined:
 * resolving and compiling hundreds of separate module files took about twice the start-up CPU (650 vs
 * 350 ms to healthy). Native addons (and the optional native helpers packages try to load) stay in
 * node_modules. Files that find their assets through `import.meta.url` (migrations, site.css) keep
 * finding them in the source tree: their `import.meta.url` is rewritten to the source file's URL.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('../', import.meta.url))
const outDir = `${root}dist-server`
const outfile = `${outDir}/main.js`
const NATIVE = ['better-sqlite3', 'bufferutil', 'utf-8-validate', 'pg-native']

/** Points `import.meta.url` of each source file at that file, wherever the bundle lives. */
const sourceRelativeAssets = {
  name: 'source-relative-assets',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8')
      if (!source.includes('import.meta.url')) return undefined
      const fromBundle = relative(outDir, args.path).split('\\').join('/')
      const url = `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`
      return { contents: source.replaceAll('import.meta.url', url), loader: 'ts' }
    })
  },
}

const started = performance.now()
// Chunks of earlier builds would pile up: their names carry a content hash.
for (const file of await readdir(outDir).catch(() => []))
  await rm(`${outDir}/${file}`, { recursive: true, force: true })
await build({
  entryPoints: [`${root}server/src/main.ts`],
  outdir: outDir,
  // What main.ts and the rest load with import() — PostgreSQL, Redis, Nodemailer, the OpenAPI document —
  // becomes a chunk of its own, read from disk only when first used: the embedded default never holds it.
  splitting: true,
  // Beside main.js: the source-relative asset URLs below are relative to this one directory.
  chunkNames: '[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  // One-byte source (no comments, whitespace, or raw non-ASCII that would make V8 hold the whole bundle as
  // UTF-16): the source string and its line table went from about 6 MiB of heap to 1 MiB.
  charset: 'ascii',
  legalComments: 'none',
  minifyWhitespace: true,
  minifySyntax: true,
  external: NATIVE,
  // Bundled CommonJS packages call require(); an ES module has none of its own.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
  plugins: [sourceRelativeAssets],
})
// esbuild leaves non-ASCII as it is in regular expressions and tagged templates (tiptap's input rules,
// the public pages' html``), and one such character makes V8 hold a whole file as UTF-16 (twice its size).
// A \uXXXX escape means the same there: html`` and every other tag here read the cooked strings.
for (const file of await readdir(outDir)) {
  if (!file.endsWith('.js')) continue
  const code = await readFile(`${outDir}/${file}`, 'utf8')
  const ascii = code.replace(
    /[^\0-\x7f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
  )
  if (ascii !== code) await writeFile(`${outDir}/${file}`, ascii)
}
console.log(`built ${relative(root, outfile)} in ${Math.round(performance.now() - started)} ms`)
