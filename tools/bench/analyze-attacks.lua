-- wrk script: POST /api/v1/analyze with a distinct SQL injection per request, so every request stores a threat.
-- The bearer token comes from the environment (INFSEC_TOKEN), never from this file.
local counter = 0
local token = os.getenv("INFSEC_TOKEN")
local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

request = function()
  counter = counter + 1
  local body = string.format('{"input":"x\' OR \'t%d_%d\'=\'t%d_%d"}', thread_id, counter, thread_id, counter)
  return wrk.format("POST", "/api/v1/analyze", { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, body)
end
