-- End-to-end test driver, run by run.sh inside a real headless Neovim.
-- Loads the documented editors/nvim/modelcard.lua unchanged, then drives the
-- editor the way a user would: open files, read diagnostics, apply a quick fix.
-- Environment (set by run.sh): E2E_REPO, E2E_PROJ, MODELCARD_LS_JAR, E2E_WAIT_MS.

local repo, proj = assert(os.getenv('E2E_REPO')), assert(os.getenv('E2E_PROJ'))
local wait_ms = tonumber(os.getenv('E2E_WAIT_MS') or '') or 30000
local t0 = vim.loop.hrtime()
local function secs() return (vim.loop.hrtime() - t0) / 1e9 end

local failures, n = {}, 0
local function say(s) io.stdout:write(s, '\n'); io.stdout:flush() end
local function check(ok, what, detail)
  n = n + 1
  if ok then
    say(string.format('ok %d - %s', n, what))
  else
    say(string.format('not ok %d - %s%s', n, what, detail and (': ' .. detail) or ''))
    table.insert(failures, what)
  end
  return ok
end

-- Observe, don't change: record every publishDiagnostics and how each server exits.
local publishes = {}
local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  if result then table.insert(publishes, result) end
  return default_publish(err, result, ctx, config)
end
local exits, started = {}, {}
local function observe(start_fn)
  return function(config, ...)
    if not config.e2e_seen then
      config.e2e_seen = true
      table.insert(started, config)
      local user_on_exit = config.on_exit
      config.on_exit = function(code, signal, id)
        exits[id or #exits + 1] = { code = code, signal = signal }
        if user_on_exit then return user_on_exit(code, signal, id) end
      end
    end
    local id = start_fn(config, ...)
    config.e2e_id = config.e2e_id or id
    return id
  end
end
vim.lsp.start_client = observe(vim.lsp.start_client)
if vim.lsp.start then vim.lsp.start = observe(vim.lsp.start) end

local function publishes_for(uri)
  local out = {}
  for _, p in ipairs(publishes) do
    if p.uri == uri then table.insert(out, p) end
  end
  return out
end
local function clients_of(buf)
  local ids = {}
  for id in pairs(vim.lsp.buf_get_clients(buf)) do table.insert(ids, id) end
  return ids
end
local function find_training_procedure(diags)
  for _, d in ipairs(diags) do
    if d.code == 'missing-section' and (d.message or ''):find('Training Procedure', 1, true) then return d end
  end
end

local client_id

local function main()
  local v = vim.version()
  say(string.format('# Neovim %d.%d.%d, %s', v.major, v.minor, v.patch,
                    vim.lsp.start and 'vim.lsp.start' or 'vim.lsp.start_client + buf_attach_client'))
  dofile(repo .. '/editors/nvim/modelcard.lua')

  -- 1. Markdown that is not a card: no server.
  vim.cmd('edit ' .. vim.fn.fnameescape(proj .. '/notes.md'))
  check(vim.bo.filetype == 'markdown', 'notes.md has filetype markdown', vim.bo.filetype)
  check(#clients_of(0) == 0 and #started == 0, 'no server for notes.md (not a card name)')

  -- 2. The card: server starts with the documented command and root.
  local card = proj .. '/cards/README.md'
  vim.cmd('edit ' .. vim.fn.fnameescape(card))
  local buf = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(buf)
  local cfg = started[1]
  if not check(cfg ~= nil and cfg.e2e_id ~= nil and vim.lsp.buf_is_attached(buf, cfg.e2e_id),
               'modelcard.lua started a client and attached cards/README.md') then return end
  client_id = cfg.e2e_id
  -- buf_get_clients lists a client once it has answered initialize.
  vim.wait(wait_ms, function() return #clients_of(buf) > 0 or exits[client_id] ~= nil end, 10)
  local ids = clients_of(buf)
  if not check(#ids == 1 and ids[1] == client_id, 'client initialized and attached', #ids .. ' attached') then return end
  say(string.format('# initialized after %.2f s', secs()))
  check(cfg.name == 'modelcard', 'client name is modelcard', cfg.name)
  check(cfg.root_dir == proj, 'root is the folder holding .git', cfg.root_dir)
  local want_cmd = { os.getenv('E2E_REPO') .. '/bin/modelcard-ls', '--stdio' }
  check(vim.deep_equal(cfg.cmd, want_cmd), 'command line is the launcher (it holds the JVM flags)',
        table.concat(cfg.cmd, ' '))
  check(cfg.cmd_env.MODELCARD_LS_JAR == os.getenv('MODELCARD_LS_JAR'), 'the launcher runs the chosen jar',
        tostring(cfg.cmd_env.MODELCARD_LS_JAR))

  -- 3. First diagnostics: exactly the 8 that examples/README.md describes.
  local got_first = vim.wait(wait_ms, function() return #publishes_for(uri) > 0 or exits[client_id] ~= nil end, 10)
  if not check(got_first and not exits[client_id], 'diagnostics published after didOpen',
               string.format('none within %d ms', wait_ms)) then return end
  say(string.format('# first diagnostics after %.2f s', secs()))
  local want = { -- 1-based line, code, vim.diagnostic severity
    { 1, 'missing-section', 2 },   -- Performance Metrics (+ Metrics, Evaluation Datasets/Results)
    { 24, 'placeholder', 2 },      -- Parameters: ...
    { 34, 'placeholder', 2 },      -- Citation: ...
    { 47, 'empty-section', 2 },    -- Out-of-Scope or Unauthorized Use Cases
    { 62, 'missing-section', 2 },  -- Training Procedure, under Training Data
    { 65, 'placeholder', 2 },      -- TODO in Training Data
    { 132, 'placeholder', 2 },     -- TBD in Limitations
    { 151, 'heading-level', 3 },   -- ### Acknowledgements
  }
  local diags = vim.diagnostic.get(buf)
  table.sort(diags, function(a, b) return a.lnum < b.lnum end)
  local got_s, want_s = {}, {}
  for _, d in ipairs(diags) do
    table.insert(got_s, string.format('%d:%s:%s:%s', d.lnum + 1, d.code, d.severity, d.source))
  end
  for _, w in ipairs(want) do table.insert(want_s, string.format('%d:%s:%d:modelcard', w[1], w[2], w[3])) end
  check(#diags == 8, '8 diagnostics', tostring(#diags))
  check(table.concat(got_s, ' ') == table.concat(want_s, ' '), 'lines, codes, severities and source as documented',
        '\n#   got:  ' .. table.concat(got_s, ' ') .. '\n#   want: ' .. table.concat(want_s, ' '))
  local first = publishes_for(uri)[1]
  local tp = find_training_procedure(first.diagnostics)
  if not check(tp ~= nil and tp.range.start.line == 61, 'missing "Training Procedure" reported on line 62') then
    return
  end

  -- 4. Quick fix: request code actions for that diagnostic, apply the plain edit.
  local client = vim.lsp.get_client_by_id(client_id)
  if not check(client.server_capabilities.codeActionProvider ~= nil, 'server advertises codeActionProvider',
               'absent: this jar has no code actions yet') then return end
  local params = { textDocument = { uri = uri }, range = tp.range, context = { diagnostics = { tp } } }
  local responses, err = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, wait_ms)
  local resp = responses and responses[client_id]
  if not check(resp and not resp.err, 'textDocument/codeAction answered',
               vim.inspect(err or (resp and resp.err) or 'no response')) then return end
  local action, new_text
  for _, a in ipairs(resp.result or {}) do
    local texts = {}
    local edit = type(a.command) ~= 'string' and a.edit or nil -- a bare Command has a string command
    for _, edits in pairs(edit and edit.changes or {}) do
      for _, e in ipairs(edits) do table.insert(texts, e.newText) end
    end
    for _, dc in ipairs(edit and edit.documentChanges or {}) do
      for _, e in ipairs(dc.edits or {}) do table.insert(texts, e.newText) end
    end
    local text = table.concat(texts, '\n')
    if a.kind == 'quickfix.modelcard.missing-section' and (a.title or ''):sub(1, 6) == 'Insert'
        and a.command == nil and text:find('### Training Procedure', 1, true) then
      action, new_text = a, text
    end
  end
  local titles = {}
  for _, a in ipairs(resp.result or {}) do table.insert(titles, string.format('%s [%s]', a.title, a.kind)) end
  if not check(action ~= nil, 'an "Insert ..." quickfix.modelcard.missing-section action with a plain edit',
               'got: ' .. (#titles > 0 and table.concat(titles, '; ') or 'no actions')) then return end
  say('# applying: ' .. action.title)
  vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding or 'utf-16')
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  local has_heading = false
  for _, l in ipairs(lines) do
    if l:match('^### Training Procedure%s*$') then has_heading = true end
  end
  check(has_heading, 'buffer now contains "### Training Procedure"', 'inserted: ' .. vim.inspect(new_text))

  -- 5. Neovim sends didChange; wait for diagnostics for that version (or later).
  local version = (vim.lsp.util.buf_versions or {})[buf] or vim.api.nvim_buf_get_changedtick(buf)
  local after
  local got_after = vim.wait(wait_ms, function()
    for _, p in ipairs(publishes_for(uri)) do
      if type(p.version) == 'number' and p.version >= version then after = p end
    end
    return after ~= nil or exits[client_id] ~= nil
  end, 10)
  if not check(got_after and after ~= nil, 'diagnostics re-published for the edited version ' .. version) then return end
  check(find_training_procedure(after.diagnostics) == nil
        and find_training_procedure(vim.diagnostic.get(buf)) == nil,
        'the Training Procedure diagnostic is gone', string.format('%d diagnostics now', #after.diagnostics))
  local codes = {}
  for _, d in ipairs(after.diagnostics) do table.insert(codes, (d.range.start.line + 1) .. ':' .. tostring(d.code)) end
  say(string.format('# after the fix: %d diagnostics: %s', #after.diagnostics, table.concat(codes, ' ')))

  -- 6. A second card under the same root reuses the running server.
  vim.cmd('split ' .. vim.fn.fnameescape(proj .. '/other.modelcard.md'))
  local other = clients_of(0)
  check(#other == 1 and other[1] == client_id and #started == 1, 'other.modelcard.md reuses the same client',
        string.format('%d attached, %d started', #other, #started))
end

local ok, err = xpcall(main, debug.traceback)
check(ok, 'test driver ran without a Lua error', tostring(err))

-- 7. Clean shutdown: shutdown + exit, and the server process ends with status 0.
if client_id and not exits[client_id] then
  vim.lsp.stop_client(client_id)
  local exited = vim.wait(10000, function() return exits[client_id] ~= nil end, 10)
  local e = exits[client_id] or {}
  check(exited and e.code == 0 and e.signal == 0, 'server exited with status 0 after shutdown/exit',
        exited and string.format('code %s, signal %s', e.code, e.signal) or 'still running after 10 s')
  if not exited then vim.lsp.stop_client(client_id, true) end
elseif client_id then
  check(false, 'server still running before shutdown', vim.inspect(exits[client_id]))
end

say(string.format('# %d checks, %d failed, %.1f s', n, #failures, secs()))
if #failures > 0 then
  say('FAIL: ' .. table.concat(failures, '; '))
  vim.cmd('cquit')
else
  say('PASS')
  vim.cmd('qall!')
end
