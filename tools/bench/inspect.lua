-- wrk script: POST /api/v2/inspect (JSON form) with the browser requests of browser-requests.lua.
-- Env: INFSEC_TOKEN (bearer token), MODE=benign|mixed.
package.path = package.path .. ";" .. (os.getenv("BENCH_DIR") or ".") .. "/?.lua"
local B = require("browser-requests")
local function json(s) return '"' .. s:gsub('\\', '\\\\'):gsub('"', '\\"'):gsub('\n', '\\n') .. '"' end
local bodies = {}
for i, r in ipairs(B.list(os.getenv("MODE") or "benign")) do
  local hs = {}
  for k, v in pairs(B.headers(r)) do table.insert(hs, json(k) .. ":" .. json(v)) end
  bodies[i] = string.format('{"method":%s,"url":%s,"headers":{%s}%s}', json(r[1]), json(r[2]), table.concat(hs, ","),
    r[4] and (',"body":' .. json(r[4])) or "")
end
local token = os.getenv("INFSEC_TOKEN")
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args)
  idx = 0; n200 = 0; nother = 0
  reqs = {}
  for i, b in ipairs(bodies) do
    reqs[i] = wrk.format("POST", "/api/v2/inspect", {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, b)
  end
end
function request() idx = idx % #reqs + 1; return reqs[idx] end
function response(status, headers, body) if status == 200 then n200 = n200 + 1 else nother = nother + 1 end end
function done(summary, latency, requests)
  local a, c = 0, 0
  for _, t in ipairs(threads) do a = a + t:get("n200"); c = c + t:get("nother") end
  io.write(string.format("statuses: 200=%d other=%d\n", a, c))
  io.write(string.format("RESULT req/s=%.0f p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
