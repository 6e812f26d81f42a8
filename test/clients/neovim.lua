-- Neovim's own LSP client (vim.lsp, Neovim 0.7 as Debian ships it) against
-- the fleet-roles server, headless, as an author would use it: no plugin, no
-- lspconfig. Run by scripts/test-clients.js on a fresh copy of the sample
-- library; prints "ok - …" / "not ok - …" per check, then "N passed, N failed".
local workspace = assert(os.getenv('FLEET_ROLES_WORKSPACE'), 'FLEET_ROLES_WORKSPACE')
local roles = workspace .. '/roles'
local cmd = { assert(os.getenv('FLEET_ROLES_NODE')), assert(os.getenv('FLEET_ROLES_CLI')), 'server', '--stdio' }
local WAIT = 20000

local passed, failed = 0, 0
-- Each result on a line of its own: Neovim's own messages (the rename's write) go to the same stdout.
local function out(line) io.stdout:write('\n' .. line .. '\n') end
local function check(name, fn)
  local ok, err = pcall(fn)
  if ok then
    passed = passed + 1
    out('ok - ' .. name)
  else
    failed = failed + 1
    out('not ok - ' .. name .. ': ' .. tostring(err))
  end
end
local function expect(cond, message)
  if not cond then error(message, 2) end
end
local function wait_for(what, cond)
  expect(vim.wait(WAIT, cond, 20), 'timed out waiting for ' .. what)
end
local function read(path)
  local f = io.open(path, 'r')
  if not f then return nil end
  local text = f:read('*a')
  f:close()
  return text
end

local logged_errors = {}
local function record(_, result)
  if result and result.type == 1 then table.insert(logged_errors, result.message) end
end
-- The set-up the README gives for Neovim's built-in client, with the test's server command and handlers.
local client_id
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'markdown',
  callback = function(args)
    local file = vim.api.nvim_buf_get_name(args.buf)
    local config = vim.fn.findfile('fleet-roles.json', vim.fn.fnamemodify(file, ':p:h') .. ';')
    local root = config ~= '' and vim.fn.fnamemodify(config, ':p:h')
      or file:match('^(.*)/roles/') or vim.fn.fnamemodify(file, ':p:h')
    client_id = client_id or vim.lsp.start_client({
      name = 'fleet-roles', cmd = cmd, root_dir = root,
      handlers = { ['window/logMessage'] = record, ['window/showMessage'] = record },
    })
    vim.lsp.buf_attach_client(args.buf, client_id)
  end,
})

local seed = roles .. '/operations-manager.md'
vim.cmd('edit ' .. vim.fn.fnameescape(seed))
local seed_buf = vim.api.nvim_get_current_buf()
-- A reference being typed, there before the server starts: completion is asked at startup too.
vim.api.nvim_buf_set_lines(seed_buf, -1, -1, false, { '', 'Defects go to the **qa-eng' })

--- 0-based line and UTF-16 column of `needle` (plus `shift`) in a buffer.
local function position_of(buf, needle, shift)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local col = line:find(needle, 1, true)
    if col then return { line = i - 1, character = col - 1 + (shift or 0) } end
  end
  error(needle .. ' not in buffer ' .. buf)
end
local function request(buf, method, params)
  local responses = vim.lsp.buf_request_sync(buf, method, params, WAIT)
  local response = responses and responses[client_id]
  expect(response, method .. ': no answer')
  expect(not response.error, method .. ': ' .. vim.inspect(response.error))
  return response.result
end
local function at(buf, needle, shift)
  return { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = position_of(buf, needle, shift) }
end
local function codes(buf)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do table.insert(list, d.code) end
  return table.concat(list, ',')
end
local function first_location(result)
  if result == nil then return nil end
  if result.uri or result.targetUri then return result end
  return result[1]
end

wait_for('the client to start', function()
  local client = vim.lsp.get_client_by_id(client_id)
  return client ~= nil and client.initialized
end)

-- Asked the moment the server has answered initialize: the library is still loading.
check('definition at startup goes to the role file', function()
  local location = first_location(request(seed_buf, 'textDocument/definition', at(seed_buf, '**hr-generalist**', 4)))
  expect(location, 'no location')
  expect(vim.uri_to_fname(location.uri or location.targetUri) == roles .. '/hr-generalist.md', vim.inspect(location))
end)

check('hover at startup shows the role', function()
  local hover = request(seed_buf, 'textDocument/hover', at(seed_buf, '**hr-generalist**', 4))
  expect(hover and hover.contents, 'no hover')
  local text = table.concat(vim.lsp.util.convert_input_to_markdown_lines(hover.contents), '\n')
  expect(text:find('HR Generalist', 1, true), text)
end)

check('completion at startup offers the role and inserts it as Neovim\'s omnifunc does', function()
  local position = position_of(seed_buf, '**qa-eng', #'**qa-eng')
  local result = request(seed_buf, 'textDocument/completion', { textDocument = { uri = vim.uri_from_bufnr(seed_buf) }, position = position })
  local items = vim.lsp.util.extract_completion_items(result)
  local item
  for _, candidate in ipairs(items) do
    if candidate.label == 'qa-engineer' then item = candidate end
  end
  expect(item, 'qa-engineer not offered: ' .. vim.inspect(result))
  -- vim.lsp.omnifunc: the word starts where the items' text edits start (all
  -- alike), else at the keyword before the cursor; the word is the edit's
  -- newText; complete() puts it in place of what lies between start and cursor.
  local line = vim.api.nvim_buf_get_lines(seed_buf, position.line, position.line + 1, false)[1]
  local start = item.textEdit and item.textEdit.range.start.character or vim.fn.match(line:sub(1, position.character), '\\k*$')
  local word = vim.lsp.util.text_document_completion_list_to_complete_items(result, line:sub(start + 1, position.character))
  local chosen
  for _, w in ipairs(word) do
    if w.abbr == 'qa-engineer' then chosen = w.word end
  end
  expect(chosen, 'qa-engineer filtered out by Neovim')
  local inserted = line:sub(1, start) .. chosen .. line:sub(position.character + 1)
  expect(inserted == 'Defects go to the **qa-engineer**', inserted)
end)

-- The line typed for completion goes; the buffer is the file again.
local count = vim.api.nvim_buf_line_count(seed_buf)
vim.api.nvim_buf_set_lines(seed_buf, count - 2, count, false, {})
vim.cmd('silent write')

check('diagnostics are pushed: a misspelled role is an unknown-role, and the fix clears it', function()
  local pos = position_of(seed_buf, '**hr-generalist**', 2)
  vim.api.nvim_buf_set_text(seed_buf, pos.line, pos.character, pos.line, pos.character + #'hr-generalist', { 'hr-generalst' })
  wait_for('unknown-role', function() return codes(seed_buf) == 'unknown-role' end)
  local d = vim.diagnostic.get(seed_buf)[1]
  expect(d.message:find("Did you mean 'hr-generalist'", 1, true), d.message)
  expect(d.lnum == pos.line and d.col == pos.character, vim.inspect(d))
  vim.api.nvim_buf_set_text(seed_buf, pos.line, pos.character, pos.line, pos.character + #'hr-generalst', { 'hr-generalist' })
  wait_for('the diagnostics to clear', function() return codes(seed_buf) == '' end)
end)

check('rename moves the file, updates every reference, and the server follows the renamed file', function()
  local pos = position_of(seed_buf, '**hr-generalist**', 4)
  vim.api.nvim_win_set_cursor(0, { pos.line + 1, pos.character })
  vim.lsp.buf.rename('people-partner')
  wait_for('the file to move', function() return vim.loop.fs_stat(roles .. '/people-partner.md') ~= nil end)
  expect(vim.loop.fs_stat(roles .. '/hr-generalist.md') == nil, 'the old file is still there')
  vim.cmd('silent wall')
  -- References are bold names and link destinations; a link's text is prose and stays as written.
  for _, name in ipairs(vim.fn.readdir(roles)) do
    local text = read(roles .. '/' .. name) or ''
    expect(not text:find('**hr-generalist**', 1, true) and not text:find('hr-generalist.md', 1, true), name .. ' still refers to hr-generalist')
  end
  local moved = read(roles .. '/people-partner.md')
  expect(moved:find('class: people-partner', 1, true), 'the declaration of the moved file')
  -- The server indexes the new name: definition lands in the moved file, and nothing is unknown.
  wait_for('definition of the new name', function()
    local location = first_location(request(seed_buf, 'textDocument/definition', at(seed_buf, '**people-partner**', 4)))
    return location ~= nil and vim.uri_to_fname(location.uri or location.targetUri) == roles .. '/people-partner.md'
  end)
  local library = vim.fn.bufadd(roles .. '/LIBRARY.md')
  vim.fn.bufload(library)
  vim.wait(1000)
  for _, d in ipairs(vim.diagnostic.get()) do
    expect(d.severity ~= vim.diagnostic.severity.ERROR and d.severity ~= vim.diagnostic.severity.WARN,
      vim.api.nvim_buf_get_name(d.bufnr) .. ': ' .. d.message)
  end
end)

check('a role file deleted on disk outside the editor turns its references red', function()
  expect(codes(seed_buf) == '', 'the seed is clean first: ' .. codes(seed_buf))
  assert(os.remove(roles .. '/business-analyst.md'))
  wait_for('unknown-role on the seed', function() return codes(seed_buf) == 'unknown-role' end)
  expect(vim.diagnostic.get(seed_buf)[1].message:find('business-analyst', 1, true), vim.diagnostic.get(seed_buf)[1].message)
end)

check('the server logged no error', function()
  expect(#logged_errors == 0, table.concat(logged_errors, '\n'))
  expect(not vim.lsp.get_client_by_id(client_id).is_stopped(), 'the server stopped')
end)

out(string.format('%d passed, %d failed', passed, failed))
vim.lsp.stop_client(client_id)
vim.wait(2000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
if failed > 0 then vim.cmd('cquit 1') else vim.cmd('qall!') end
