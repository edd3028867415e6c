// Validates argmap JSON exports against docs/argmap-json.schema.json with
// ajv (JSON Schema 2020-12, formats on), and checks what a schema cannot
// say: ids are unique, every id a relation or node names is in the
// document, and the view's counts match the arrays.
//   node json_schema.js SCHEMA EXPORT.json...
// Exits 1 with the reasons when any export is invalid.
'use strict';
const fs = require('fs');
const Ajv2020 = require('ajv/dist/2020');
const addFormats = require('ajv-formats');

let args = process.argv.slice(2);
const selfTest = args[0] === '--self-test';
if (selfTest) args = args.slice(1);
const [schemaPath, ...files] = args;
if (!schemaPath || files.length === 0) {
  console.error('usage: node json_schema.js SCHEMA EXPORT.json...');
  process.exit(2);
}
const ajv = new Ajv2020({allErrors: true, strict: true});
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')));

function crossCheck(doc) {
  const errors = [];
  const ids = (arr) => new Set(arr.map((x) => x.id));
  const nodes = ids(doc.nodes), actors = ids(doc.actors), sources = ids(doc.sources);
  const keys = new Set(doc.relations.map((r) => r.key));
  if (nodes.size !== doc.nodes.length) errors.push('node ids are not unique');
  if (keys.size !== doc.relations.length) errors.push('relation keys are not unique');
  const want = (set, id, what) => { if (!set.has(id)) errors.push(`${what} names unknown '${id}'`); };
  for (const n of doc.nodes) {
    n.by.forEach((a) => want(actors, a, `node ${n.id} by`));
    n.sources.forEach((s) => want(sources, s, `node ${n.id} source`));
    if (n.speaker !== null) want(actors, n.speaker, `node ${n.id} speaker`);
  }
  for (const r of doc.relations) {
    r.from.forEach((f) => want(nodes, f, `relation ${r.key} from`));
    want(r.to_kind === 'relation' ? keys : nodes, r.to, `relation ${r.key} to`);
    r.by.forEach((a) => want(actors, a, `relation ${r.key} by`));
    r.sources.forEach((s) => want(sources, s, `relation ${r.key} source`));
    if (r.from.length + r.from_hidden === 0) errors.push(`relation ${r.key} has no premise`);
  }
  for (const s of doc.sources) s.authors.forEach((a) => want(actors, a, `source ${s.id} author`));
  if (doc.view.nodes_shown !== doc.nodes.length) errors.push('view.nodes_shown is not the number of nodes');
  if (doc.view.relations_shown !== doc.relations.length) errors.push('view.relations_shown is not the number of relations');
  const tagCount = new Map();
  for (const n of doc.nodes) for (const t of n.tags) tagCount.set(t, (tagCount.get(t) || 0) + 1);
  if (JSON.stringify([...tagCount].map(([name, count]) => ({name, count}))) !== JSON.stringify(doc.tags))
    errors.push('tags do not count the nodes\' tags in order of first appearance');
  return errors;
}

const check = (doc) => (validate(doc) ? crossCheck(doc) : validate.errors.map((e) => `${e.instancePath} ${e.message}`));

// --self-test: broken copies of the first export must each be rejected,
// so a schema or a check that accepts anything fails the test.
if (selfTest) {
  const good = JSON.parse(fs.readFileSync(files.find((f) => JSON.parse(fs.readFileSync(f, 'utf8')).relations.length > 0), 'utf8'));
  const breakers = {
    'no header': (d) => { delete d.format; },
    'version 2': (d) => { d.version = 2; },
    'unknown key': (d) => { d.nodes[0].colour = 'red'; },
    'missing key': (d) => { delete d.nodes[0].tags; },
    'bad kind': (d) => { d.relations[0].kind = 'attack'; },
    'dangling from': (d) => { d.relations[0].from.push('no-such-node'); },
    'dangling by': (d) => { d.nodes[0].by.push('no-such-actor'); },
    'duplicate id': (d) => { d.nodes.push(d.nodes[0]); d.view.nodes_shown++; },
    'wrong count': (d) => { d.view.relations_shown++; },
    'stance on a support': (d) => { const r = d.relations.find((x) => x.kind === 'support'); r.stance = 'yes'; },
    'bad url': (d) => { const s = d.sources.find((x) => x.url); if (s) s.url = 'not a url'; else d.version = 0; },
  };
  for (const [what, breakIt] of Object.entries(breakers)) {
    const d = JSON.parse(JSON.stringify(good));
    breakIt(d);
    if (check(d).length === 0) {
      console.error(`self-test: a document with "${what}" was accepted`);
      process.exit(1);
    }
  }
  console.log(`self-test: ${Object.keys(breakers).length} broken documents rejected`);
}

let bad = 0;
for (const f of files) {
  const doc = JSON.parse(fs.readFileSync(f, 'utf8'));
  const errors = check(doc);
  if (errors.length) {
    bad++;
    console.error(`${f}: invalid:\n  ${errors.slice(0, 20).join('\n  ')}`);
  } else {
    console.log(`${f}: valid (${doc.nodes.length} nodes, ${doc.relations.length} relations)`);
  }
}
process.exit(bad ? 1 : 0);
