-- wrk script: POST /api/v2/analyze/batch with BATCH_SIZE items per call (default 100), the same mix as
-- analyze-single.lua: every fifth item a distinct attack (stored), the rest benign.
local token = os.getenv("INFSEC_TOKEN")
local size = tonumber(os.getenv("BATCH_SIZE") or "100")
local counter = 0
request = function()
  local items = {}
  for i = 1, size do
    counter = counter + 1
    local input
    if counter % 5 == 0 then input = string.format("name' or 'b'='b -- %d", counter)
    else input = string.format("Please ship order %d to 12 Baker Street by Friday", counter) end
    items[i] = string.format('{"id":"%d","input":"%s"}', counter, input)
  end
  local body = '{"items":[' .. table.concat(items, ",") .. ']}'
  return wrk.format("POST", "/api/v2/analyze/batch", { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, body)
end
