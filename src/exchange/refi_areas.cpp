// Coordinate conventions of REFI-QDA area selections (refi_areas.h).
#include "exchange/refi_areas.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdlib>

namespace telaah::exchange::refi_area {
namespace {

uint32_t be32(std::string_view b, size_t i) {
  return (uint32_t(uint8_t(b[i])) << 24) | (uint32_t(uint8_t(b[i + 1])) << 16) | (uint32_t(uint8_t(b[i + 2])) << 8) |
         uint8_t(b[i + 3]);
}
uint16_t be16(std::string_view b, size_t i) {
  return uint16_t((uint8_t(b[i]) << 8) | uint8_t(b[i + 1]));
}
uint32_t rd32(std::string_view b, size_t i, bool le) {
  return le ? (uint32_t(uint8_t(b[i])) | (uint32_t(uint8_t(b[i + 1])) << 8) | (uint32_t(uint8_t(b[i + 2])) << 16) |
               (uint32_t(uint8_t(b[i + 3])) << 24))
            : be32(b, i);
}
uint16_t rd16(std::string_view b, size_t i, bool le) {
  return le ? uint16_t(uint8_t(b[i]) | (uint8_t(b[i + 1]) << 8)) : be16(b, i);
}

double raw_dpi(std::string_view b) {
  if (b.size() > 8 && b.substr(0, 8) == "\x89PNG\r\n\x1a\n") {
    for (size_t i = 8; i + 12 <= b.size();) {
      const uint32_t len = be32(b, i);
      if (b.substr(i + 4, 4) == "pHYs" && len >= 9 && i + 8 + 9 <= b.size()) {
        if (uint8_t(b[i + 16]) != 1) return 0;  // no unit: an aspect ratio only
        return std::floor(be32(b, i + 8) / 39.37 + 0.5);
      }
      if (b.substr(i + 4, 4) == "IDAT" || len > b.size()) break;
      i += 12 + size_t(len);
    }
    return 0;
  }
  if (b.size() > 4 && uint8_t(b[0]) == 0xFF && uint8_t(b[1]) == 0xD8) {
    for (size_t i = 2; i + 4 <= b.size() && uint8_t(b[i]) == 0xFF;) {
      const uint8_t m = uint8_t(b[i + 1]);
      const uint16_t len = be16(b, i + 2);
      if (m == 0xE0 && i + 4 + 12 <= b.size() && b.substr(i + 4, 5) == std::string_view("JFIF\0", 5)) {
        const uint8_t unit = uint8_t(b[i + 11]);
        const double d = be16(b, i + 12);
        return unit == 1 ? d : unit == 2 ? std::floor(d * 2.54 + 0.5) : 0;
      }
      if (m == 0xDA) break;
      i += 2 + size_t(len);
    }
    return 0;
  }
  if (b.size() > 8 && (b.substr(0, 4) == std::string_view("II*\0", 4) || b.substr(0, 4) == "MM\0*")) {
    const bool le = b[0] == 'I';
    const size_t ifd = rd32(b, 4, le);
    if (ifd + 2 > b.size()) return 0;
    const uint16_t n = rd16(b, ifd, le);
    double res = 0;
    int unit = 2;
    for (size_t k = 0; k < n && ifd + 2 + 12 * (k + 1) <= b.size(); ++k) {
      const size_t e = ifd + 2 + 12 * k;
      const uint16_t tag = rd16(b, e, le);
      if (tag == 282) {  // XResolution, a RATIONAL elsewhere in the file
        const size_t off = rd32(b, e + 8, le);
        if (off + 8 <= b.size() && rd32(b, off + 4, le)) res = double(rd32(b, off, le)) / rd32(b, off + 4, le);
      } else if (tag == 296) {
        unit = rd16(b, e + 8, le);
      }
    }
    return unit == 3 ? res * 2.54 : res;
  }
  return 0;
}

}  // namespace

double pdf_page_height(std::string_view pdf, bool* found) {
  if (found) *found = false;
  for (size_t at = pdf.find("/MediaBox"); at != std::string_view::npos; at = pdf.find("/MediaBox", at + 1)) {
    size_t i = at + 9;
    while (i < pdf.size() && std::isspace(static_cast<unsigned char>(pdf[i]))) ++i;
    if (i >= pdf.size() || pdf[i] != '[') continue;
    const std::string box(pdf.substr(i + 1, std::min<size_t>(200, pdf.size() - i - 1)));
    double v[4];
    const char* p = box.c_str();
    int got = 0;
    for (; got < 4; ++got) {
      char* end = nullptr;
      v[got] = std::strtod(p, &end);
      if (end == p) break;
      p = end;
    }
    if (got < 4) continue;
    const double h = std::fabs(v[3] - v[1]);
    if (h < 10 || h > 14400) continue;
    if (found) *found = true;
    return h;
  }
  return 842;
}

double image_dpi(std::string_view bytes) {
  const double d = raw_dpi(bytes);
  return d >= 50 && d <= 2400 ? d : 300.0;
}

store::CodingArea from_pdf(int page0, const Rect& r, double page_height) {
  store::CodingArea a;
  a.page = page0 + 1;
  const double top = page_height - static_cast<double>(std::max(r.y1, r.y2));
  a.x = static_cast<double>(std::min(r.x1, r.x2));
  a.y = std::max(0.0, top);
  a.w = static_cast<double>(std::llabs(r.x2 - r.x1));
  a.h = static_cast<double>(std::llabs(r.y2 - r.y1)) - (a.y - top);
  return a;
}

Rect to_pdf(const store::CodingArea& a, double page_height, int* page0) {
  *page0 = a.page - 1;
  Rect r;
  r.x1 = std::llround(a.x);
  r.x2 = std::llround(a.x + a.w);
  r.y1 = std::llround(page_height - a.y - a.h);  // the lower edge first, as ATLAS.ti writes
  r.y2 = std::llround(page_height - a.y);
  return r;
}

store::CodingArea from_picture(const Rect& r, double dpi) {
  const double k = 72.0 / dpi;
  store::CodingArea a;
  a.page = 1;
  a.x = static_cast<double>(std::min(r.x1, r.x2)) * k;
  a.y = static_cast<double>(std::min(r.y1, r.y2)) * k;
  a.w = static_cast<double>(std::llabs(r.x2 - r.x1)) * k;
  a.h = static_cast<double>(std::llabs(r.y2 - r.y1)) * k;
  return a;
}

Rect to_picture(const store::CodingArea& a, double dpi) {
  const double k = dpi / 72.0;
  return {std::llround(a.x * k), std::llround(a.y * k), std::llround((a.x + a.w) * k), std::llround((a.y + a.h) * k)};
}

std::string kind_of(const std::string& name) {
  const auto dot = name.rfind('.');
  if (dot == std::string::npos) return "";
  std::string e = name.substr(dot + 1);
  for (auto& c : e) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (e == "pdf") return "pdf";
  if (e == "png" || e == "jpg" || e == "jpeg" || e == "tif" || e == "tiff") return "image";
  return "";
}

}  // namespace telaah::exchange::refi_area
