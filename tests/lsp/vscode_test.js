// vscode_test.js ARGMAP SRCDIR - the VS Code extension (editors/vscode/
// extension.js) without VS Code, which CI cannot download: its activate()
// runs against a small fake of the `vscode` API and of
// `vscode-languageclient/node`, which record what the extension asks for.
// Then the server it asked for (the command, the arguments and the
// initializationOptions it built from the settings) is started as VS Code
// would start it, and spoken to over stdio (LSP framing), to show that the
// diagnostics of a broken map arrive, with the quote check that the
// argmap.sources setting turns on.
'use strict';
const assert = require('assert');
const cp = require('child_process');
const fs = require('fs');
const Module = require('module');
const os = require('os');
const path = require('path');

const [argmap, src] = process.argv.slice(2);
const extPath = path.join(src, 'editors', 'vscode', 'extension.js');

// ---------------------------------------------------------------- fakes
let settings = {};
let clients = [];
class FakeLanguageClient {
  constructor(id, name, serverOptions, clientOptions) {
    this.id = id;
    this.name = name;
    this.serverOptions = serverOptions;
    this.clientOptions = clientOptions;
    this.started = 0;
    this.stopped = 0;
    clients.push(this);
  }
  start() { this.started++; return Promise.resolve(); }
  stop() { this.stopped++; return Promise.resolve(); }
}
const fakeVscode = {
  workspace: {
    getConfiguration(section) {
      return { get: (key) => settings[`${section}.${key}`] };
    },
  },
};
const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === 'vscode') return fakeVscode;
  if (request === 'vscode-languageclient/node') return { LanguageClient: FakeLanguageClient };
  return load.call(this, request, parent, isMain);
};

function activate(withSettings) {
  settings = withSettings;
  clients = [];
  delete require.cache[require.resolve(extPath)];
  const ext = require(extPath);
  const context = { subscriptions: [] };
  ext.activate(context);
  assert.strictEqual(clients.length, 1, 'activate() makes one language client');
  return { ext, context, client: clients[0] };
}

// ---------------------------------------------------- what it asks for
const manifest = JSON.parse(fs.readFileSync(path.join(src, 'editors', 'vscode', 'package.json')));
assert.deepStrictEqual(manifest.activationEvents, ['onLanguage:xml']);
assert.strictEqual(manifest.main, './extension.js');
const props = manifest.contributes.configuration.properties;
assert.strictEqual(props['argmap.path'].default, 'argmap');
assert.strictEqual(props['argmap.sources'].default, '');

{
  const { ext, context, client } = activate({ 'argmap.path': undefined, 'argmap.sources': '' });
  assert.deepStrictEqual(client.serverOptions.run, { command: 'argmap', args: ['lsp'] },
    'by default the argmap on PATH, as `argmap lsp`');
  assert.deepStrictEqual(client.serverOptions.debug, client.serverOptions.run);
  assert.deepStrictEqual(client.clientOptions.documentSelector, [{ scheme: 'file', language: 'xml' }]);
  assert.deepStrictEqual(client.clientOptions.initializationOptions, {},
    'no sources setting: no sources option');
  assert.strictEqual(client.started, 1, 'the client is started');
  assert.strictEqual(context.subscriptions.length, 1);
  context.subscriptions[0].dispose();
  assert.strictEqual(client.stopped, 1, 'disposing the subscription stops the client');
  ext.deactivate();
  assert.strictEqual(client.stopped, 2, 'deactivate() stops it too');
}
const { client } = activate({ 'argmap.path': argmap, 'argmap.sources': 'texts' });
assert.deepStrictEqual(client.serverOptions.run, { command: argmap, args: ['lsp'] },
  'argmap.path names the program');
assert.deepStrictEqual(client.clientOptions.initializationOptions, { sources: 'texts' },
  'argmap.sources becomes initializationOptions.sources');
console.log('extension: starts', JSON.stringify(client.serverOptions.run),
  'with', JSON.stringify(client.clientOptions.initializationOptions));

// ------------------------------------------- the server it starts, live
// The workspace of tests/lsp/ws, without its .argmap.json: the sources
// can only come from the extension's setting.
const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'argmap-vscode-'));
for (const f of ['main.xml', 'people.xml']) fs.copyFileSync(path.join(src, 'tests/lsp/ws', f), path.join(ws, f));
fs.mkdirSync(path.join(ws, 'texts'));
for (const f of fs.readdirSync(path.join(src, 'tests/lsp/ws/texts')))
  fs.copyFileSync(path.join(src, 'tests/lsp/ws/texts', f), path.join(ws, 'texts', f));
const uri = 'file://' + path.join(ws, 'main.xml');

function serve(initializationOptions) {
  return new Promise((resolve, reject) => {
    const run = client.serverOptions.run;
    const child = cp.spawn(run.command, run.args, { cwd: ws, stdio: ['pipe', 'pipe', 'inherit'] });
    let buf = Buffer.alloc(0);
    let id = 0;
    const timer = setTimeout(() => { child.kill(); reject(new Error('no diagnostics in 20 s')); }, 20000);
    const send = (msg) => {
      const body = Buffer.from(JSON.stringify(Object.assign({ jsonrpc: '2.0' }, msg)));
      child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
      child.stdin.write(body);
    };
    child.on('error', reject);
    child.stdout.on('data', (chunk) => {
      buf = Buffer.concat([buf, chunk]);
      for (;;) {
        const end = buf.indexOf('\r\n\r\n');
        if (end < 0) return;
        const m = /Content-Length: *(\d+)/i.exec(buf.slice(0, end).toString());
        const len = m ? Number(m[1]) : -1;
        if (len < 0 || buf.length < end + 4 + len) return;
        const msg = JSON.parse(buf.slice(end + 4, end + 4 + len).toString());
        buf = buf.slice(end + 4 + len);
        if (msg.id === 1 && msg.result) {
          assert.ok(msg.result.capabilities, 'initialize answers with capabilities');
          send({ method: 'initialized', params: {} });
          send({ method: 'textDocument/didOpen', params: { textDocument: {
            uri, languageId: 'xml', version: 1, text: fs.readFileSync(path.join(ws, 'main.xml'), 'utf8') } } });
        } else if (msg.method === 'textDocument/publishDiagnostics' && msg.params.uri === uri &&
                   msg.params.diagnostics.length) {
          clearTimeout(timer);
          send({ id: ++id + 1, method: 'shutdown' });
          send({ method: 'exit' });
          child.stdin.end();
          resolve(msg.params.diagnostics);
        }
      }
    });
    send({ id: ++id, method: 'initialize', params: {
      processId: process.pid, rootUri: 'file://' + ws, capabilities: {}, initializationOptions } });
  });
}

(async () => {
  const withSources = await serve(client.clientOptions.initializationOptions);
  const codes = withSources.map((d) => d.code);
  const lines = withSources.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message.split('\n')[0]}`);
  console.log('diagnostics:\n  ' + lines.join('\n  '));
  const unknown = withSources.find((d) => d.code === 'AM202');
  assert.ok(unknown, 'the unknown actor is reported');
  assert.strictEqual(unknown.severity, 1, 'as an error');
  assert.strictEqual(unknown.range.start.line, 10, 'on its line (0-based 10: line 11)');
  assert.strictEqual(unknown.range.start.character, 27, 'at by="neighbors"');
  assert.match(unknown.message, /claim 'too-loud' by="neighbors": no item has this id/);
  assert.ok(codes.includes('AM601'), 'argmap.sources reached the server: the quote is checked');
  const quote = withSources.find((d) => d.code === 'AM601');
  assert.ok(quote.relatedInformation && quote.relatedInformation.length, 'the closest passage is related');
  const without = await serve({});
  assert.ok(!without.some((d) => d.code === 'AM601'), 'without the setting, no quote check');
  assert.ok(without.some((d) => d.code === 'AM202'));
  fs.rmSync(ws, { recursive: true, force: true });
  console.log('vscode extension: ok');
})().catch((e) => {
  console.error(e);
  fs.rmSync(ws, { recursive: true, force: true });
  process.exit(1);
});
