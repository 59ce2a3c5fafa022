// Selection positions in text sources from other tools, and which counting
// convention they follow.
//
// REFI-QDA counts Unicode code points of the plain-text file. Real exporters
// deviate: some count UTF-16 code units (every character outside the Basic
// Multilingual Plane, such as emoji, counts twice), some count a CR LF line
// break as one position although the file stores two, some count LF as two
// because their editor used CR LF, some count a UTF-8 byte-order mark, and
// some read "the first and the last character" literally (end inclusive).
// SourceText holds a source's text as stored and as Telaah keeps it (LF line
// breaks, NFC) and maps positions under each convention; detect_convention
// picks, per source, the convention under which the selections are in range,
// match the quote text some tools put in the selection's name, and start and
// end on word boundaries most often.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace telaah::exchange {

struct Convention {
  enum class Unit { code_point, utf16 };
  enum class Breaks { as_stored, one, two };  // how a line break counts: as in the file, always 1, always 2
  Unit unit = Unit::code_point;
  Breaks breaks = Breaks::as_stored;
  bool bom_counted = false;    // the byte-order mark occupies position 0
  bool end_inclusive = false;  // endPosition is the last character, not the one after it
  bool standard() const {
    return unit == Unit::code_point && breaks == Breaks::as_stored && !bom_counted && !end_inclusive;
  }
  std::string describe() const;  // "code points (the standard)", "UTF-16 code units, CR LF counted as one"
  bool operator==(const Convention&) const = default;
};

// A selection as the file gives it, with the selection's name, which some
// tools (ATLAS.ti, Telaah) fill with the quoted text (maybe cut with "…").
struct RawSelection {
  int64_t start = 0, end = 0;
  std::string name;
};

class SourceText {
 public:
  // `raw`: the decoded text as stored (valid UTF-8; may hold CR LF, lone CR,
  // text not in NFC). `had_bom`: the file began with a UTF-8 byte-order mark.
  SourceText(std::string_view raw, bool had_bom);

  const std::string& text() const { return text_; }  // LF line breaks, NFC: what the project stores
  int64_t length() const { return static_cast<int64_t>(final_.size()); }
  bool has_crlf() const { return crlf_; }
  bool has_lone_lf() const { return lone_lf_; }
  bool has_astral() const { return astral_; }
  bool had_bom() const { return bom_; }
  bool was_nfc() const { return nfc_map_.empty(); }

  // The conventions that give different positions for this text, the standard first.
  std::vector<Convention> candidates() const;

  // Maps [start, end) under `c` to code points of text(); nullopt when a
  // position is out of range, splits a surrogate pair, or the span is empty.
  std::vector<std::optional<std::pair<int64_t, int64_t>>> map(const Convention& c,
                                                              const std::vector<RawSelection>& sels) const;

  // Neither side of the position is inside a word (letters, digits, marks).
  bool on_word_boundary(int64_t pos) const;
  std::string slice(int64_t start, int64_t end) const;  // code points of text()
  // name_matches_text(name, slice(start, end)) in time proportional to the
  // name, not to the span: a thousand selections over a long text stay linear.
  bool name_matches(std::string_view name, int64_t start, int64_t end) const;

 private:
  std::vector<char32_t> nl_;        // newline-normalised code points (before NFC)
  std::vector<uint8_t> break_len_;  // per nl_ code point: 0, or the stored length of that line break (1 or 2)
  std::vector<int64_t>
      nfc_map_;                  // nl_ position -> final position at composition boundaries, -1 inside; empty: identity
  std::vector<char32_t> final_;  // text() as code points
  std::string text_;
  bool crlf_ = false, lone_lf_ = false, astral_ = false, bom_ = false;
  mutable std::vector<int64_t> next_non_space_;  // per final_ position, built on first use
  int64_t to_final(int64_t nl_pos, bool is_end) const;
};

struct Detection {
  Convention convention;
  int64_t selections = 0, in_range = 0, name_matches = 0, on_boundaries = 0;  // boundaries: start and end each count
  std::vector<std::optional<std::pair<int64_t, int64_t>>> spans;              // under `convention`, per selection
};

Detection detect_convention(const SourceText& t, const std::vector<RawSelection>& sels);

// The name matches the text: equal after folding whitespace, or a prefix
// when the name ends in "…" or "...".
bool name_matches_text(std::string_view name, std::string_view text);

}  // namespace telaah::exchange
