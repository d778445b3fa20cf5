/**
 * Versions of the policy documents. Each data file names its version, issue date, status and the
 * version it replaces (schema.ts); an older version is kept as a data file under
 * `policies/history/` so that what a user was told can be compared with what holds now.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { delimiter, dirname, join, resolve } from "node:path";
import { PolicyDataError } from "../policy/errors.ts";
import {
  defaultDataDir,
  EXTRA_POLICIES_ENV,
  loadPolicySet,
  type PolicySet,
  parseDataFile,
} from "../policy/load.ts";
import { type DocumentStatus, PolicyDocument } from "../policy/schema.ts";

/** ADVISOR_EXTRA_POLICIES names extra documents (folders or files, separated as PATH is) loaded
 * beside `data/policies` by the same loader; a folder's older versions are in its `history/`. */
export { EXTRA_POLICIES_ENV };

/** Policy id → version, of every document in the set: what a triage was evaluated against. */
export function documentVersions(set: PolicySet): Record<string, string> {
  return Object.fromEntries(set.documents.map((d) => [d.id, d.version]));
}

/** The current documents: `data/` plus the extra directory the environment names, if any. */
export function loadCurrentSet(env: NodeJS.ProcessEnv, dataDir = defaultDataDir()): PolicySet {
  // The command's own environment, not the process's, so a test can run it in-process.
  return loadPolicySet(
    dataDir,
    extraEntries(env).map((entry) => entry.path),
  );
}

/** A version of a document as kept: enough to say what it was (status), and loadable in full. */
export interface KeptVersion {
  id: string;
  version: string;
  status: DocumentStatus;
  file: string;
  document: PolicyDocument;
}

/** Every version there is, current and kept, by `id@version`. A history file must be a valid
 * document whose version differs from the current one's, so comparisons never mix two texts
 * under one label. */
export function loadVersions(
  set: PolicySet,
  env: NodeJS.ProcessEnv,
  dataDir = defaultDataDir(),
): Map<string, KeptVersion> {
  const versions = new Map<string, KeptVersion>();
  for (const document of set.documents) {
    versions.set(versionKey(document.id, document.version), {
      id: document.id,
      version: document.version,
      status: document.status,
      file: "(current)",
      document,
    });
  }
  const historyDirs = [
    join(dataDir, "policies", "history"),
    ...extraEntries(env)
      .filter((entry) => entry.isFolder)
      .map((entry) => join(entry.path, "history")),
  ];
  for (const file of historyDirs.flatMap(jsonFiles)) {
    const document = parseDataFile(file, PolicyDocument);
    if (!existsSync(resolve(dirname(file), document.sourceFile)))
      throw new PolicyDataError(file, "sourceFile", `names ${document.sourceFile}, which does not exist`);
    const key = versionKey(document.id, document.version);
    const known = versions.get(key);
    if (known)
      throw new PolicyDataError(
        file,
        "version",
        `${key} is also ${known.file}; give each kept version its own version label`,
      );
    versions.set(key, {
      id: document.id,
      version: document.version,
      status: document.status,
      file,
      document,
    });
  }
  return versions;
}

export const versionKey = (id: string, version: string) => `${id}@${version}`;

function extraEntries(env: NodeJS.ProcessEnv): { path: string; isFolder: boolean }[] {
  const value = env[EXTRA_POLICIES_ENV]?.trim();
  if (!value) return [];
  return value
    .split(delimiter)
    .filter(Boolean)
    .map((entry) => {
      const path = resolve(entry);
      if (!existsSync(path))
        throw new PolicyDataError(entry, EXTRA_POLICIES_ENV, "names a folder or file that does not exist");
      return { path, isFolder: statSync(path).isDirectory() };
    });
}

function jsonFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => join(dir, name));
}
