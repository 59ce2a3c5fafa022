// Keyword in context (content.h): one line per match of a query.
#include <algorithm>

#include "index/content.h"
#include "index/search.h"
#include "store/errors.h"
#include "text/utf8.h"

namespace telaah::index {

KwicSort kwic_sort_from(const std::string& s) {
  if (s == "doc" || s == "document" || s.empty()) return KwicSort::document;
  if (s == "left") return KwicSort::left;
  if (s == "right") return KwicSort::right;
  throw ValidationError("the KWIC order '" + s + "' is not one of doc, left or right");
}

// Runs of blanks and line breaks become one space; no trimming (the context
// keeps its space next to the keyword).
static std::string flatten(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool blank = false;
  for (char c : s) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      if (!blank) out += ' ';
      blank = true;
    } else {
      out += c;
      blank = false;
    }
  }
  return out;
}

static KwicLine line_at(std::string_view text, const text::OffsetMap& map, Id doc, int64_t start, int64_t end,
                        int width) {
  const auto len = static_cast<int64_t>(map.size_cp());
  start = std::clamp<int64_t>(start, 0, len);
  end = std::clamp<int64_t>(end, start, len);
  const int64_t w = std::max(0, width);
  KwicLine l;
  l.doc = doc;
  l.start = start;
  l.end = end;
  l.left = flatten(
      text::slice_cp(text, map, static_cast<size_t>(std::max<int64_t>(0, start - w)), static_cast<size_t>(start)));
  l.keyword = flatten(text::slice_cp(text, map, static_cast<size_t>(start), static_cast<size_t>(end)));
  l.right = flatten(text::slice_cp(text, map, static_cast<size_t>(end), static_cast<size_t>(std::min(len, end + w))));
  return l;
}

KwicLine kwic_line(std::string_view text, Id doc, int64_t start, int64_t end, int width) {
  const text::OffsetMap map(text);
  return line_at(text, map, doc, start, end, width);
}

// The context's words, nearest the keyword first.
static std::vector<std::string> key_words(const std::string& context, bool left) {
  std::vector<Token> toks;
  tokenize(context, toks);
  std::vector<std::string> out;
  out.reserve(toks.size());
  for (auto& t : toks) out.push_back(std::move(t.word));
  if (left) std::reverse(out.begin(), out.end());
  return out;
}

void sort_kwic(std::vector<KwicLine>& lines, KwicSort s) {
  auto by_place = [](const KwicLine& a, const KwicLine& b) {
    return a.doc != b.doc ? a.doc < b.doc : a.start < b.start;
  };
  if (s == KwicSort::document) {
    std::stable_sort(lines.begin(), lines.end(), by_place);
    return;
  }
  std::vector<std::pair<std::vector<std::string>, size_t>> keys;
  keys.reserve(lines.size());
  for (size_t i = 0; i < lines.size(); ++i)
    keys.emplace_back(key_words(s == KwicSort::left ? lines[i].left : lines[i].right, s == KwicSort::left), i);
  std::sort(keys.begin(), keys.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;  // word by word, byte order; a prefix first
    return by_place(lines[a.second], lines[b.second]);
  });
  std::vector<KwicLine> out;
  out.reserve(lines.size());
  for (const auto& k : keys) out.push_back(std::move(lines[k.second]));
  lines = std::move(out);
}

std::vector<KwicLine> kwic(Index& idx, const std::string& query, int width, KwicSort sort) {
  if (width < 1 || width > 1000) throw ValidationError("the KWIC width must be 1 to 1000 characters");
  Query q;
  q.text = query;
  q.limit = 100'000'000;
  q.all_matches = true;
  q.snippet_length = 0;
  auto r = idx.search(q);
  std::vector<KwicLine> out;
  for (const auto& h : r.hits) {
    const std::string text = idx.source().text(h.doc);
    const text::OffsetMap map(text);
    std::vector<Match> ms = h.matches;
    std::sort(ms.begin(), ms.end(), [](const Match& a, const Match& b) { return a.start < b.start; });
    ms.erase(std::unique(ms.begin(), ms.end(),
                         [](const Match& a, const Match& b) { return a.start == b.start && a.end == b.end; }),
             ms.end());
    for (const auto& m : ms) {
      KwicLine l = line_at(text, map, h.doc, m.start, m.end, width);
      l.title = h.title;
      l.date = h.date;
      l.source_type = h.source_type;
      out.push_back(std::move(l));
    }
  }
  sort_kwic(out, sort);
  return out;
}

}  // namespace telaah::index
