/**
 * `triage --batch --json` lines (CONTRACT.md section 3) written as UTF-8 bytes: the same bytes as
 * `JSON.stringify({ ...identity, ...toContractJson(…) })` and a newline (test/render/contract-line
 * .test.ts holds the two together on varied batches), without building the object, the JSON
 * string or its UTF-8 copy. What depends only on the benefit (policy, article, id, title, quote,
 * a near miss's ceiling) or the district (caveats) is encoded once and copied; only the figures,
 * the worked explanations and the reasons are encoded per profile. In a 10,000-line batch most
 * of the 27 MB out is those repeated parts. An evaluation with the rarer parts (benefits excluded
 * by a rule across benefits, adjustments, validity notices) is written from toContractJson itself.
 */
import type { PolicySet } from "../policy/load.ts";
import type { BenefitOutcome, Evaluation, WhatIf } from "../policy/outcome.ts";
import type { Lang } from "../policy/schema.ts";
import { reasonText, words } from "./explain.ts";
import { amountText, caveats, toContractJson } from "./report.ts";

/** Bytes handed on at a time; each chunk is a fresh buffer, so the sink may keep it. */
const CHUNK_BYTES = 1 << 20;

/** Characters JSON.stringify would escape (quote, backslash, controls, any surrogate half). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what JSON escapes
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

export interface ContractLineWriter {
  /** One profile's line. */
  line(identity: { id?: string; name?: string }, evaluation: Evaluation, district: string): void;
  /** Any other JSON value as a line (a bad line's `{"line": N, "error": …}`). */
  json(value: unknown): void;
  /** Hands on what is left. */
  end(): void;
}

export function contractLineWriter(
  set: PolicySet,
  lang: Lang,
  sink: (chunk: Buffer) => void,
): ContractLineWriter {
  const w = words(set, lang);
  let buf = Buffer.allocUnsafe(CHUNK_BYTES);
  let pos = 0;

  /** Text not yet encoded: the short pieces between two fixed parts are encoded in one call. */
  let pending = "";

  const flush = () => {
    if (pos) sink(buf.subarray(0, pos));
    buf = Buffer.allocUnsafe(CHUNK_BYTES);
    pos = 0;
  };
  /** Encodes the pending text (at most three bytes a UTF-16 unit). */
  const drain = () => {
    if (!pending) return;
    const s = pending;
    pending = "";
    if (pos + s.length * 3 > buf.length) flush();
    if (s.length * 3 > buf.length) return sink(utf8(s));
    pos += buf.write(s, pos, "utf8");
  };
  const bytes = (b: Buffer) => {
    drain();
    if (pos + b.length > buf.length) flush();
    if (b.length > buf.length) return sink(b);
    buf.set(b, pos);
    pos += b.length;
  };
  /** JSON text as it is. */
  const text = (s: string) => {
    pending += s;
  };
  const string = (s: string) => text(jsonString(s));

  /** Per benefit, found by its title (the same string object every time, so its hash is kept). */
  const benefits = new Map<string, Fixed>();
  const quotes = new Map<string, Buffer>();
  const caveatBytes = new Map<string, Buffer>();
  const fixedOf = (o: BenefitOutcome): Fixed => {
    const known = benefits.get(o.title);
    if (known && known.policy === o.policy && known.article === o.article && known.benefit === o.benefit)
      return known;
    const made: Fixed = {
      policy: o.policy,
      article: o.article,
      benefit: o.benefit,
      head: utf8(
        `{"policy":${JSON.stringify(o.policy)},"article":${JSON.stringify(o.article)},"benefit":${JSON.stringify(o.benefit)},"title":${JSON.stringify(o.title)},`,
      ),
      ceilings: new Map(),
    };
    if (!known) benefits.set(o.title, made);
    return made;
  };
  /** Not granted: the clause's ceiling, the same sentence every time. */
  const ceiling = (o: BenefitOutcome, f: Fixed): Buffer => {
    let b = f.ceilings.get(o.amount.monetary);
    if (b === undefined) {
      b = utf8(JSON.stringify(amountText(o, set, w)));
      f.ceilings.set(o.amount.monetary, b);
    }
    return b;
  };
  const quote = (q: string): Buffer => {
    let b = quotes.get(q);
    if (b === undefined) {
      b = utf8(`},"quote":${JSON.stringify(q)}`);
      quotes.set(q, b);
    }
    return b;
  };
  const caveatsOf = (district: string): Buffer => {
    let b = caveatBytes.get(district);
    if (b === undefined) {
      b = utf8(`,"caveats":${JSON.stringify(caveats(set, district, lang))}}\n`);
      caveatBytes.set(district, b);
    }
    return b;
  };

  /** An entry's JSON, written to `out` (the line, or a capture of an entry shared by lines). */
  const item = (o: BenefitOutcome, withReason: boolean, out: Parts) => {
    const a = o.amount;
    const f = fixedOf(o);
    out.bytes(f.head);
    out.text(
      `"amount":{"max":${num(a.max)},"totalMax":${num(a.totalMax)},"monetary":${a.monetary},"period":${name(a.period)},"explanation":`,
    );
    if (o.status === "match") out.string(amountText(o, set, w));
    else out.bytes(ceiling(o, f));
    out.bytes(quote(o.quote));
    if (o.whatIf) out.text(`,"whatIf":${whatIfJson(o.whatIf)}`);
    if (withReason) {
      out.text(`,"reason":`);
      out.string(o.reason ? reasonText(o.reason, w) : "");
    }
    out.text("}");
  };
  const possible = (o: BenefitOutcome, _withReason: boolean, out: Parts) => {
    out.bytes(fixedOf(o).head);
    let rest = `"upTo":${num(o.upTo ?? null)},"unknown":${names(o.decidingFacts)}`;
    if (o.whatIf) rest += `,"whatIf":${whatIfJson(o.whatIf)}`;
    out.text(`${rest}}`);
  };
  /** A frozen outcome is one evaluate shares between profiles (policy/memo.ts): its entry is
   * encoded the first time and copied after. */
  const shared = new Map<BenefitOutcome, Buffer>();
  const line: Parts = { text, string, bytes };
  const entry = (each: Entry, withReason: boolean) => (o: BenefitOutcome) => {
    if (!Object.isFrozen(o)) return each(o, withReason, line);
    let b = shared.get(o);
    if (b === undefined) {
      b = capture((out) => each(o, withReason, out));
      shared.set(o, b);
    }
    bytes(b);
  };
  const matchEntry = entry(item, false);
  const nearEntry = entry(item, true);
  const possibleEntry = entry(possible, false);
  const list = (name: string, outcomes: BenefitOutcome[], each: (o: BenefitOutcome) => void) => {
    text(`${name}[`);
    for (let i = 0; i < outcomes.length; i++) {
      if (i) text(",");
      each(outcomes[i] as BenefitOutcome);
    }
    text("]");
  };

  return {
    line(identity, e, district) {
      // The rarer parts (rules across benefits, validity notices) go the reference way.
      if (e.excluded || e.adjustments || e.notices) {
        text(`${JSON.stringify({ ...identity, ...toContractJson(e, set, district, lang) })}\n`);
        return;
      }
      text("{");
      if (identity.id !== undefined) {
        text(`"id":`);
        string(identity.id);
        text(",");
      }
      if (identity.name !== undefined) {
        text(`"name":`);
        string(identity.name);
        text(",");
      }
      list(`"matches":`, e.matches, matchEntry);
      list(`,"nearMisses":`, e.nearMisses, nearEntry);
      list(`,"possible":`, e.possible, possibleEntry);
      text(`,"totals":{"max":${num(e.totals.max)}}`);
      bytes(caveatsOf(district));
    },
    json(value) {
      text(`${JSON.stringify(value)}\n`);
    },
    end() {
      drain();
      flush();
    },
  };
}

/** Where an entry is written: JSON text as it is, a string value, or bytes already encoded. */
interface Parts {
  text(s: string): void;
  string(s: string): void;
  bytes(b: Buffer): void;
}

type Entry = (o: BenefitOutcome, withReason: boolean, out: Parts) => void;

/** What `write` puts into Parts, as one buffer. */
function capture(write: (out: Parts) => void): Buffer {
  const chunks: Buffer[] = [];
  let pending = "";
  const out: Parts = {
    text: (s) => {
      pending += s;
    },
    string: (s) => out.text(jsonString(s)),
    bytes: (b) => {
      if (pending) chunks.push(utf8(pending));
      pending = "";
      chunks.push(b);
    },
  };
  write(out);
  if (pending) chunks.push(utf8(pending));
  return Buffer.concat(chunks);
}

/** A string value, quoted and escaped as JSON.stringify does. */
const jsonString = (s: string) => (NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`);

interface Fixed {
  policy: string;
  article: number;
  benefit: string;
  /** `{"policy":…,"article":…,"benefit":…,"title":…,` */
  head: Buffer;
  /** A near miss's explanation, by whether the clause pays money. */
  ceilings: Map<boolean, Buffer>;
}

const utf8 = (s: string) => Buffer.from(s, "utf8");

/** Names from the data (fact paths, periods) as JSON strings: a few dozen, written 100,000 times. */
const quoted = new Map<string, string>();
function name(s: string): string {
  let json = quoted.get(s);
  if (json === undefined) {
    json = JSON.stringify(s);
    quoted.set(s, json);
  }
  return json;
}

/** A list of fact paths as JSON.stringify writes it. */
function names(list: string[]): string {
  if (list.length === 0) return "[]";
  let out = `[${name(list[0] as string)}`;
  for (let i = 1; i < list.length; i++) out += `,${name(list[i] as string)}`;
  return `${out}]`;
}

/** A what-if as JSON.stringify writes `{ fact, value, adds }` (the one shape evaluate builds);
 * a value of another type than a number or yes goes through JSON.stringify itself. */
function whatIfJson(w: WhatIf): string {
  const v = w.value;
  const value = typeof v === "number" ? num(v) : typeof v === "boolean" ? `${v}` : JSON.stringify(v);
  return `{"fact":${name(w.fact)},"value":${value},"adds":${num(w.adds)}}`;
}

/** A JSON number (or null), as JSON.stringify writes it. */
function num(n: number | null): string {
  return n === null || !Number.isFinite(n) ? "null" : `${n}`;
}
