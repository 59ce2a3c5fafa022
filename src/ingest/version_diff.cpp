// The character diff that carries codings to a new version (rules in version_diff.h).
#include "ingest/version_diff.h"

#include <dtl/dtl.hpp>

#include <algorithm>

#include "text/utf8.h"

namespace telaah::ingest {

const char* to_string(Carry c) {
  switch (c) {
    case Carry::unchanged:
      return "unchanged";
    case Carry::moved:
      return "moved";
    case Carry::changed:
      return "changed";
    case Carry::vanished:
      return "vanished";
  }
  return "?";
}

namespace {

std::vector<char32_t> code_points(const std::string& s) {
  std::vector<char32_t> out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (size_t k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += n;
  }
  return out;
}

bool space(char32_t c) {
  return c == U' ' || c == U'\n' || c == U'\t';
}

}  // namespace

std::vector<Carried> carry_spans(const std::string& old_text, const std::string& new_text,
                                 const std::vector<Span>& spans) {
  const auto a = code_points(old_text), b = code_points(new_text);
  const auto na = static_cast<int64_t>(a.size()), nb = static_cast<int64_t>(b.size());
  // kept[i]: where old character i stands in the new text, or -1 when the diff deleted it.
  std::vector<int64_t> kept(a.size(), -1);
  dtl::Diff<char32_t, std::vector<char32_t>> d(a, b);
  if (a.size() + b.size() > 100000) d.onHuge();
  d.compose();
  for (const auto& [elem, info] : d.getSes().getSequence())
    if (info.type == dtl::SES_COMMON && info.beforeIdx >= 1 && info.beforeIdx <= na && info.afterIdx >= 1)
      kept[static_cast<size_t>(info.beforeIdx - 1)] = info.afterIdx - 1;
  // where(p): the new offset of old offset p — that of the first kept character at or after it.
  std::vector<int64_t> next(a.size() + 1, nb);
  for (int64_t i = na - 1; i >= 0; --i) next[i] = kept[i] >= 0 ? kept[i] : next[i + 1];

  std::vector<Carried> out;
  for (const auto& s : spans) {
    const int64_t st = std::clamp<int64_t>(s.start, 0, na), en = std::clamp<int64_t>(s.end, st, na);
    Carried c;
    int64_t first = -1, last = -1, count = 0;
    bool together = true;
    for (int64_t i = st; i < en; ++i) {
      if (kept[i] < 0) {
        together = false;
        continue;
      }
      if (last >= 0 && kept[i] != last + 1) together = false;
      if (first < 0) first = kept[i];
      last = kept[i];
      ++count;
    }
    const int64_t at = next[st];
    if (en > st && together && count == en - st) {
      c = {{first, last + 1}, Carry::unchanged};
    } else {
      // 2. the same text elsewhere, nearest to where the diff puts the start
      int64_t best = -1;
      if (en > st) {
        const auto needle_b = a.begin() + st, needle_e = a.begin() + en;
        for (auto it = std::search(b.begin(), b.end(), needle_b, needle_e); it != b.end();
             it = std::search(it + 1, b.end(), needle_b, needle_e)) {
          const int64_t pos = it - b.begin();
          if (best < 0 || std::llabs(pos - at) < std::llabs(best - at)) best = pos;
        }
      }
      if (best >= 0) {
        c = {{best, best + (en - st)}, Carry::moved};
      } else if (count * 2 >= en - st && count > 0) {
        c = {{first, last + 1}, Carry::changed};
      } else {
        // 4. vanished: the word at the start's new place (the last word when that is the end of the text)
        int64_t p = std::min(at, nb - 1);
        while (p < nb && space(b[p])) ++p;
        if (p >= nb) {
          p = nb - 1;
          while (p > 0 && space(b[p])) --p;
        }
        while (p > 0 && !space(b[p - 1])) --p;
        int64_t q = p;
        while (q < nb && !space(b[q])) ++q;
        c = {{p, std::max(q, p + 1)}, Carry::vanished};
      }
    }
    out.push_back(c);
  }
  return out;
}

}  // namespace telaah::ingest
