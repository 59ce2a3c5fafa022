// Finding quotes in document text, exactly or modulo whitespace.
#include "store/quote.h"

#include "store/errors.h"
#include "text/utf8.h"

namespace telaah::store {

static bool is_ws(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

std::vector<text::Span> find_quote(const std::string& hay, const std::string& needle_in) {
  std::vector<text::Span> out;
  std::string needle = text::to_nfc(needle_in);
  if (needle.empty()) return out;
  text::OffsetMap map(hay);
  const int64_t nlen = static_cast<int64_t>(text::count_code_points(needle));
  for (size_t pos = hay.find(needle); pos != std::string::npos; pos = hay.find(needle, pos + 1)) {
    if (pos > 0 && text::is_continuation(static_cast<unsigned char>(hay[pos]))) continue;
    int64_t s = static_cast<int64_t>(map.to_cp(pos));
    out.push_back({s, s + nlen});
  }
  if (!out.empty()) return out;
  // Whitespace-insensitive: collapse runs of whitespace on both sides, keep a byte map.
  std::string folded;
  std::vector<size_t> origin;  // byte in hay of each folded byte
  folded.reserve(hay.size());
  origin.reserve(hay.size());
  for (size_t i = 0; i < hay.size(); ++i) {
    if (is_ws(hay[i])) {
      if (!folded.empty() && folded.back() == ' ') continue;
      folded += ' ';
    } else {
      folded += hay[i];
    }
    origin.push_back(i);
  }
  std::string fn;
  for (char c : needle) {
    if (is_ws(c)) {
      if (!fn.empty() && fn.back() == ' ') continue;
      fn += ' ';
    } else {
      fn += c;
    }
  }
  while (!fn.empty() && fn.back() == ' ') fn.pop_back();
  while (!fn.empty() && fn.front() == ' ') fn.erase(fn.begin());
  if (fn.empty()) return out;
  for (size_t pos = folded.find(fn); pos != std::string::npos; pos = folded.find(fn, pos + 1)) {
    size_t b = origin[pos];
    size_t e = origin[pos + fn.size() - 1] + 1;
    while (e < hay.size() && text::is_continuation(static_cast<unsigned char>(hay[e]))) ++e;
    out.push_back({static_cast<int64_t>(map.to_cp(b)), static_cast<int64_t>(map.to_cp(e))});
  }
  return out;
}

text::Span resolve_quote(const std::string& hay, const std::string& needle, int occurrence, const std::string& title) {
  if (needle.empty()) throw ValidationError("the quote is empty");
  auto hits = find_quote(hay, needle);
  std::string shown = needle.size() > 60 ? needle.substr(0, 57) + "..." : needle;
  if (hits.empty()) throw UserError("quote \"" + shown + "\" not found in '" + title + "'");
  if (occurrence == 0) {
    if (hits.size() > 1)
      throw UserError("quote \"" + shown + "\" occurs " + std::to_string(hits.size()) + " times in '" + title +
                      "'; say which with --occurrence N (1.." + std::to_string(hits.size()) + ")");
    return hits[0];
  }
  if (occurrence < 0 || static_cast<size_t>(occurrence) > hits.size())
    throw UserError("quote \"" + shown + "\" occurs " + std::to_string(hits.size()) + " time(s) in '" + title +
                    "', so occurrence " + std::to_string(occurrence) + " does not exist");
  return hits[static_cast<size_t>(occurrence - 1)];
}

}  // namespace telaah::store
