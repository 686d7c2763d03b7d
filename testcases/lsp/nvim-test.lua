-- Neovim (0.7+) headless with its built-in LSP client: open the case, wait
-- for pagelife's diagnostics, apply the code action, check the buffer
-- changed and the finding went away.  Any failure: :cquit (exit 1).
-- Environment: PAGELIFE (the binary), CASE (the C file), EXPECT (text the
-- fixed buffer must contain), CHECK (the check id expected).
local function fail(msg)
  io.stderr:write("nvim-test: FAIL: " .. msg .. "\n")
  vim.cmd("cquit 1")
end

local function run()
  local case, expect, check = os.getenv("CASE"), os.getenv("EXPECT"), os.getenv("CHECK")
  vim.cmd("edit " .. vim.fn.fnameescape(case))
  local buf = vim.api.nvim_get_current_buf()
  local last = nil
  local client_id = vim.lsp.start_client({
    name = "pagelife",
    cmd = { os.getenv("PAGELIFE"), "lsp" },
    root_dir = vim.fn.fnamemodify(case, ":h"),
    handlers = {
      ["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
        vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
        last = result
      end,
    },
  })
  if not client_id then return fail("could not start pagelife lsp") end
  vim.lsp.buf_attach_client(buf, client_id)

  if not vim.wait(60000, function() return last ~= nil and #last.diagnostics > 0 end, 50) then
    return fail("no diagnostics from pagelife lsp")
  end
  local d = last.diagnostics[1]
  if d.code ~= check then return fail("diagnostic code " .. tostring(d.code) .. ", want " .. check) end
  if #vim.diagnostic.get(buf) == 0 then return fail("diagnostics not shown in the buffer") end

  -- The user's way: :lua vim.lsp.buf.code_action() on the finding's line,
  -- picking the first action offered.
  local offered = 0
  vim.ui.select = function(items, _, on_choice)
    offered = #items
    on_choice(items[1], 1)
  end
  vim.api.nvim_win_set_cursor(0, { d.range.start.line + 1, d.range.start.character })
  last = nil
  vim.lsp.buf.code_action()
  local function text()
    return table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), "\n")
  end
  local before = text()
  if before:find(expect, 1, true) then return fail("the case already contains " .. expect) end
  if not vim.wait(30000, function() return text():find(expect, 1, true) ~= nil end, 50) then
    return fail("code action not applied (" .. offered .. " offered)")
  end
  -- The edit reaches the server as didChange: the finding goes away.
  if not vim.wait(60000, function()
    if last == nil then return false end
    for _, x in ipairs(last.diagnostics) do if x.code == check then return false end end
    return true
  end, 50) then
    return fail("the finding is still reported after the fix")
  end
  vim.lsp.stop_client(client_id)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
  io.stdout:write("nvim-test: PASS\n")
  vim.cmd("qall!")
end

local ok, err = pcall(run)
if not ok then fail(tostring(err)) end
