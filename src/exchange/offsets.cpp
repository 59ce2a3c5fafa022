// Position conventions of selections in text sources from other tools.
#include "exchange/offsets.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <numeric>
#include <optional>
#include <stdexcept>

#include "text/structure.h"
#include "text/utf8.h"

namespace telaah::exchange {

std::string Convention::describe() const {
  std::string s = unit == Unit::code_point ? "code points" : "UTF-16 code units";
  if (breaks == Breaks::one) s += ", a CR LF line break counted as one position";
  if (breaks == Breaks::two) s += ", every line break counted as two positions (CR LF)";
  if (bom_counted) s += ", the byte-order mark counted as position 0";
  if (end_inclusive) s += ", end position inclusive (the last character, not the one after it)";
  if (standard()) s += " (the standard)";
  return s;
}

static const icu::Normalizer2& nfc() {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err) || !n) throw std::runtime_error("ICU NFC normaliser unavailable");
  return *n;
}

SourceText::SourceText(std::string_view raw, bool had_bom) : bom_(had_bom) {
  nl_.reserve(raw.size());
  break_len_.reserve(raw.size());
  size_t i = 0;
  while (i < raw.size()) {
    char32_t c = text::decode_next(raw, i);
    if (c == '\r') {
      uint8_t len = 1;
      if (i < raw.size() && raw[i] == '\n') {
        ++i;
        len = 2;
        crlf_ = true;
      }
      nl_.push_back('\n');
      break_len_.push_back(len);
    } else if (c == '\n' || c == 0x2028 || c == 0x2029) {
      if (c == '\n') lone_lf_ = true;
      nl_.push_back('\n');
      break_len_.push_back(1);
    } else {
      if (c > 0xFFFF) astral_ = true;
      nl_.push_back(c);
      break_len_.push_back(0);
    }
  }
  std::string nl_utf8;
  nl_utf8.reserve(raw.size());
  for (char32_t c : nl_) text::append_utf8(nl_utf8, c);
  if (text::is_nfc(nl_utf8)) {
    final_ = nl_;
    text_ = std::move(nl_utf8);
    return;
  }
  // Normalise chunk by chunk between composition boundaries, so that every
  // boundary keeps an exact position in the normalised text.
  const icu::Normalizer2& n = nfc();
  nfc_map_.assign(nl_.size() + 1, -1);
  size_t a = 0;
  while (a < nl_.size()) {
    size_t b = a + 1;
    while (b < nl_.size() && !n.hasBoundaryBefore(static_cast<UChar32>(nl_[b]))) ++b;
    icu::UnicodeString chunk;
    for (size_t k = a; k < b; ++k) chunk.append(static_cast<UChar32>(nl_[k]));
    UErrorCode err = U_ZERO_ERROR;
    icu::UnicodeString out = n.normalize(chunk, err);
    if (U_FAILURE(err)) throw std::runtime_error("NFC normalisation failed");
    nfc_map_[a] = static_cast<int64_t>(final_.size());
    for (int32_t k = 0; k < out.length();) {
      UChar32 c = out.char32At(k);
      final_.push_back(static_cast<char32_t>(c));
      k += U16_LENGTH(c);
    }
    a = b;
  }
  nfc_map_[nl_.size()] = static_cast<int64_t>(final_.size());
  for (char32_t c : final_) text::append_utf8(text_, c);
}

int64_t SourceText::to_final(int64_t p, bool is_end) const {
  if (nfc_map_.empty()) return p;
  // Inside a composition: a start moves back to its beginning, an end forward to its end.
  if (is_end)
    while (nfc_map_[static_cast<size_t>(p)] < 0) ++p;
  else
    while (nfc_map_[static_cast<size_t>(p)] < 0) --p;
  return nfc_map_[static_cast<size_t>(p)];
}

std::vector<Convention> SourceText::candidates() const {
  using U = Convention::Unit;
  using B = Convention::Breaks;
  std::vector<U> units{U::code_point};
  if (astral_) units.push_back(U::utf16);
  std::vector<B> breaks{B::as_stored};
  if (crlf_) breaks.push_back(B::one);     // the stored CR LF counted once
  if (lone_lf_) breaks.push_back(B::two);  // a stored LF counted as CR LF
  std::vector<bool> boms{false};
  if (bom_) boms.push_back(true);
  std::vector<Convention> out;
  for (bool incl : {false, true})
    for (bool bom : boms)
      for (B b : breaks)
        for (U u : units) out.push_back({u, b, bom, incl});
  return out;
}

std::vector<std::optional<std::pair<int64_t, int64_t>>> SourceText::map(const Convention& c,
                                                                        const std::vector<RawSelection>& sels) const {
  // One pass over the text for all positions, sorted.
  struct Ask {
    int64_t pos;
    size_t sel;
    bool end;
  };
  std::vector<Ask> asks;
  asks.reserve(sels.size() * 2);
  for (size_t s = 0; s < sels.size(); ++s) {
    asks.push_back({sels[s].start, s, false});
    asks.push_back({sels[s].end + (c.end_inclusive ? 1 : 0), s, true});
  }
  std::sort(asks.begin(), asks.end(), [](const Ask& a, const Ask& b) { return a.pos < b.pos; });
  std::vector<int64_t> nl_pos(asks.size(), -1);  // per ask (sorted order), -1 invalid
  int64_t vendor = c.bom_counted ? 1 : 0;
  size_t k = 0;
  while (k < asks.size() && asks[k].pos < vendor) {
    nl_pos[k] = asks[k].pos < 0 ? -1 : 0;  // position 0 is the mark itself: the text starts after it
    ++k;
  }
  for (size_t i = 0; i <= nl_.size() && k < asks.size(); ++i) {
    int64_t w = 1;
    if (i < nl_.size()) {
      if (break_len_[i])
        w = c.breaks == Convention::Breaks::as_stored ? break_len_[i] : c.breaks == Convention::Breaks::one ? 1 : 2;
      else if (c.unit == Convention::Unit::utf16 && nl_[i] > 0xFFFF)
        w = 2;
    }
    while (k < asks.size() && asks[k].pos == vendor) nl_pos[k++] = static_cast<int64_t>(i);
    if (i == nl_.size()) break;
    // Positions inside a unit: between CR and LF is a line-break position (snapped),
    // inside a surrogate pair means the convention is wrong for this selection.
    while (k < asks.size() && asks[k].pos < vendor + w) {
      nl_pos[k] = break_len_[i] ? static_cast<int64_t>(i) + (asks[k].end ? 1 : 0) : -1;
      ++k;
    }
    vendor += w;
  }
  std::vector<int64_t> start(sels.size(), -1), end(sels.size(), -1);
  for (size_t j = 0; j < asks.size(); ++j) {
    int64_t p = nl_pos[j];
    if (p >= 0) p = to_final(p, asks[j].end);
    (asks[j].end ? end : start)[asks[j].sel] = p;
  }
  std::vector<std::optional<std::pair<int64_t, int64_t>>> out(sels.size());
  for (size_t s = 0; s < sels.size(); ++s)
    if (start[s] >= 0 && end[s] > start[s]) out[s] = std::make_pair(start[s], end[s]);
  return out;
}

bool SourceText::on_word_boundary(int64_t pos) const {
  if (pos <= 0 || pos >= length()) return true;
  return !(text::is_word_char(final_[static_cast<size_t>(pos - 1)]) &&
           text::is_word_char(final_[static_cast<size_t>(pos)]));
}

std::string SourceText::slice(int64_t start, int64_t end) const {
  std::string out;
  start = std::clamp<int64_t>(start, 0, length());
  end = std::clamp<int64_t>(end, start, length());
  for (int64_t i = start; i < end; ++i) text::append_utf8(out, final_[static_cast<size_t>(i)]);
  return out;
}

// Whitespace folded to single spaces, trimmed.
static std::string fold(std::string_view s) {
  std::string out;
  bool space = false;
  size_t i = 0;
  while (i < s.size()) {
    size_t at = i;
    char32_t c = text::decode_next(s, i);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x2028 || c == 0x2029) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out.append(s.substr(at, i - at));
  }
  return out;
}

static bool is_fold_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x2028 || c == 0x2029;
}

// The name as it is compared: whitespace folded, NFC; `cut` when it ends in an ellipsis.
static std::optional<std::string> folded_name(std::string_view name, bool& cut) {
  if (name.empty() || text::find_invalid_utf8(name)) return std::nullopt;
  std::string n = fold(name);
  cut = false;
  for (std::string_view ell : {std::string_view("\xE2\x80\xA6"), std::string_view("...")})
    if (n.size() >= ell.size() && n.compare(n.size() - ell.size(), ell.size(), ell) == 0) {
      n = fold(n.substr(0, n.size() - ell.size()));
      cut = true;
      break;
    }
  if (n.empty()) return std::nullopt;
  return text::to_nfc(n);
}

bool name_matches_text(std::string_view name, std::string_view txt) {
  bool cut = false;
  auto n = folded_name(name, cut);
  if (!n) return false;
  std::string t = fold(txt);
  if (!cut) return t == *n;
  return t.size() >= n->size() && t.compare(0, n->size(), *n) == 0;
}

bool SourceText::name_matches(std::string_view name, int64_t start, int64_t end) const {
  bool cut = false;
  auto n = folded_name(name, cut);
  if (!n) return false;
  if (next_non_space_.empty()) {  // once per text: where each run of whitespace ends
    next_non_space_.assign(final_.size() + 1, static_cast<int64_t>(final_.size()));
    for (size_t i = final_.size(); i-- > 0;)
      next_non_space_[i] = is_fold_space(final_[i]) ? next_non_space_[i + 1] : static_cast<int64_t>(i);
  }
  start = std::clamp<int64_t>(start, 0, length());
  end = std::clamp<int64_t>(end, start, length());
  // The folded span, produced only as far as the name reaches.
  std::string out;
  size_t checked = 0;  // bytes of out already compared with the name
  int64_t i = next_non_space_[static_cast<size_t>(start)];
  while (i < end) {
    if (is_fold_space(final_[static_cast<size_t>(i)])) {
      i = next_non_space_[static_cast<size_t>(i)];
      if (i >= end) break;  // trailing whitespace folds away
      out += ' ';
    } else {
      text::append_utf8(out, final_[static_cast<size_t>(i)]);
      ++i;
    }
    if (out.size() > n->size()) break;
    if (out.compare(checked, out.size() - checked, *n, checked, out.size() - checked) != 0) return false;
    checked = out.size();
  }
  if (cut) return out.size() >= n->size() && out.compare(0, n->size(), *n) == 0;
  return out == *n;
}

Detection detect_convention(const SourceText& t, const std::vector<RawSelection>& sels) {
  Detection best;
  bool have = false;
  for (const Convention& c : t.candidates()) {
    Detection d;
    d.convention = c;
    d.selections = static_cast<int64_t>(sels.size());
    d.spans = t.map(c, sels);
    for (size_t s = 0; s < sels.size(); ++s) {
      if (!d.spans[s]) continue;
      auto [a, b] = *d.spans[s];
      ++d.in_range;
      d.on_boundaries += (t.on_word_boundary(a) ? 1 : 0) + (t.on_word_boundary(b) ? 1 : 0);
      if (!sels[s].name.empty() && t.name_matches(sels[s].name, a, b)) ++d.name_matches;
    }
    // In range first, then names that quote the text, then word boundaries;
    // a tie keeps the earlier candidate (the standard comes first).
    auto key = [](const Detection& x) { return std::make_tuple(x.in_range, x.name_matches, x.on_boundaries); };
    if (!have || key(d) > key(best)) {
      best = std::move(d);
      have = true;
    }
  }
  return best;
}

}  // namespace telaah::exchange
