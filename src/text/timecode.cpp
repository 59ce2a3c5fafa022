// Clock strings and the offset <-> time mapping of timecode.h.
#include "text/timecode.h"

#include <algorithm>
#include <cstdio>

namespace telaah::text {

namespace {

bool digits(std::string_view s, size_t lo, size_t hi) {
  if (s.size() < lo || s.size() > hi) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int64_t num(std::string_view s) {
  int64_t v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// The anchors the rule uses: (0,0) when the first point is later, the kept
// points in position order, and (text_len, duration) when the recording runs on.
std::vector<SyncPoint> anchors(const std::vector<SyncPoint>& points, int64_t text_len, int64_t duration_ms) {
  std::vector<SyncPoint> s = points;
  std::stable_sort(s.begin(), s.end(), [](const SyncPoint& a, const SyncPoint& b) { return a.pos < b.pos; });
  std::vector<SyncPoint> out;
  if (s.empty() || s.front().pos > 0) out.push_back({0, 0});
  for (const auto& p : s) {
    if (!out.empty() && p.time_ms < out.back().time_ms) continue;
    if (!out.empty() && p.pos == out.back().pos) continue;  // the first time said at a place holds
    out.push_back(p);
  }
  if (duration_ms > out.back().time_ms && text_len > out.back().pos) out.push_back({text_len, duration_ms});
  return out;
}

}  // namespace

std::optional<int64_t> parse_clock(std::string_view s) {
  int64_t frac_ms = 0;
  const size_t cut = s.find_first_of(".,-");
  if (cut != std::string_view::npos) {
    std::string_view f = s.substr(cut + 1);
    if (s[cut] == '-') {
      if (!digits(f, 1, 1)) return std::nullopt;
      frac_ms = num(f) * 100;
    } else {
      if (!digits(f, 1, 3)) return std::nullopt;
      frac_ms = num(f) * (f.size() == 1 ? 100 : f.size() == 2 ? 10 : 1);
    }
    s = s.substr(0, cut);
  }
  std::vector<std::string_view> parts;
  size_t b = 0;
  while (true) {
    size_t c = s.find(':', b);
    parts.push_back(s.substr(b, c == std::string_view::npos ? std::string_view::npos : c - b));
    if (c == std::string_view::npos) break;
    b = c + 1;
  }
  if (parts.size() < 2 || parts.size() > 3) return std::nullopt;
  int64_t h = 0, m = 0, sec = 0;
  if (parts.size() == 3) {
    if (!digits(parts[0], 1, 2) || !digits(parts[1], 2, 2) || !digits(parts[2], 2, 2)) return std::nullopt;
    h = num(parts[0]);
    m = num(parts[1]);
    sec = num(parts[2]);
  } else {
    if (!digits(parts[0], 1, 2) || !digits(parts[1], 2, 2)) return std::nullopt;
    m = num(parts[0]);
    sec = num(parts[1]);
  }
  if (m >= 60 || sec >= 60) return std::nullopt;
  return ((h * 60 + m) * 60 + sec) * 1000 + frac_ms;
}

std::string format_clock(int64_t ms) {
  if (ms < 0) ms = 0;
  const int64_t h = ms / 3600000, m = ms / 60000 % 60, s = ms / 1000 % 60, f = ms % 1000;
  char buf[48];
  if (h > 0)
    std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", static_cast<long long>(h), static_cast<long long>(m),
                  static_cast<long long>(s));
  else
    std::snprintf(buf, sizeof buf, "%02lld:%02lld", static_cast<long long>(m), static_cast<long long>(s));
  std::string out = buf;
  if (f) {
    std::snprintf(buf, sizeof buf, ".%03lld", static_cast<long long>(f));
    out += buf;
  }
  return out;
}

int64_t time_at(const std::vector<SyncPoint>& points, int64_t pos, int64_t text_len, int64_t duration_ms) {
  const auto a = anchors(points, text_len, duration_ms);
  if (pos <= a.front().pos) return a.front().time_ms;
  for (size_t i = 1; i < a.size(); ++i)
    if (pos < a[i].pos)
      return a[i - 1].time_ms + (pos - a[i - 1].pos) * (a[i].time_ms - a[i - 1].time_ms) / (a[i].pos - a[i - 1].pos);
  return a.back().time_ms;
}

int64_t pos_at(const std::vector<SyncPoint>& points, int64_t time_ms, int64_t text_len, int64_t duration_ms) {
  const auto a = anchors(points, text_len, duration_ms);
  int64_t pos = a.back().pos;
  if (time_ms <= a.front().time_ms)
    pos = a.front().pos;
  else
    for (size_t i = 1; i < a.size(); ++i)
      if (time_ms < a[i].time_ms) {
        pos =
            a[i - 1].pos + (time_ms - a[i - 1].time_ms) * (a[i].pos - a[i - 1].pos) / (a[i].time_ms - a[i - 1].time_ms);
        break;
      }
  return std::clamp<int64_t>(pos, 0, std::max<int64_t>(text_len, 0));
}

}  // namespace telaah::text
