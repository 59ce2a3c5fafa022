// UTF-8 helpers and the code point <-> byte offset map.
#include "text/utf8.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>

namespace telaah::text {

InvalidUtf8::InvalidUtf8(size_t pos, const std::string& what_prefix)
    : std::runtime_error(what_prefix + " is not valid UTF-8 (first bad byte at position " + std::to_string(pos) + ")"),
      byte_pos(pos) {}

std::optional<size_t> find_invalid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    char32_t cp;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else
      return i;
    if (i + len > n) return i;
    for (size_t k = 1; k < len; ++k) {
      if (!is_continuation(p[i + k])) return i;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000)) return i;  // overlong
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += len;
  }
  return std::nullopt;
}

void require_valid_utf8(std::string_view s, const std::string& what) {
  if (auto bad = find_invalid_utf8(s)) throw InvalidUtf8(*bad, what);
}

size_t count_code_points(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += !is_continuation(c);
  return n;
}

char32_t decode_next(std::string_view s, size_t& i) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    ++i;
    return c;
  }
  size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
  char32_t cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
  for (size_t k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80)
    out += static_cast<char>(cp);
  else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

static const icu::Normalizer2& nfc_instance() {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err) || !n) throw std::runtime_error("ICU NFC normaliser unavailable");
  return *n;
}

static bool all_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool is_nfc(std::string_view s) {
  if (all_ascii(s)) return true;
  UErrorCode err = U_ZERO_ERROR;
  auto u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  bool ok = nfc_instance().isNormalized(u, err);
  return U_SUCCESS(err) && ok;
}

std::string to_nfc(std::string_view s) {
  if (all_ascii(s)) return std::string(s);
  UErrorCode err = U_ZERO_ERROR;
  auto u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  icu::UnicodeString out = nfc_instance().normalize(u, err);
  if (U_FAILURE(err)) throw std::runtime_error("NFC normalisation failed");
  std::string r;
  out.toUTF8String(r);
  return r;
}

OffsetMap::OffsetMap(std::string_view text) : text_(text), bytes_(text.size()) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  size_t cp = 0;
  checkpoints_.reserve(text.size() / kStride + 2);
  for (size_t i = 0; i < text.size(); ++i) {
    if (is_continuation(p[i])) {
      ascii_ = false;
      continue;
    }
    if (p[i] >= 0x80) ascii_ = false;
    if (cp % kStride == 0) checkpoints_.push_back(static_cast<uint32_t>(i));
    ++cp;
  }
  cps_ = cp;
  if (ascii_) checkpoints_.clear();
}

size_t OffsetMap::to_byte(size_t cp) const {
  if (cp >= cps_) return bytes_;
  if (ascii_) return cp;
  size_t i = checkpoints_[cp / kStride];
  const auto* p = reinterpret_cast<const unsigned char*>(text_.data());
  for (size_t left = cp % kStride; left > 0; --left) {
    ++i;
    while (i < bytes_ && is_continuation(p[i])) ++i;
  }
  return i;
}

size_t OffsetMap::to_cp(size_t byte) const {
  if (byte >= bytes_) return cps_;
  if (ascii_) return byte;
  auto it = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), static_cast<uint32_t>(byte));
  size_t k = static_cast<size_t>(it - checkpoints_.begin()) - 1;
  size_t cp = k * kStride;
  const auto* p = reinterpret_cast<const unsigned char*>(text_.data());
  for (size_t i = checkpoints_[k] + 1; i <= byte; ++i)
    if (!is_continuation(p[i])) ++cp;
  return cp;
}

std::string_view slice_cp(std::string_view text, const OffsetMap& map, size_t start_cp, size_t end_cp) {
  size_t b = map.to_byte(start_cp), e = map.to_byte(std::max(start_cp, end_cp));
  return text.substr(b, e - b);
}

std::string normalise_newlines(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\r') {
      out += '\n';
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else if (c == '\xE2' && i + 2 < s.size() && s[i + 1] == '\x80' && (s[i + 2] == '\xA8' || s[i + 2] == '\xA9')) {
      out += '\n';
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

std::string one_line(std::string_view s, size_t max_cp, std::string_view ellipsis) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  if (count_code_points(out) <= max_cp) return out;
  const OffsetMap m(out);
  std::string cut(slice_cp(out, m, 0, max_cp));
  if (auto sp = cut.rfind(' '); sp != std::string::npos && sp > cut.size() / 2) cut.resize(sp);
  return cut.append(ellipsis);
}

}  // namespace telaah::text
