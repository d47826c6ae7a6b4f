-- modelcard-ls for Neovim 0.7+ with no plugins.
--
-- Load it from init.lua with dofile('/path/to/modelcard.lua'), or save it as
-- ~/.config/nvim/lua/modelcard.lua and require('modelcard').
-- Options, read when a card is opened:
--   vim.g.modelcard_launcher  the bin/modelcard-ls launcher (else modelcard-ls on PATH, else
--                             the one beside the jar, else this repository's bin/modelcard-ls);
--                             it holds the JVM flags and the class-data archive
--   vim.g.modelcard_jar       modelcard-ls.jar (else $MODELCARD_LS_JAR, else
--                             ~/.local/share/modelcard-ls/modelcard-ls.jar)
--   vim.g.modelcard_java      Java 17+ executable (default: the launcher's choice)
--   vim.g.modelcard_settings  initializationOptions, e.g. { template = "czi" }

local M = {}

M.root_markers = { '.git', '.modelcard.yaml' }
M.clients = {} -- root folder -> client id, for the start_client path

-- The server only checks these names (any case), so don't start a JVM for other Markdown.
function M.is_card(path)
  local name = vim.fn.fnamemodify(path, ':t'):lower()
  return name == 'readme.md' or name == 'model_card.md' or name:match('%.modelcard%.md$') ~= nil
end

-- Nearest folder holding a root marker, else the file's own folder.
function M.root_dir(path)
  local dir = vim.fn.fnamemodify(path, ':p:h')
  local d = dir
  while true do
    for _, marker in ipairs(M.root_markers) do
      if vim.loop.fs_stat(d .. '/' .. marker) then return d end
    end
    local parent = vim.fn.fnamemodify(d, ':h')
    if parent == d then return dir end
    d = parent
  end
end

function M.jar()
  local env = os.getenv('MODELCARD_LS_JAR')
  local jar = vim.g.modelcard_jar or (env ~= '' and env) or '~/.local/share/modelcard-ls/modelcard-ls.jar'
  return vim.fn.expand(jar)
end

function M.launcher()
  if vim.g.modelcard_launcher then return vim.fn.expand(vim.g.modelcard_launcher) end
  if vim.fn.executable('modelcard-ls') == 1 then return vim.fn.exepath('modelcard-ls') end
  local beside = vim.fn.fnamemodify(M.jar(), ':h') .. '/modelcard-ls'
  if vim.fn.executable(beside) == 1 then return beside end
  local here = debug.getinfo(1, 'S').source:gsub('^@', '')
  return vim.fn.fnamemodify(here, ':p:h:h:h') .. '/bin/modelcard-ls'
end

function M.config(root)
  local settings = vim.g.modelcard_settings
  local java = vim.g.modelcard_java
  return {
    name = 'modelcard',
    cmd = { M.launcher(), '--stdio' },
    cmd_env = { MODELCARD_LS_JAR = M.jar(),
                MODELCARD_JAVA_HOME = java and java:find('/') and vim.fn.fnamemodify(java, ':p:h:h') or nil },
    root_dir = root,
    -- An empty Lua table would go out as a JSON array, so send nothing instead.
    init_options = (type(settings) == 'table' and next(settings)) and settings or nil,
  }
end

local warned = false

-- Starts (or reuses) the client for a buffer; returns the client id or nil.
function M.start(bufnr)
  local path = vim.api.nvim_buf_get_name(bufnr)
  if path == '' or not M.is_card(path) then return nil end
  if vim.fn.filereadable(M.jar()) ~= 1 then
    if not warned then
      warned = true
      vim.notify('modelcard-ls: no jar at ' .. M.jar() .. ' (set vim.g.modelcard_jar or $MODELCARD_LS_JAR)',
                 vim.log.levels.WARN)
    end
    return nil
  end
  local root = M.root_dir(path)
  if vim.lsp.start then -- Neovim 0.8+: reuses a client with the same name and root
    return vim.lsp.start(M.config(root), { bufnr = bufnr })
  end
  -- Neovim 0.7: one client per root, started on first use
  local id = M.clients[root]
  if not (id and vim.lsp.get_client_by_id(id)) then
    id = vim.lsp.start_client(M.config(root))
    M.clients[root] = id
  end
  if id then vim.lsp.buf_attach_client(bufnr, id) end
  return id
end

vim.api.nvim_create_autocmd('FileType', {
  group = vim.api.nvim_create_augroup('modelcard_ls', { clear = true }),
  pattern = 'markdown',
  desc = 'Start modelcard-ls on model card files',
  callback = function(args) M.start(args.buf) end,
})

return M
