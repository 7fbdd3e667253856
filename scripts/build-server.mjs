/**
 * Builds the server into dist-server/main.js, so `npm start` runs plain JavaScript (no TypeScript
 * transpiler at run time). One bundle with server/src, @specboard/shared and the pure-JS packages inlined:
 * resolving and compiling hundreds of separate module files took about twice the start-up CPU (650 vs
 * 350 ms to healthy). Native addons (and the optional native helpers packages try to load) stay in
 * node_modules. Files that find their assets through `import.meta.url` (migrations, site.css) keep
 * finding them in the source tree: their `import.meta.url` is rewritten to the source file's URL.
 */
import { readFile } from 'node:fs/promises'
import { dirname, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('../', import.meta.url))
const outfile = `${root}dist-server/main.js`
const outDir = dirname(outfile)
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
await build({
  entryPoints: [`${root}server/src/main.ts`],
  outfile,
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
console.log(`built ${relative(root, outfile)} in ${Math.round(performance.now() - started)} ms`)
