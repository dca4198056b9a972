-- wrk script: the browser requests of browser-requests.lua sent natively (headers, cookies, bodies) to
-- nginx + ModSecurity + CRS (../shared/tools/modsec-peer). Env: MODE=benign|mixed.
package.path = package.path .. ";" .. (os.getenv("BENCH_DIR") or ".") .. "/?.lua"
local B = require("browser-requests")
local list = B.list(os.getenv("MODE") or "benign")
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args)
  idx = 0; n200 = 0; n403 = 0; nother = 0
  reqs = {}
  for i, r in ipairs(list) do reqs[i] = wrk.format(r[1], r[2], B.headers(r), r[4]) end
end
function request() idx = idx % #reqs + 1; return reqs[idx] end
function response(status, headers, body)
  if status == 200 then n200 = n200 + 1 elseif status == 403 then n403 = n403 + 1 else nother = nother + 1 end
end
function done(summary, latency, requests)
  local a, b, c = 0, 0, 0
  for _, t in ipairs(threads) do a = a + t:get("n200"); b = b + t:get("n403"); c = c + t:get("nother") end
  io.write(string.format("statuses: 200=%d 403=%d other=%d\n", a, b, c))
  io.write(string.format("RESULT req/s=%.0f p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
