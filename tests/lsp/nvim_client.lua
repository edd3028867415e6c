-- nvim_client.lua - drives `argmap lsp` from Neovim's built-in LSP client
-- (nvim --headless), as an editor would, and writes what it saw to
-- $ARGMAP_LSP_OUT, one fact per line, for nvim_test.sh to check.
--   ARGMAP=path/to/argmap ARGMAP_LSP_WS=workspace ARGMAP_LSP_OUT=out.txt \
--     nvim --headless --clean -u NONE -c 'luafile nvim_client.lua'
local argmap = os.getenv("ARGMAP")
local ws = os.getenv("ARGMAP_LSP_WS")
local out_path = os.getenv("ARGMAP_LSP_OUT")
local lines = {}
local function log(...)
  table.insert(lines, table.concat({...}, "\t"))
end
local function finish(code)
  local f = assert(io.open(out_path, "w"))
  f:write(table.concat(lines, "\n"), "\n")
  f:close()
  vim.cmd((code == 0) and "qa!" or "cq!")
end

local ok, err = pcall(function()
  local id = vim.lsp.start_client({
    name = "argmap",
    cmd = { argmap, "lsp", "--debounce", "50" },
    root_dir = ws,
  })
  assert(id, "the client did not start")
  vim.cmd("edit " .. ws .. "/main.xml")
  local buf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buf, id)
  local client = vim.lsp.get_client_by_id(id)
  vim.wait(10000, function() return client.initialized end, 20)
  log("initialized", tostring(client.initialized))

  local function diags()
    local d = vim.diagnostic.get(buf)
    table.sort(d, function(a, b) return a.lnum < b.lnum end)
    return d
  end
  vim.wait(10000, function() return #diags() >= 3 end, 20)
  for _, d in ipairs(diags()) do
    local msg = d.message:gsub("\n.*", "")
    log("diag", d.lnum .. ":" .. d.col, tostring(d.code), tostring(d.severity), msg)
    local rel = d.user_data and d.user_data.lsp and d.user_data.lsp.relatedInformation
    for _, r in ipairs(rel or {}) do
      log("related", tostring(d.code), vim.fn.fnamemodify(vim.uri_to_fname(r.location.uri), ":t"),
          tostring(r.location.range.start.line))
    end
  end

  local function find(pat)
    for i, l in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
      local s = l:find(pat, 1, true)
      if s then return { line = i - 1, character = s - 1 } end
    end
    error("not in the buffer: " .. pat)
  end
  local function at(pat, k)
    local p = find(pat)
    p.character = p.character + k
    return p
  end
  local function request(method, pos, extra)
    local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = pos }
    for k, v in pairs(extra or {}) do params[k] = v end
    local r = vim.lsp.buf_request_sync(buf, method, params, 5000)
    assert(r and r[id], method .. ": no reply")
    if r[id].error then return nil, r[id].error end
    return r[id].result
  end

  -- go to definition: from by="baker" in main.xml to people.xml
  local def = request("textDocument/definition", at('by="baker" source', 5))
  log("definition", vim.fn.fnamemodify(vim.uri_to_fname(def.uri), ":t"),
      def.range.start.line .. ":" .. def.range.start.character)

  -- find references of baker, declaration included
  local refs = request("textDocument/references", at('by="baker" source', 5),
                       { context = { includeDeclaration = true } })
  local files = {}
  for _, r in ipairs(refs) do
    local f = vim.fn.fnamemodify(vim.uri_to_fname(r.uri), ":t")
    files[f] = (files[f] or 0) + 1
  end
  log("references", #refs, "main.xml=" .. (files["main.xml"] or 0),
      "people.xml=" .. (files["people.xml"] or 0))

  -- completion: an actor id in by=, a value of stance=, an element name
  local function labels(result)
    local items = result.items or result
    local l = {}
    for _, it in ipairs(items) do table.insert(l, it.label .. (it.detail and ("=" .. it.detail) or "")) end
    table.sort(l)
    return table.concat(l, ",")
  end
  log("complete-by", labels(request("textDocument/completion", at('by="neighbors"', 7))))
  log("complete-stance", labels(request("textDocument/completion", at('stance="yes"', 8))))
  log("complete-attr", labels(request("textDocument/completion", at(' stance="yes"', 1))))
  log("complete-element", labels(request("textDocument/completion", at("<claim id=\"open", 3))))

  -- hover: an id, and a line with a diagnostic
  local h = request("textDocument/hover", at('from="open-early"', 8))
  log("hover-id", (h.contents.value:gsub("\n", " ")))
  h = request("textDocument/hover", at('by="neighbors"', 5))
  log("hover-code", h.contents.value:match("AM202[^\n]*") or "none")

  -- document symbols
  local syms = request("textDocument/documentSymbol", nil)
  local names = {}
  for _, s in ipairs(syms) do table.insert(names, s.name:match("^[^:]+")) end
  table.sort(names)
  log("symbols", #syms, table.concat(names, ","))

  -- rename too-loud everywhere, applied to the buffer as :lua vim.lsp.buf.rename() does
  local edit = request("textDocument/rename", at('id="too-loud"', 5), { newName = "too-noisy" })
  vim.lsp.util.apply_workspace_edit(edit, "utf-16")
  local text = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), "\n")
  local _, renamed = text:gsub("too%-noisy", "")
  local _, left = text:gsub("too%-loud", "")
  log("rename", "too-noisy=" .. renamed, "too-loud=" .. left)
  local _, rerr = request("textDocument/rename", at('id="too-noisy"', 5), { newName = "1bad" })
  log("rename-invalid", rerr and ("error " .. rerr.code) or "accepted")

  -- fix the typo as a user would type it: the diagnostics follow
  local p = find('by="neighbors"')
  vim.api.nvim_buf_set_text(buf, p.line, p.character + 4, p.line, p.character + 13, { "neighbours" })
  vim.wait(10000, function()
    for _, d in ipairs(diags()) do if d.code == "AM202" then return false end end
    return true
  end, 20)
  local codes = {}
  for _, d in ipairs(diags()) do table.insert(codes, tostring(d.code)) end
  log("after-fix", table.concat(codes, ","))

  -- a half-typed element must not break the server
  vim.api.nvim_buf_set_lines(buf, 3, 3, false, { '  <claim id="half' })
  vim.wait(3000, function()
    for _, d in ipairs(diags()) do if d.code == "AM010" then return true end end
    return false
  end, 20)
  local c2 = {}
  for _, d in ipairs(diags()) do table.insert(c2, tostring(d.code)) end
  log("half-typed", table.concat(c2, ","))
  local still = request("textDocument/hover", at('from="open-early"', 8))
  log("alive", still and "yes" or "no")

  vim.lsp.stop_client(id)
  vim.wait(3000, function() return vim.lsp.get_client_by_id(id) == nil end, 20)
  log("stopped", tostring(vim.lsp.get_client_by_id(id) == nil))
end)
if not ok then
  log("lua-error", tostring(err))
  finish(1)
else
  finish(0)
end
