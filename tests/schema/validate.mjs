// Validates the JSON documents twitchcheck reads and writes against docs/schemas/ (JSON
// Schema 2020-12, with ajv): the program is run on real inputs (every public and dev2
// vignette, texts it cannot read, scripted interviews, context lines, a temporary diary),
// each output is checked against its schema, and a few deliberately broken documents must
// be refused (so the schemas are not vacuous). Exit 0 when all hold, 1 otherwise.
//
// usage: node tests/schema/validate.mjs TWITCHCHECK [--source DIR] [--shared DIR] [--verbose]
//   DIR defaults: --source the repository (two folders up from this file), --shared
//   SOURCE/../shared. Run by CTest as `schema_validation` (CMakeLists.txt).
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const started = Date.now();

// ---- arguments ------------------------------------------------------------------------
const argv = process.argv.slice(2);
let binary = null, sourceDir = resolve(here, "..", ".."), sharedDir = null, verbose = false;
for (let i = 0; i < argv.length; ++i) {
  if (argv[i] === "--source") sourceDir = resolve(argv[++i]);
  else if (argv[i] === "--shared") sharedDir = resolve(argv[++i]);
  else if (argv[i] === "--verbose") verbose = true;
  else if (!binary) binary = resolve(argv[i]);
  else die(`unknown argument '${argv[i]}'`);
}
if (!binary) die("usage: node tests/schema/validate.mjs TWITCHCHECK [--source DIR] [--shared DIR]");
if (!existsSync(binary)) die(`no program at ${binary}`);
sharedDir ??= resolve(sourceDir, "..", "shared");

function die(msg) {
  console.error(`schema validation: ${msg}`);
  process.exit(1);
}

// ---- ajv (installed by scripts/install-deps: npm ci in tests/schema) -------------------
if (!existsSync(join(here, "node_modules", "ajv")) || !existsSync(join(here, "node_modules", "ajv-formats")))
  die(`${join(here, "node_modules")} lacks ajv and ajv-formats: run scripts/install-deps ` +
      `(or: npm ci --prefix tests/schema). This test does not skip without them.`);
const { default: Ajv2020 } = await import("ajv/dist/2020.js");
const { default: addFormats } = await import("ajv-formats");

const ajv = new Ajv2020({ strict: true, strictRequired: false, allowUnionTypes: true, allErrors: true });
addFormats(ajv);
const schemaDir = join(sourceDir, "docs", "schemas");
const schemaFiles = readdirSync(schemaDir).filter((f) => f.endsWith(".schema.json")).sort();
const base = "https://twitchcheck.invalid/schemas/";
for (const f of schemaFiles) {
  const s = JSON.parse(readFileSync(join(schemaDir, f), "utf8"));
  if (s.$id !== base + f) die(`${f}: $id must be ${base + f}`);
  if (!s.title || !s.description) die(`${f}: needs a title and a description`);
  if (s.$schema !== "https://json-schema.org/draft/2020-12/schema") die(`${f}: must be draft 2020-12`);
  ajv.addSchema(s);
}
const validators = {};
for (const f of schemaFiles) {
  try {
    validators[f.replace(".schema.json", "")] = ajv.getSchema(base + f);
  } catch (e) {
    die(`${f} does not compile: ${e.message}`);
  }
}

// ---- bookkeeping ------------------------------------------------------------------------
const counts = {};   // schema name -> documents validated
const failures = [];
function fail(what, why) {
  failures.push(`${what}: ${why}`);
}
function check(schema, doc, what) {
  const v = validators[schema];
  if (!v) throw new Error(`no schema ${schema}`);
  counts[schema] = (counts[schema] ?? 0) + 1;
  if (!v(doc)) {
    fail(`${what} [${schema}]`, ajv.errorsText(v.errors, { separator: "\n    " }));
    return false;
  }
  return true;
}
function parseJson(text, what) {
  try {
    return JSON.parse(text);
  } catch (e) {
    fail(what, `output is not JSON (${e.message}): ${text.slice(0, 200)}`);
    return undefined;
  }
}

// Runs the program; resolves {code, stdout, stderr}. At most `jobs` at once.
const jobs = Math.max(2, Math.min(16, cpus().length));
let running = 0;
const waiting = [];
function run(args, input = null) {
  return new Promise((resolveRun) => {
    const start = () => {
      ++running;
      const child = spawn(binary, args, { stdio: ["pipe", "pipe", "pipe"] });
      const out = [], err = [];
      child.stdout.on("data", (d) => out.push(d));
      child.stderr.on("data", (d) => err.push(d));
      child.on("close", (code) => {
        --running;
        if (waiting.length) waiting.shift()();
        resolveRun({ code, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") });
      });
      child.stdin.on("error", () => {});
      child.stdin.end(input ?? undefined);
    };
    if (running < jobs) start();
    else waiting.push(start);
  });
}

function readJsonl(path) {
  if (!existsSync(path)) die(`missing ${path}`);
  return readFileSync(path, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
}

// The shared evaluation data sits beside the checkout when there is one; without it the
// project's own cases stand in (a checkout on its own must still test every document).
function sharedOr(shared, own) {
  if (existsSync(shared)) return shared;
  console.log(`note: ${shared} is not there; using ${own}`);
  return own;
}

// Checks JSON Schema cannot express: sorted conditions, span = spans[0], spans inside the text.
function checkAssessment(doc, text, what) {
  const ps = doc.conditions.map((c) => c.probability);
  for (let i = 1; i < ps.length; ++i)
    if (ps[i] > ps[i - 1]) fail(what, `conditions not sorted by probability: ${ps.join(", ")}`);
  checkEvidenceSpans(doc.evidence, text, what);
}
function checkEvidenceSpans(evidence, text, what) {
  const bytes = text === null ? Infinity : Buffer.byteLength(text, "utf8");
  for (const e of evidence) {
    if (e.span === null) continue;
    if (JSON.stringify(e.span) !== JSON.stringify(e.spans[0])) fail(what, `${e.id}: span is not spans[0]`);
    for (const [b, end] of e.spans)
      if (b > end || end > bytes) fail(what, `${e.id}: span [${b}, ${end}] outside the text (${bytes} bytes)`);
  }
}

// ---- assess --json and parse --json on every vignette ---------------------------------
async function vignettes() {
  const cases = [
    ...readJsonl(sharedOr(join(sharedDir, "vignettes", "public.jsonl"),
                          join(sourceDir, "tests", "data", "vignettes_dev3.jsonl"))),
    ...readJsonl(join(sourceDir, "tests", "data", "vignettes_dev2.jsonl")),
  ];
  await Promise.all(cases.map(async (c) => {
    const who = [];
    if (c.age !== undefined && c.age !== null) who.push("--age", String(c.age));
    if (c.sex) who.push("--sex", c.sex);
    const [a, p] = await Promise.all([
      run(["assess", "--json", ...who, "-"], c.text),
      run(["parse", "--json", ...who, "-"], c.text),
    ]);
    const aw = `assess ${c.id}`, pw = `parse ${c.id}`;
    if (a.code === 0) {
      const doc = parseJson(a.stdout, aw);
      if (doc && check("assess", doc, aw)) checkAssessment(doc, c.text, aw);
    } else if (a.code === 3) {
      const doc = parseJson(a.stdout, aw);
      if (doc) check("assess-not-understood", doc, aw);
    } else {
      fail(aw, `exit ${a.code}: ${a.stderr}`);
    }
    if (p.code !== 0) return fail(pw, `exit ${p.code}: ${p.stderr}`);
    const doc = parseJson(p.stdout, pw);
    if (doc && check("parse", doc, pw)) checkEvidenceSpans(doc.evidence, c.text, pw);
  }));
  return cases.length;
}

// ---- texts it cannot read: exit 3 and the not-understood document ----------------------
function pseudoRandomBytes(seed, n) {
  const out = Buffer.alloc(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; ++i) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}
async function notUnderstood() {
  const texts = [
    ["hola", "hola"],
    ["spanish", "Hola, ¿qué tal? Me llamo Ana y vivo en Madrid."],
    ["digits", "12345 67890"],
    ["punctuation", "?!?! ... ;;; ---"],
    ["random bytes 1", pseudoRandomBytes(1, 300)],
    ["random bytes 2", pseudoRandomBytes(2, 2000)],
  ];
  await Promise.all(texts.map(async ([name, text]) => {
    const what = `assess not understood (${name})`;
    const r = await run(["assess", "--json", "-"], text);
    if (r.code !== 3) return fail(what, `exit ${r.code}, expected 3: ${r.stdout.slice(0, 200)} ${r.stderr}`);
    const doc = parseJson(r.stdout, what);
    if (doc) check("assess-not-understood", doc, what);
    // parse reads any bytes too (exit 0, nothing found)
    const p = await run(["parse", "--json", "-"], text);
    if (p.code !== 0) return fail(`parse (${name})`, `exit ${p.code}: ${p.stderr}`);
    const pd = parseJson(p.stdout, `parse (${name})`);
    if (pd) check("parse", pd, `parse (${name})`);
  }));
  // --evidence alone: no text, so no set_aside/attributes keys
  const r = await run(["assess", "--json", "--age", "40", "--evidence", "eyelid_twitch=present,facial_droop=absent"]);
  if (r.code !== 0) fail("assess --evidence", `exit ${r.code}: ${r.stderr}`);
  else {
    const doc = parseJson(r.stdout, "assess --evidence");
    if (doc && check("assess", doc, "assess --evidence")) checkAssessment(doc, null, "assess --evidence");
  }
  return texts.length;
}

// ---- interview --json: scripted sessions ------------------------------------------------
// answer(question, step) gives the status for each item of a question (or, for describe,
// the text to append). Every request is validated too.
async function interview(name, first, answer, maxSteps = 25) {
  const req = structuredClone(first);
  req.evidence ??= [];
  const seen = new Set();
  for (let step = 0; step < maxSteps; ++step) {
    const what = `interview ${name} step ${step}`;
    check("interview-request", req, `${what} request`);
    const body = JSON.stringify(req);
    const r = await run(["interview", "--json"], body);
    if (r.code !== 0) return fail(what, `exit ${r.code}: ${r.stderr}`), seen;
    const doc = parseJson(r.stdout, what);
    if (!doc || !check("interview-response", doc, what)) return seen;
    checkEvidenceSpans(doc.evidence, req.text ?? "", what);
    if (doc.should_stop) {
      seen.add(`stop:${doc.triage.level}`);
      return seen;
    }
    const q = doc.question;
    seen.add(q.type);
    if (q.type === "group_multiple") seen.add(`id:${q.id}`);
    if (q.type === "single" && q.items[0].id !== q.id) fail(what, `single question ${q.id} asks about ${q.items[0].id}`);
    if (q.type === "free_text") {
      req.text = [req.text, answer(q, step)].filter(Boolean).join("\n");
      req.described = typeof req.described === "number" ? req.described + 1 : true;
    } else {
      for (const item of q.items) req.evidence.push({ id: item.id, status: answer(q, step, item) });
    }
  }
  fail(`interview ${name}`, `did not stop within ${maxSteps} steps`);
  return seen;
}
async function interviews() {
  const sessions = [];
  const statuses = ["absent", "present", "unknown"];
  // 1. Nothing said yet: describe (twice, counted), the emergency screen (all no), then
  //    yes/no questions answered in turn no / yes / don't know.
  sessions.push(["describe first", interview("describe first", { age: 34, sex: "female", described: 0 },
    (q, step, item) => q.type === "free_text"
      ? (step === 0 ? "not sure" : "My left eyelid has been twitching for a week, I sleep badly and drink lots of coffee.")
      : q.type === "group_multiple" ? "absent" : statuses[step % 3])]);
  // 2. The emergency screen answered with one sign present: stop at once, emergency level.
  sessions.push(["emergency sign", interview("emergency sign",
    { age: 70, sex: "male", text: "My hand keeps twitching since yesterday.", described: true },
    (q, step, item) => q.type === "group_multiple" ? (item.id === q.items[0].id ? "present" : "absent") : "absent")]);
  // 3. Text first, no sex given, described as a boolean, "possible" answers.
  sessions.push(["text first", interview("text first",
    { age: 22, text: "My calf muscles twitch after running, no weakness.", described: true },
    (q, step, item) => q.type === "group_multiple" ? "absent" : step % 2 ? "possible" : "absent")]);
  // 4. Nulls where the program takes them as absent.
  sessions.push(["nulls", interview("nulls",
    { age: null, sex: null, text: null, described: null, evidence: [] },
    (q, step, item) => q.type === "free_text" ? "My eye twitches when I am stressed at work, I am 45." : "unknown")]);
  // 5. Nothing said even after two describe questions: the emergency screen, then where it
  //    twitches (a group), then yes/no questions.
  sessions.push(["where", interview("where", { age: 40, sex: "male", described: 2 },
    (q, step, item) => q.id === "where" ? (item.id === "eyelid_twitch" ? "present" : "absent") : "absent")]);
  // 6. A few vignettes through the interview, answering every question "no".
  for (const c of readJsonl(sharedOr(join(sharedDir, "vignettes", "public.jsonl"),
                                    join(sourceDir, "tests", "data", "vignettes_dev3.jsonl"))).slice(0, 8))
    sessions.push([c.id, interview(`vignette ${c.id}`, { age: c.age, sex: c.sex, text: c.text, described: 1 },
      () => "absent")]);
  const seen = new Set();
  for (const [, p] of sessions) for (const s of await p) seen.add(s);
  for (const want of ["free_text", "group_multiple", "single", "id:emergency_screen", "id:where"])
    if (!seen.has(want)) fail("interviews", `no scripted session met a ${want} question`);
  if (![...seen].some((s) => s === "stop:emergency" || s === "stop:emergency_ambulance"))
    fail("interviews", "the emergency-sign session did not stop at an emergency level");
  return sessions.length;
}

// ---- context --jsonl ----------------------------------------------------------------------
async function context() {
  const corpus = join(sharedDir, "context-corpus", "dev.jsonl");
  if (!existsSync(corpus)) console.log(`note: ${corpus} is not there; only the project's own context lines`);
  const lines = existsSync(corpus) ? readFileSync(corpus, "utf8").split("\n").filter((l) => l.trim()) : [];
  const own = [
    { sentence: "I have no fever.", target: "fever" },
    { sentence: "My mother had a stroke last year.", target: "stroke" },
    { sentence: "If the twitching spreads, I will see a doctor.", target: "twitching" },
    { sentence: "Sentence without the target.", target: "headache" },
  ].map((o) => JSON.stringify(o));
  const good = [...lines, ...own];
  for (const [i, l] of good.entries()) check("context-request", JSON.parse(l), `context request ${i + 1}`);
  const bad = ["not json", "[1, 2]", '{"sentence": "no target"}', '{"sentence": 3, "target": "x"}'];
  const input = [...good, "", ...bad].join("\n") + "\n";
  const r = await run(["context", "--jsonl"], input);
  if (r.code !== 1) fail("context", `exit ${r.code}, expected 1 (bad lines were sent): ${r.stderr.slice(0, 200)}`);
  const out = r.stdout.split("\n").filter((l) => l !== "");
  if (out.length !== good.length + bad.length)
    return fail("context", `${out.length} output lines for ${good.length + bad.length} input lines`), 0;
  out.forEach((l, i) => {
    const what = `context line ${i + 1}`;
    const doc = parseJson(l, what);
    if (doc === undefined || !check("context-response", doc, what)) return;
    if ((i >= good.length) !== ("error" in doc)) fail(what, `error expected ${i >= good.length}, got ${l}`);
  });
  return out.length;
}

// ---- the diary on a temporary database ------------------------------------------------------
function plantedDiary() {
  // 60 days from 2026-01-05: high caffeine on about a third of the days brings three more
  // episodes the day after; enough days for tested associations and an estimated trend.
  const days = [], episodes = [];
  const rnd = pseudoRandomBytes(7, 400);
  const d0 = Date.UTC(2026, 0, 5);
  for (let i = 0; i < 60; ++i) {
    const date = new Date(d0 + i * 86400e3).toISOString().slice(0, 10);
    const high = rnd[i + 300] % 3 === 0;  // irregular: lags 0, 1, 2 must not add up to a constant
    // caffeine_mg given as an export has it: import does not convert drinks (add day does).
    const day = { date, caffeine_mg: high ? 450 : 90, coffee: high ? 5 : 1, sleep_hours: 5 + (rnd[i] % 4),
                  stress: rnd[i + 60] % 11, exercise_min: 10 * (rnd[i + 240] % 7), medications: [],
                  supplements: i > 30 ? ["magnesium"] : [], tags: i % 7 === 0 ? ["exams"] : [] };
    if (i % 4 === 0) day.alcohol_units = 2.5;
    if (i === 10) day.fluids_l = null;  // import takes null as "not logged"
    days.push(day);
    const n = (i > 0 && rnd[i - 1 + 300] % 3 === 0 ? 3 : 0) + (rnd[i + 120] % 2);
    for (let k = 0; k < n; ++k)
      episodes.push({ start: `${date}T${String(8 + 3 * k).padStart(2, "0")}:15:00+01:00`,
                      site: i > 40 && k === 1 ? "calf" : "eyelid", side: k ? "right" : "left",
                      duration_s: 20 + k * 10, intensity: 2 + (rnd[i + 180] % 5), note: k ? "after coffee" : "" });
  }
  return { days, episodes };
}
async function diary() {
  const dir = mkdtempSync(join(tmpdir(), "twitchcheck-schema-"));
  try {
    const db = join(dir, "diary.sqlite"), db2 = join(dir, "copy.sqlite");
    const diaryRun = (dbPath, ...args) => run(["diary", "--db", dbPath, ...args]);
    const expect0 = async (what, p) => {
      const r = await p;
      if (r.code !== 0) fail(what, `exit ${r.code}: ${r.stderr}`);
      return r;
    };
    const json = async (what, schema, p) => {
      const r = await expect0(what, p);
      if (r.code !== 0) return undefined;
      const doc = parseJson(r.stdout, what);
      if (doc !== undefined) check(schema, doc, what);
      return doc;
    };
    // An empty diary first.
    await json("diary report (empty)", "diary-report", diaryRun(db, "report", "--json"));
    await json("diary export (empty)", "diary-export", diaryRun(db, "export", "--json"));
    await json("diary list (empty)", "diary-list", diaryRun(db, "list", "--json"));
    // Import a planted diary (the file is validated as an import document first).
    const planted = plantedDiary();
    check("diary-import", planted, "planted diary (import file)");
    const file = join(dir, "planted.json");
    writeFileSync(file, JSON.stringify(planted));
    await expect0("diary import", diaryRun(db, "import", file));
    // Then the CLI's own adds (sequential: one database).
    await expect0("diary add episode", diaryRun(db, "add", "episode", "--at", "2026-03-06T07:45+02:00", "--site",
                                                "upper_eyelid", "--side", "both", "--duration", "1m30s", "--intensity", "4",
                                                "--note", "línea 1\tcon tab"));
    await expect0("diary add episode (minimal)", diaryRun(db, "add", "episode", "--at", "2026-03-06T21:00Z", "--site", "thigh"));
    await expect0("diary add day", diaryRun(db, "add", "day", "--date", "2026-03-06", "--tea", "2", "--energy-drinks", "1",
                                            "--sleep-quality", "4", "--cigarettes", "3", "--exercise-min", "45",
                                            "--screen-hours", "9.5", "--fluids-l", "1.5", "--medication", "sertraline",
                                            "--supplement", "vitamin D", "--tag", "late shift"));
    // assess --diary: evidence from the diary (origin "diary", no span) with the text's.
    const assessed = await run(["assess", "--json", "--diary", "--db", db, "my eyelid keeps twitching"]);
    if (assessed.code !== 0) fail("assess --diary", `exit ${assessed.code}: ${assessed.stderr}`);
    else {
      const doc = parseJson(assessed.stdout, "assess --diary");
      if (doc && check("assess", doc, "assess --diary")) {
        checkAssessment(doc, "my eyelid keeps twitching", "assess --diary");
        if (!doc.evidence.some((e) => e.origin === "diary")) fail("assess --diary", "no evidence from the diary");
      }
    }
    const exported = await json("diary export", "diary-export", diaryRun(db, "export", "--json"));
    if (exported) check("diary-import", exported, "diary export as an import document");
    await json("diary list", "diary-list", diaryRun(db, "list", "--json"));
    await json("diary list --from --to", "diary-list", diaryRun(db, "list", "--from", "2026-02-01", "--to", "2026-02-10", "--json"));
    const report = await json("diary report", "diary-report", diaryRun(db, "report", "--json"));
    await json("diary report --from --to", "diary-report", diaryRun(db, "report", "--json", "--from", "2026-02-20", "--to", "2026-03-06"));
    await json("diary report (short period)", "diary-report", diaryRun(db, "report", "--json", "--from", "2026-03-01"));
    if (report) {
      if (!report.associations.some((a) => a.verdict === "associated"))
        fail("diary report", "the planted caffeine effect was not found: the diary no longer exercises a settled verdict");
      if (report.trend.rate_ratio_per_month === null) fail("diary report", "the trend was not estimated");
    }
    // Round trip: the export imports into a new database and exports the same.
    if (exported) {
      const again = join(dir, "export.json");
      writeFileSync(again, JSON.stringify(exported));
      await expect0("diary import (round trip)", diaryRun(db2, "import", again));
      const second = await json("diary export (round trip)", "diary-export", diaryRun(db2, "export", "--json"));
      if (second && JSON.stringify(second) !== JSON.stringify(exported)) fail("diary round trip", "export differs after import");
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- broken documents the schemas must refuse ----------------------------------------------
async function mustFail() {
  const text = "My right eyelid keeps flickering since Monday. I sleep five hours. No weakness. " +
               "My mother had a stroke. Maybe my speech is a bit off.";
  const [a, p, i, n] = await Promise.all([
    run(["assess", "--json", "--age", "31", "--sex", "male", text]),
    run(["parse", "--json", text]),
    run(["interview", "--json"], JSON.stringify({ age: 31, text: "my eyelid twitches", described: true })),
    run(["assess", "--json", "hola"]),
  ]);
  const assess = JSON.parse(a.stdout), parse = JSON.parse(p.stdout), step = JSON.parse(i.stdout), nu = JSON.parse(n.stdout);
  const edit = (doc, f) => {
    const c = structuredClone(doc);
    f(c);
    return c;
  };
  const broken = [
    ["assess", "unknown triage level", edit(assess, (d) => (d.triage.level = "urgent"))],
    ["assess", "knowledge_version missing", edit(assess, (d) => delete d.knowledge_version)],
    ["assess", "an extra top-level key", edit(assess, (d) => (d.score = 1))],
    ["assess", "understood false on the full form", edit(assess, (d) => (d.understood = false))],
    ["assess", "evidence status 'maybe'", edit(assess, (d) => (d.evidence[0].status = "maybe"))],
    ["assess", "probability as a string", edit(assess, (d) => (d.conditions[0].probability = "0.5"))],
    ["assess", "probability above 1", edit(assess, (d) => (d.conditions[0].probability = 1.5))],
    ["assess", "span of three numbers", edit(assess, (d) => (d.evidence[0].span = [1, 2, 3]))],
    ["assess", "specialist a number", edit(assess, (d) => (d.triage.specialist = 3))],
    ["assess", "evidence with a span but no spans", edit(assess, (d) => delete d.evidence[0].spans)],
    ["assess-not-understood", "a triage level", edit(nu, (d) => (d.triage = { level: "self_care" }))],
    ["assess-not-understood", "no emergency signs", edit(nu, (d) => (d.emergency_signs = []))],
    ["parse", "set_aside missing", edit(parse, (d) => delete d.set_aside)],
    ["parse", "attribute kind 'colour'", edit(parse, (d) => d.attributes.push({ kind: "colour", value: "red", span: [0, 1] }))],
    ["interview-response", "question type 'multiple'", edit(step, (d) => d.question && (d.question.type = "multiple"))],
    ["interview-response", "should_stop as a string", edit(step, (d) => (d.should_stop = "false"))],
    ["interview-response", "a question with should_stop true", edit(step, (d) => { d.should_stop = true; d.stop_reason = "x"; })],
    ["interview-request", "age 130", { age: 130, evidence: [] }],
    ["interview-request", "evidence without status", { evidence: [{ id: "eyelid_twitch" }] }],
    ["interview-request", "a misspelt key", { age: 30, evidnce: [] }],
    ["interview-request", "described as a string", { described: "yes" }],
    ["context-request", "target missing", { sentence: "no fever" }],
    ["context-response", "negation 'yes'", { negation: "yes", temporality: "recent", experiencer: "patient" }],
    ["context-response", "labels and an error together", { negation: "negated", temporality: "recent", experiencer: "patient", error: "x" }],
    ["diary-export", "stress 11", { days: [{ date: "2026-03-01", stress: 11, medications: [], supplements: [], tags: [] }], episodes: [] }],
    ["diary-export", "unknown day field", { days: [{ date: "2026-03-01", mood: 3, medications: [], supplements: [], tags: [] }], episodes: [] }],
    ["diary-export", "side 'up'", { days: [], episodes: [{ start: "2026-03-01T08:30:00+01:00", site: "eyelid", side: "up", note: "" }] }],
    ["diary-export", "start without an offset", { days: [], episodes: [{ start: "2026-03-01T08:30", site: "eyelid", note: "" }] }],
    ["diary-import", "a tag with ';'", { days: [{ date: "2026-03-01", tags: ["a;b"] }] }],
    ["diary-import", "episode without site", { episodes: [{ start: "2026-03-01T08:30" }] }],
    ["diary-list", "episode without id", { days: [], episodes: [{ start: "2026-03-01T08:30:00+01:00", site: "eyelid", note: "" }] }],
    ["diary-report", "verdict 'causes'", { ...emptyReport(), associations: [{ factor: "caffeine", label: "c", lag: 0, exposed_days: 1, unexposed_days: 1, effect: null, p: null, q: null, verdict: "causes", reason: "r" }] }],
    ["diary-report", "tested association without q", { ...emptyReport(), associations: [{ factor: "caffeine", label: "c", lag: 1, exposed_days: 9, unexposed_days: 9, effect: { rate_ratio: 2, ci95: [1, 3] }, p: 0.01, q: null, verdict: "associated" }] }],
    ["diary-report", "an associated factor with needed", { ...emptyReport(), associations: [{ factor: "caffeine", label: "c", lag: 1, exposed_days: 9, unexposed_days: 9, effect: { rate_ratio: 2, ci95: [1, 3] }, p: 0.01, q: 0.02, verdict: "associated", needed: 5 }] }],
    ["diary-report", "lag 3", { ...emptyReport(), associations: [{ factor: "caffeine", label: "c", lag: 3, exposed_days: 1, unexposed_days: 1, effect: null, p: null, q: null, verdict: "not_enough_data", reason: "r" }] }],
  ];
  // The unbroken originals pass (so a refusal below is the edit's doing).
  check("assess", assess, "must-fail original assess");
  check("parse", parse, "must-fail original parse");
  check("interview-response", step, "must-fail original interview step");
  check("assess-not-understood", nu, "must-fail original not-understood");
  check("diary-report", emptyReport(), "must-fail original report");
  let refused = 0;
  for (const [schema, why, doc] of broken) {
    if (validators[schema](doc)) fail(`broken ${schema} (${why})`, "was accepted: the schema must refuse it");
    else ++refused;
  }
  return { refused, total: broken.length };
}
function emptyReport() {
  return { from: "", to: "", days_logged: 0, span_days: 0, episodes: 0, episode_days: 0, median_duration_s: null,
           mean_intensity: null, associations: [], trend: { per_week: [], rate_ratio_per_month: null, ci95: null },
           sites: [], flags: [], tried: [], wording: "w", knowledge_version: "v" };
}

// ---- main ---------------------------------------------------------------------------------
const [nCases, nNotUnderstood, nSessions, nContext] = await Promise.all([vignettes(), notUnderstood(), interviews(), context()]);
await diary();
const broken = await mustFail();

const total = Object.values(counts).reduce((a, b) => a + b, 0);
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`schema validation: ${schemaFiles.length} schemas; ${total} documents validated ` +
            `(${nCases} vignettes, ${nNotUnderstood} unreadable texts, ${nSessions} interviews, ${nContext} context lines, the diary):`);
for (const [k, v] of Object.entries(counts).sort()) console.log(`  ${k.padEnd(24)} ${v}`);
console.log(`  broken documents refused: ${broken.refused} of ${broken.total}`);
for (const s of Object.keys(validators))
  if (s !== "common" && !counts[s]) fail(`schema ${s}`, "no real document was validated against it");
if (failures.length) {
  console.error(`\n${failures.length} failure(s):`);
  for (const f of failures.slice(0, verbose ? Infinity : 40)) console.error(`- ${f}`);
  if (!verbose && failures.length > 40) console.error(`  ... and ${failures.length - 40} more (--verbose)`);
  console.error(`FAILED in ${seconds} s`);
  process.exit(1);
}
console.log(`OK in ${seconds} s`);
