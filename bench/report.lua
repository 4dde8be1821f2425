-- wrk script for Kyoso's benchmark.
--
--   wrk ... -s report.lua URL                      the same URL every time (cached path)
--   wrk ... -s report.lua URL -- PATHS THREADS     a different path per request, from the file
--                                                  PATHS (one a line), never repeating until the
--                                                  list is used up ("repeats" counts requests after that)
--
-- Every thread counts answers carrying "X-Kyoso-Cache: hit" (a page served from the shared
-- page cache). At the end one JSON line gives throughput, latency percentiles (ms) and those
-- counts.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

hits = 0
repeats = 0
wrapped = false

function init(args)
  if args[1] == nil then
    return
  end
  local paths = {}
  for line in io.lines(args[1]) do
    if line ~= "" then
      paths[#paths + 1] = line
    end
  end
  local step = tonumber(args[2] or "1")
  -- Threads interleave over the list: thread 1 takes 1, 1+step, ...; thread 2 takes 2, ...
  local index = id - step
  request = function()
    index = index + step
    if index > #paths then
      index = id
      wrapped = true
    end
    if wrapped then
      repeats = repeats + 1
    end
    return wrk.format(nil, paths[index])
  end
end

function response(status, headers, body)
  if headers["X-Kyoso-Cache"] == "hit" or headers["x-kyoso-cache"] == "hit" then
    hits = hits + 1
  end
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout
  local cache_hits, repeats = 0, 0
  for _, thread in ipairs(threads) do
    cache_hits = cache_hits + (thread:get("hits") or 0)
    repeats = repeats + (thread:get("repeats") or 0)
  end
  io.write(string.format(
    'WRK_JSON {"requests": %d, "seconds": %.3f, "rps": %.2f, "p50": %.2f, "p95": %.2f, '
      .. '"p99": %.2f, "max": %.2f, "non2xx": %d, "errors": %d, "cache_hits": %d, '
      .. '"repeats": %d}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, summary.errors.status, errors,
    cache_hits, repeats))
end
