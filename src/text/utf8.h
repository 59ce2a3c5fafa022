// UTF-8 validation, code-point counting and NFC normalisation.
// The model counts positions in Unicode code points (REFI-QDA does too);
// the GUI and most libraries work in UTF-8 bytes. OffsetMap converts.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace telaah::text {

// Thrown for text that is not valid UTF-8; byte_pos is the first bad byte.
struct InvalidUtf8 : std::runtime_error {
  size_t byte_pos;
  InvalidUtf8(size_t pos, const std::string& what_prefix = "text");
};

// Byte position of the first invalid sequence (overlong, surrogate, > U+10FFFF,
// truncated), or nullopt when the whole string is valid UTF-8.
std::optional<size_t> find_invalid_utf8(std::string_view s);
void require_valid_utf8(std::string_view s, const std::string& what = "text");

size_t count_code_points(std::string_view s);  // s must be valid UTF-8

// Decodes the code point at byte i (valid UTF-8 assumed) and advances i.
char32_t decode_next(std::string_view s, size_t& i);
void append_utf8(std::string& out, char32_t cp);
inline bool is_continuation(unsigned char c) {
  return (c & 0xC0) == 0x80;
}

// Unicode NFC (ICU). Text entering a project is stored in NFC.
std::string to_nfc(std::string_view s);
bool is_nfc(std::string_view s);

// Code point <-> byte offset in O(log n): a checkpoint every kStride code points.
class OffsetMap {
 public:
  OffsetMap() = default;
  explicit OffsetMap(std::string_view text);
  size_t size_bytes() const { return bytes_; }
  size_t size_cp() const { return cps_; }
  size_t to_byte(size_t cp) const;  // cp clamped to size_cp()
  size_t to_cp(size_t byte) const;  // byte clamped; a byte inside a sequence counts as its code point
 private:
  static constexpr size_t kStride = 64;
  std::string_view text_;
  std::vector<uint32_t> checkpoints_;  // byte offset of code point k*kStride
  size_t bytes_ = 0, cps_ = 0;
  bool ascii_ = true;  // fast path: bytes == code points
};

// The substring [start_cp, end_cp) of text, in code points.
std::string_view slice_cp(std::string_view text, const OffsetMap& map, size_t start_cp, size_t end_cp);

// Line endings to \n (CRLF and lone CR), U+2028/2029 to \n.
std::string normalise_newlines(std::string_view s);

// A quote for a list or a report: one line (runs of spaces, tabs and line
// breaks become one space, none at the start or end), and when it is longer
// than `max_cp` code points, cut at a word boundary in its second half and
// `ellipsis` appended. `s` must be valid UTF-8.
std::string one_line(std::string_view s, size_t max_cp, std::string_view ellipsis);

}  // namespace telaah::text
