// Text encodings: byte-order marks, strict UTF-8, UTF-16 without a BOM,
// legacy Western single-byte text, and ICU's detector for the rest.
//
// Why not "not UTF-8 => Windows-1252": a Korean (EUC-KR) or Russian
// (Windows-1251) file decoded as Windows-1252 turns into plausible-looking
// mojibake that nobody notices until coding. Western text uses non-ASCII
// bytes sparingly (an é or a curly quote between ASCII letters); scripts
// that need a different code page use them in long runs. Only text that
// looks Western is decoded as Windows-1252; the rest goes to ICU's
// statistical detector, and when that is not confident either the user is
// asked for --encoding instead of getting silent garbage.
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include "ingest/importer.h"
#include "text/utf8.h"

namespace telaah::ingest {

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// Canonical names for the encodings users type.
std::string canonical(const std::string& encoding) {
  std::string e = lower(encoding);
  e.erase(std::remove_if(e.begin(), e.end(), [](char c) { return c == ' '; }), e.end());
  if (e == "utf8") return "utf-8";
  if (e == "utf16le" || e == "utf-16-le") return "utf-16le";
  if (e == "utf16be" || e == "utf-16-be") return "utf-16be";
  if (e == "latin1" || e == "latin-1" || e == "iso8859-1" || e == "iso88591" || e == "iso_8859-1") return "iso-8859-1";
  if (e == "cp1252" || e == "windows1252" || e == "win1252") return "windows-1252";
  return e;
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

// Strict conversion with ICU: an unmappable or malformed byte is an error
// (invalid bytes never reach the project), reported with its position.
std::string convert_strict(std::string_view bytes, const std::string& charset, const std::string& name) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> conv(ucnv_open(charset.c_str(), &err));
  if (U_FAILURE(err) || !conv)
    throw ImportError(name + ": unknown encoding '" + charset +
                      "' (use utf-8, utf-16le, utf-16be, windows-1252, iso-8859-1 or another ICU encoding name)");
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  std::u16string u16;
  u16.resize(bytes.size() + 8);
  const char* src = bytes.data();
  const char* src_end = bytes.data() + bytes.size();
  char16_t* dst = u16.data();
  err = U_ZERO_ERROR;
  ucnv_toUnicode(conv.get(), reinterpret_cast<UChar**>(&dst), reinterpret_cast<UChar*>(u16.data() + u16.size()), &src,
                 src_end, nullptr, true, &err);
  if (U_FAILURE(err)) {
    size_t pos = static_cast<size_t>(src - bytes.data());
    throw ImportError(name + ": the bytes near position " + std::to_string(pos ? pos - 1 : 0) + " are not valid " +
                      charset + "; give the right --encoding");
  }
  u16.resize(static_cast<size_t>(dst - u16.data()));
  std::string out;
  out.reserve(u16.size() * 2);
  for (size_t i = 0; i < u16.size(); ++i) {
    char32_t c = u16[i];
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < u16.size() && u16[i + 1] >= 0xDC00 && u16[i + 1] <= 0xDFFF) {
      c = 0x10000 + ((c - 0xD800) << 10) + (u16[i + 1] - 0xDC00);
      ++i;
    } else if (c >= 0xD800 && c <= 0xDFFF) {
      throw ImportError(name + ": the text holds a broken UTF-16 surrogate (at character " + std::to_string(i) +
                        "); the file is damaged or not " + charset);
    }
    text::append_utf8(out, c);
  }
  return out;
}

// UTF-16 without a byte-order mark: text in Latin scripts has a NUL in every
// other byte. Returns "utf-16le", "utf-16be" or "".
std::string sniff_utf16(std::string_view b) {
  if (b.size() < 4 || b.size() % 2) return "";
  const size_t n = std::min<size_t>(b.size(), 8192) / 2 * 2;
  size_t even = 0, odd = 0;
  for (size_t i = 0; i < n; i += 2) {
    even += b[i] == '\0';
    odd += b[i + 1] == '\0';
  }
  const size_t pairs = n / 2;
  if (odd * 10 >= pairs * 3 && even * 20 < pairs) return "utf-16le";
  if (even * 10 >= pairs * 3 && odd * 20 < pairs) return "utf-16be";
  return "";
}

// Does the text look like a Western European language in a Latin code page?
bool looks_western(std::string_view b) {
  size_t high = 0, in_long_runs = 0, run = 0;
  auto end_run = [&] {
    if (run >= 3) in_long_runs += run;
    run = 0;
  };
  for (unsigned char c : b) {
    if (c >= 0x80) {
      ++high;
      ++run;
      // Bytes Windows-1252 leaves undefined: not Western text.
      if (c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D) return false;
    } else {
      end_run();
    }
  }
  end_run();
  return high == 0 || in_long_runs * 10 < high * 3;
}

}  // namespace

EncodingGuess guess_encoding(std::string_view bytes) {
  if (bytes.size() >= 3 && std::memcmp(bytes.data(), "\xEF\xBB\xBF", 3) == 0) return {"utf-8", "UTF-8 byte-order mark"};
  if (bytes.size() >= 2 && std::memcmp(bytes.data(), "\xFF\xFE", 2) == 0)
    return {"utf-16le", "UTF-16 LE byte-order mark"};
  if (bytes.size() >= 2 && std::memcmp(bytes.data(), "\xFE\xFF", 2) == 0)
    return {"utf-16be", "UTF-16 BE byte-order mark"};
  if (auto u16 = sniff_utf16(bytes); !u16.empty())
    return {u16, "every other byte is NUL: UTF-16 without a byte-order mark"};
  if (!text::find_invalid_utf8(bytes)) return {"utf-8", "valid UTF-8"};
  if (looks_western(bytes))
    return {"windows-1252", "not UTF-8; the accented letters look like Windows-1252 / ISO-8859-1"};
  // ICU's statistical detector for the other legacy code pages.
  UErrorCode err = U_ZERO_ERROR;
  UCharsetDetector* det = ucsdet_open(&err);
  EncodingGuess out;
  if (U_SUCCESS(err)) {
    const auto len = static_cast<int32_t>(std::min<size_t>(bytes.size(), 1u << 20));
    ucsdet_setText(det, bytes.data(), len, &err);
    int32_t n = 0;
    const UCharsetMatch** all = ucsdet_detectAll(det, &n, &err);
    for (int32_t i = 0; U_SUCCESS(err) && i < n; ++i) {
      const char* cs = ucsdet_getName(all[i], &err);
      const int32_t conf = ucsdet_getConfidence(all[i], &err);
      if (U_FAILURE(err) || !cs) break;
      std::string c = lower(cs);
      if (c == "utf-8" || c.rfind("utf-16", 0) == 0 || c.rfind("utf-32", 0) == 0 || c.rfind("iso-8859-1", 0) == 0 ||
          c == "windows-1252")
        continue;  // ruled out above
      if (conf >= 30)
        out = {c, "not UTF-8; ICU's detector says " + std::string(cs) + " (confidence " + std::to_string(conf) + "%)"};
      break;
    }
    ucsdet_close(det);
  }
  return out;
}

std::string decode_to_utf8(std::string_view bytes, const std::string& encoding, const std::string& name,
                           std::vector<std::string>* notes) {
  auto note = [&](const std::string& s) {
    if (notes) notes->push_back(s);
  };
  std::string enc = canonical(encoding);
  // A byte-order mark that agrees with the requested encoding (or none requested) is dropped.
  if (bytes.size() >= 3 && std::memcmp(bytes.data(), "\xEF\xBB\xBF", 3) == 0 && (enc.empty() || enc == "utf-8")) {
    bytes.remove_prefix(3);
    enc = "utf-8";
    note("UTF-8 byte-order mark removed");
  } else if (bytes.size() >= 2 && (enc.empty() || enc == "utf-16le" || enc == "utf-16be" || enc == "utf-16") &&
             (std::memcmp(bytes.data(), "\xFF\xFE", 2) == 0 || std::memcmp(bytes.data(), "\xFE\xFF", 2) == 0)) {
    enc = bytes[0] == '\xFF' ? "utf-16le" : "utf-16be";
    bytes.remove_prefix(2);
    note(std::string("decoded from UTF-16 ") + (enc == "utf-16le" ? "LE" : "BE"));
  } else if (enc.empty()) {
    EncodingGuess g = guess_encoding(bytes);
    if (g.encoding.empty())
      throw ImportError(name +
                        ": not UTF-8, and the encoding cannot be told from the bytes; give --encoding "
                        "(for example windows-1252, iso-8859-1, euc-kr, shift_jis)");
    enc = g.encoding;
    if (enc != "utf-8") note("decoded as " + enc + " (" + g.reason + "); give --encoding to choose another");
  }
  if (enc == "utf-8") {
    if (auto bad = text::find_invalid_utf8(bytes))
      throw ImportError(name + ": not valid UTF-8 (first bad byte at position " + std::to_string(*bad) +
                        "); give --encoding windows-1252 or iso-8859-1 if it is legacy text");
    return std::string(bytes);
  }
  if (enc == "utf-16le" || enc == "utf-16be" || enc == "utf-16") {
    if (bytes.size() % 2) throw ImportError(name + ": UTF-16 text with an odd number of bytes (truncated file?)");
    if (enc == "utf-16") enc = "utf-16le";
    return convert_strict(bytes, enc == "utf-16le" ? "UTF-16LE" : "UTF-16BE", name);
  }
  // ISO-8859-1 as labelled on the web and in editors almost always means
  // Windows-1252 (the HTML standard decodes it so); 0x80-0x9F are C1
  // controls in ISO-8859-1 and never text, so decoding those as 1252 is right.
  if (enc == "iso-8859-1" || enc == "us-ascii" || enc == "ascii")
    enc = bytes.find_first_of(std::string_view("\x81\x8D\x8F\x90\x9D", 5)) == std::string_view::npos ? "windows-1252"
                                                                                                     : "iso-8859-1";
  return convert_strict(bytes, enc, name);
}

std::string clean_text(std::string_view s) {
  // Valid UTF-8 assumed. Drop control characters other than \t and \n, C1
  // controls, stray byte-order marks and non-characters; form feeds break lines.
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    size_t at = i;
    char32_t c = text::decode_next(s, i);
    if (c == '\f' || c == '\v') {
      out += '\n';
      continue;
    }
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0xFEFF ||
        c == 0xFFFE || c == 0xFFFF || (c >= 0xFDD0 && c <= 0xFDEF))
      continue;
    out.append(s.substr(at, i - at));
  }
  return out;
}

}  // namespace telaah::ingest
