#include "index/spelling.h"

#include <set>

namespace telaah::index {

std::string spelling_correction(const Xapian::Database& db, const std::string& word, unsigned max_edits) {
  if (word.empty()) return {};
  // Letters to insert or substitute: a-z and the word's own bytes (so that
  // a word with non-ASCII letters still gets its deletions and swaps).
  std::set<char> letters;
  for (char c = 'a'; c <= 'z'; ++c) letters.insert(c);
  bool ascii = true;
  for (char c : word) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  std::set<std::string> cand;
  const size_t n = word.size();
  for (size_t i = 0; i < n; ++i) {
    if (ascii || static_cast<unsigned char>(word[i]) < 0x80) cand.insert(word.substr(0, i) + word.substr(i + 1));
    if (i + 1 < n) {
      std::string s = word;
      std::swap(s[i], s[i + 1]);
      cand.insert(s);
    }
  }
  if (ascii)
    for (size_t i = 0; i <= n; ++i)
      for (char c : letters) {
        cand.insert(word.substr(0, i) + c + word.substr(i));
        if (i < n && word[i] != c) {
          std::string s = word;
          s[i] = c;
          cand.insert(s);
        }
      }
  std::string best;
  Xapian::doccount best_freq = 0;
  // One pass over the spelling table: the candidates are sorted.
  Xapian::TermIterator it = db.spellings_begin();
  const Xapian::TermIterator end = db.spellings_end();
  for (const auto& c : cand) {
    if (c == word || c.empty()) continue;
    if (it == end) break;
    it.skip_to(c);
    if (it == end || *it != c) continue;
    const Xapian::doccount f = it.get_termfreq();
    if (f > best_freq || (f == best_freq && f > 0 && c < best)) {
      best = c;
      best_freq = f;
    }
  }
  if (!best.empty() || max_edits < 2) return best;
  std::string s = db.get_spelling_suggestion(word, max_edits);
  return s == word ? std::string() : s;
}

}  // namespace telaah::index
