-- wrk script: POST /api/v2/analyze, one input per call, every fifth a distinct attack (stored), the rest benign.
local token = os.getenv("INFSEC_TOKEN")
local counter = 0
request = function()
  counter = counter + 1
  local input
  if counter % 5 == 0 then input = string.format("name' or 'b'='b -- %d", counter)
  else input = string.format("Please ship order %d to 12 Baker Street by Friday", counter) end
  local body = string.format('{"input":"%s"}', input)
  return wrk.format("POST", "/api/v2/analyze", { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, body)
end
