// A minimal VS Code extension: starts `argmap lsp` for XML files
// (docs/editors.md). Everything else is the language server's.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const cfg = vscode.workspace.getConfiguration("argmap");
  const server = { command: cfg.get("path") || "argmap", args: ["lsp"] };
  const sources = cfg.get("sources");
  client = new LanguageClient("argmap", "argmap", { run: server, debug: server }, {
    documentSelector: [{ scheme: "file", language: "xml" }],
    initializationOptions: sources ? { sources } : {},
  });
  client.start();
  context.subscriptions.push({ dispose: () => client && client.stop() });
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
