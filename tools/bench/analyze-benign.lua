-- wrk script: POST /api/v1/analyze with benign text (nothing is stored): the service's ceiling without the write path.
local token = os.getenv("INFSEC_TOKEN")
local counter = 0
request = function()
  counter = counter + 1
  local body = string.format('{"input":"Please ship order %d to 12 Baker Street by Friday"}', counter)
  return wrk.format("POST", "/api/v1/analyze", { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, body)
end
