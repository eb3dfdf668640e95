-- GETs a fixed list of paths in turn (each thread starting at its own place), with a bearer token.
-- Arguments: token, file with one path per line.
local threads = {}
local paths = {}
local next_index = 1

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  wrk.headers["Authorization"] = "Bearer " .. args[1]
  for line in io.lines(args[2]) do
    if #line > 0 then
      table.insert(paths, line)
    end
  end
  next_index = ((tid - 1) * 7) % #paths + 1
end

function request()
  local path = paths[next_index]
  next_index = next_index % #paths + 1
  return wrk.format("GET", path)
end
