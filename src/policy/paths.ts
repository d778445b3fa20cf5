/** Dotted fact paths (`infrastructure.fixedAssetInvestment`) into nested profile objects. */

const cache = new Map<string, string[]>();

/** Splits a path once; evaluation reads the same few dozen paths millions of times in a batch. */
export function splitPath(path: string): string[] {
  let parts = cache.get(path);
  if (!parts) {
    parts = path.split(".");
    cache.set(path, parts);
  }
  return parts;
}

export function getPath(root: unknown, path: string): unknown {
  let node = root;
  for (const part of splitPath(path)) node = (node as Record<string, unknown> | undefined)?.[part];
  return node;
}

/** getPath on parts already split: undefined as soon as a step is missing. For the hot paths
 * (evaluation, the batch memo), which split each declared fact's path once. */
export function readParts(root: unknown, parts: string[]): unknown {
  let node = root;
  for (const part of parts) {
    if (node === undefined || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** Sets a value, creating the objects on the way. */
export function setPath(root: Record<string, unknown>, path: string, value: unknown): void {
  const parts = splitPath(path);
  let node = root;
  for (const part of parts.slice(0, -1)) {
    node[part] ??= {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1] as string] = value;
}
