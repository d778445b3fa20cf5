/**
 * `npm run build`: src/cli/bin.ts bundled into dist/ (esbuild, split so each command loads only
 * its own modules). Packages stay external, loaded from node_modules at run time, except zod:
 * every command validates with it before anything else, and as some 130 separate ES modules it
 * took ~40 ms of each start to resolve and load; bundled, ~20 ms (issue 10's batch target
 * counts the whole process). Sources import zod as a namespace (`import * as z`), so esbuild keeps
 * only what they use: `import { z }` kept the whole namespace object, zod's 60-odd locales with it
 * (the chunk was 790 KB, now 290 KB; start-up about 15 ms less).
 */
import { rmSync } from "node:fs";
import { build } from "esbuild";

const BUNDLED = new Set(["zod"]);

/** The package a bare import names: "zod/v4" → "zod", "@slack/bolt/x" → "@slack/bolt". */
const packageOf = (path) =>
  path
    .split("/")
    .slice(0, path.startsWith("@") ? 2 : 1)
    .join("/");

const externalPackages = {
  name: "external-packages",
  setup(context) {
    // Bare specifiers only (not ./ or /): node: built-ins and every package but BUNDLED.
    context.onResolve({ filter: /^[^./]/ }, (args) =>
      BUNDLED.has(packageOf(args.path)) ? undefined : { path: args.path, external: true },
    );
  },
};

rmSync("dist", { recursive: true, force: true });
await build({
  entryPoints: ["src/cli/bin.ts"],
  bundle: true,
  splitting: true,
  platform: "node",
  format: "esm",
  target: "node20",
  outdir: "dist",
  entryNames: "advisor",
  chunkNames: "chunks/[name]-[hash]",
  outExtension: { ".js": ".mjs" },
  plugins: [externalPackages],
  logLevel: "warning",
});
