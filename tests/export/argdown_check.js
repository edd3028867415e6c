// Checks argmap's Argdown exports with the real Argdown CLI (@argdown/cli):
// each parses without errors, and `argdown json` finds what the map holds.
//   node argdown_check.js ARGDOWN_BIN DIR NAME...
// For each NAME, DIR/NAME.argdown is the Argdown export and DIR/NAME.json
// the argmap JSON export of the same map and view; the expected numbers
// of statements, arguments and relations of each type are computed from
// the JSON by the mapping of docs/interop.md, never written down:
//   argument  = a support, rebut or undercut with several premises shown,
//               or a support (rebut, undercut) that an undercut attacks;
//   statement = every node, and the conclusion of each argument that is
//               a rebut or undercut;
//   support   = a support with one premise that is not an argument;
//   attack    = every rebut; undercut = every undercut of a non-answer.
// Also: every node's text, tags and id come back, and every argument has
// its premises and conclusion. Exits 1 with the reasons on any mismatch.
'use strict';
const fs = require('fs');
const path = require('path');
const {execFileSync} = require('child_process');

let argv = process.argv.slice(2);
const selfTest = argv[0] === '--self-test';
if (selfTest) argv = argv.slice(1);
const [bin, dir, ...names] = argv;
if (!bin || !dir || names.length === 0) {
  console.error('usage: node argdown_check.js ARGDOWN_BIN DIR NAME...');
  process.exit(2);
}

function expected(doc) {
  const byKey = new Map(doc.relations.map((r) => [r.key, r]));
  const isArg = new Set();
  for (const r of doc.relations) {
    if (r.kind === 'answer') continue;
    if (r.from.length > 1) isArg.add(r.key);
    if (r.kind === 'undercut' && byKey.has(r.to) && byKey.get(r.to).kind !== 'answer') isArg.add(r.to);
  }
  const count = (f) => doc.relations.filter(f).length;
  return {
    statements: doc.nodes.length + count((r) => isArg.has(r.key) && r.kind !== 'support'),
    arguments: isArg.size,
    support: count((r) => r.kind === 'support' && !isArg.has(r.key)),
    attack: count((r) => r.kind === 'rebut'),
    undercut: count((r) => r.kind === 'undercut' && byKey.has(r.to) && byKey.get(r.to).kind !== 'answer'),
    isArg,
  };
}

// Runs the Argdown CLI once over every .argdown file in `where` (one
// process: its start-up costs seconds) and returns name -> its model.
function argdownJson(where) {
  const out = path.join(where, 'argdown-json');
  fs.rmSync(out, {recursive: true, force: true});
  try {
    execFileSync(bin, ['json', path.join(where, '*.argdown'), out, '--silent'],
                 {encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe']});
  } catch (e) {
    console.error(`argdown json failed (exit ${e.status}):\n${String(e.stderr) + String(e.stdout)}`.slice(0, 4000));
    process.exit(1);
  }
  const models = new Map();
  for (const f of fs.readdirSync(out)) models.set(f.replace(/\.json$/, ''), JSON.parse(fs.readFileSync(path.join(out, f), 'utf8')));
  return models;
}

function checkOne(doc, ad) {
  const errors = [];
  if (!ad) return ['the Argdown CLI wrote no model for it'];
  const want = expected(doc);
  const statements = Object.values(ad.statements);
  const args = Object.values(ad.arguments);
  const rel = {support: 0, attack: 0, undercut: 0};
  for (const r of ad.relations) rel[r.relationType] = (rel[r.relationType] || 0) + 1;
  const got = {statements: statements.length, arguments: args.length, ...rel};
  for (const k of ['statements', 'arguments', 'support', 'attack', 'undercut'])
    if (got[k] !== want[k]) errors.push(`${k}: argdown has ${got[k]}, the map ${want[k]}`);
  for (const k of Object.keys(rel))
    if (!(k in want)) errors.push(`argdown has ${rel[k]} relations of type ${k}, the map none`);

  // every node is one statement with its id, text and tags
  const byId = new Map();
  for (const s of statements) if (s.data && s.data.id) byId.set(s.data.id, s);
  for (const n of doc.nodes) {
    const s = byId.get(n.id);
    if (!s) { errors.push(`node ${n.id}: no statement has it in its data`); continue; }
    if (s.data.kind !== n.kind) errors.push(`node ${n.id}: kind ${s.data.kind}`);
    const def = (s.members || []).find((m) => typeof m.text === 'string' && m.text.trim() !== '');
    let text = def ? def.text.trimEnd() : '';
    for (const t of [...n.tags].reverse()) {
      const plain = /^[A-Za-z0-9-]+$/.test(t) ? ` #${t}` : ` #(${t})`;
      if (text.endsWith(plain)) text = text.slice(0, -plain.length);
      else errors.push(`node ${n.id}: tag ${t} is not at the end of ${JSON.stringify(text)}`);
    }
    if (text !== n.text) errors.push(`node ${n.id}: text ${JSON.stringify(text)} is not ${JSON.stringify(n.text)}`);
    const tags = (s.tags || []).slice().sort();
    if (JSON.stringify(tags) !== JSON.stringify([...n.tags].sort()))
      errors.push(`node ${n.id}: tags ${JSON.stringify(tags)} are not ${JSON.stringify(n.tags)}`);
    for (const k of ['by', 'sources']) {
      const v = s.data[k] || [];
      if (JSON.stringify(v) !== JSON.stringify(n[k])) errors.push(`node ${n.id}: ${k} ${JSON.stringify(v)}`);
    }
    if ((s.data.speaker || null) !== n.speaker) errors.push(`node ${n.id}: speaker ${s.data.speaker}`);
  }
  // every argument: its premises and one conclusion
  const relByKey = new Map(doc.relations.map((r) => [r.key, r]));
  for (const a of args) {
    const key = a.data && (a.data.id || null);
    const pcs = a.pcs || [];
    if (pcs.length < 2) errors.push(`argument ${a.title}: no premise-conclusion structure`);
    if (key && relByKey.has(key)) {
      const r = relByKey.get(key);
      if (pcs.length !== r.from.length + 1)
        errors.push(`argument ${a.title}: ${pcs.length} steps for ${r.from.length} premises`);
    }
  }
  return errors;
}

// --self-test: the first export with a rebut, with its first '-' line
// dropped or a statement's text changed, must fail the check.
if (selfTest) {
  const name = names.find((n) => /\n  - \[/.test(fs.readFileSync(path.join(dir, n + '.argdown'), 'utf8')));
  const tmp = fs.mkdtempSync(path.join(require('os').tmpdir(), 'argdown-self-'));
  const text = fs.readFileSync(path.join(dir, name + '.argdown'), 'utf8');
  const doc = JSON.parse(fs.readFileSync(path.join(dir, name + '.json'), 'utf8'));
  const broken = {
    'rebut-dropped': text.replace(/\n  - \[[^\n]*/, ''),
    'text-changed': text.replace(/^(\[[^\]\n]*\]: )(\S)/m, '$1X$2'),
  };
  for (const [what, t] of Object.entries(broken)) fs.writeFileSync(path.join(tmp, what + '.argdown'), t);
  const models = argdownJson(tmp);
  for (const [what, t] of Object.entries(broken)) {
    if (t === text || checkOne(doc, models.get(what)).length === 0) {
      console.error(`self-test: ${name} with ${what} passed the check`);
      process.exit(1);
    }
  }
  fs.rmSync(tmp, {recursive: true});
  console.log(`self-test: ${name} with a rebut line dropped or a text changed fails the check`);
}

const models = argdownJson(dir);
let bad = 0;
for (const name of names) {
  const doc = JSON.parse(fs.readFileSync(path.join(dir, name + '.json'), 'utf8'));
  const errors = checkOne(doc, models.get(name));
  if (errors.length) {
    bad++;
    console.error(`${name}: ${errors.length} problem(s):\n  ${errors.slice(0, 25).join('\n  ')}`);
  } else {
    const w = expected(doc);
    console.log(`${name}: parses; ${w.statements} statements, ${w.arguments} arguments, ` +
                `${w.support} support, ${w.attack} attack, ${w.undercut} undercut relations, as the map says`);
  }
}
process.exit(bad ? 1 : 0);
