// OCR with Tesseract (rules in ocr.h).
#include "ingest/ocr.h"

#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>

#include "text/utf8.h"

namespace telaah::ingest::ocr {

namespace {

// Where Debian's tesseract-ocr-LANG packages put their models.
std::filesystem::path tessdata_dir() {
  if (const char* env = std::getenv("TESSDATA_PREFIX"); env && *env) return env;
  for (const char* d :
       {"/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata", "/usr/share/tessdata"})
    if (std::filesystem::exists(std::filesystem::path(d) / "eng.traineddata")) return d;
  return "/usr/share/tesseract-ocr/5/tessdata";
}

// One OCR'd word: valid, clean, NFC, without spaces inside.
std::string clean_word(const char* raw) {
  if (!raw) return "";
  std::string s = raw;
  if (text::find_invalid_utf8(s)) return "";
  s = text::to_nfc(clean_text(s));
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\n' && c != '\t' && c != '\r') out += c;
  return out;
}

bool lower_ascii(char c) {
  return c >= 'a' && c <= 'z';
}

}  // namespace

std::string languages(const std::string& requested, const std::string& doc_language) {
  std::string langs = requested;
  if (langs.empty()) {
    if (doc_language == "id" || doc_language == "ind")
      langs = "ind";
    else if (doc_language == "en" || doc_language == "eng")
      langs = "eng";
    else
      langs = "ind+eng";
  }
  size_t from = 0;
  while (true) {
    const size_t plus = langs.find('+', from);
    const std::string one = langs.substr(from, plus == std::string::npos ? std::string::npos : plus - from);
    const bool ok = !one.empty() && one.size() <= 32 && std::all_of(one.begin(), one.end(), [](unsigned char c) {
      return (c >= 'a' && c <= 'z') || c == '_' || (c >= '0' && c <= '9');
    });
    if (!ok)
      throw ImportError("'" + langs + "' is not a list of OCR languages (Tesseract names joined by +, e.g. ind+eng)");
    if (!std::filesystem::exists(tessdata_dir() / (one + ".traineddata")))
      throw ImportError("the OCR language '" + one + "' is not installed (Debian package tesseract-ocr-" + one +
                        "); installed are the ones in " + tessdata_dir().string());
    if (plus == std::string::npos) break;
    from = plus + 1;
  }
  return langs;
}

double render_dpi(double width_pt, double height_pt) {
  double dpi = kDpi;
  const double px = (width_pt * dpi / 72.0) * (height_pt * dpi / 72.0);
  if (px > kMaxPagePixels) dpi *= std::sqrt(kMaxPagePixels / px);
  const double side = std::max(width_pt, height_pt) * dpi / 72.0;
  if (side > kMaxSide) dpi *= kMaxSide / side;
  return std::max(dpi, 1.0);
}

struct Engine::Impl {
  tesseract::TessBaseAPI api;
};

Engine::Engine(const std::string& langs) : impl_(std::make_unique<Impl>()) {
  setMsgSeverity(L_SEVERITY_NONE);
  // Quiet: Tesseract's own messages would reach the researcher's terminal.
  impl_->api.SetVariable("debug_file", "/dev/null");
  if (impl_->api.Init(tessdata_dir().c_str(), langs.c_str(), tesseract::OEM_DEFAULT) != 0)
    throw ImportError("the OCR engine could not load the language(s) " + langs);
  impl_->api.SetPageSegMode(tesseract::PSM_AUTO);
}

Engine::~Engine() {
  impl_->api.End();
}

size_t Engine::page(Extracted& e, int page_no, const unsigned char* grey, int width, int height, int stride,
                    double dpi) {
  auto& api = impl_->api;
  api.SetImage(grey, width, height, 1, stride);
  api.SetSourceResolution(static_cast<int>(std::lround(dpi)));
  if (api.Recognize(nullptr) != 0) return 0;
  std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
  if (!it) return 0;
  const double k = 72.0 / dpi;
  struct W {
    std::string text;
    store::WordBox box;
    bool line_end = false;
  };
  size_t words = 0;
  std::vector<W> para;
  auto flush = [&] {
    if (para.empty()) return;
    // A hyphen at a line end between lower-case letters joins the word ("kerja-" / "sama" stays: upper or
    // digits are kept as written); each half keeps its own box.
    std::string text;
    std::vector<std::pair<size_t, size_t>> spans;  // code points in `text` per word
    size_t cp = 0;
    for (size_t i = 0; i < para.size(); ++i) {
      std::string t = para[i].text;
      bool join = false;
      if (para[i].line_end && i + 1 < para.size() && t.size() >= 3 && t.back() == '-' && lower_ascii(t[t.size() - 2]) &&
          !para[i + 1].text.empty() && lower_ascii(para[i + 1].text[0])) {
        t.pop_back();
        join = true;
      }
      const size_t n = text::count_code_points(t);
      spans.emplace_back(cp, cp + n);
      text += t;
      cp += n;
      if (!join && i + 1 < para.size()) {
        text += ' ';
        ++cp;
      }
    }
    const size_t before = e.blocks.size();
    append_block(e, text, "p", page_no);
    if (e.blocks.size() == before) {
      para.clear();
      return;
    }
    const int64_t start = e.blocks.back().start;
    for (size_t i = 0; i < para.size(); ++i) {
      if (spans[i].second <= spans[i].first) continue;
      store::WordBox b = para[i].box;
      b.start = start + static_cast<int64_t>(spans[i].first);
      b.end = start + static_cast<int64_t>(spans[i].second);
      if (b.end > e.blocks.back().end) continue;  // cannot happen: the paragraph is appended as built
      e.word_boxes.push_back(b);
      ++words;
    }
    para.clear();
  };
  do {
    if (it->Empty(tesseract::RIL_WORD)) continue;
    if (it->IsAtBeginningOf(tesseract::RIL_PARA)) flush();
    std::unique_ptr<char[]> raw(it->GetUTF8Text(tesseract::RIL_WORD));
    W w;
    w.text = clean_word(raw.get());
    if (w.text.empty()) continue;
    int l = 0, t = 0, r = 0, b = 0;
    it->BoundingBox(tesseract::RIL_WORD, &l, &t, &r, &b);
    w.box.page = page_no;
    w.box.x = std::max(0, l) * k;
    w.box.y = std::max(0, t) * k;
    w.box.w = std::max(0, r - l) * k;
    w.box.h = std::max(0, b - t) * k;
    w.box.confidence = std::clamp(static_cast<int>(std::lround(it->Confidence(tesseract::RIL_WORD))), 0, 100);
    w.line_end = it->IsAtFinalElement(tesseract::RIL_TEXTLINE, tesseract::RIL_WORD);
    para.push_back(std::move(w));
  } while (it->Next(tesseract::RIL_WORD));
  flush();
  api.Clear();
  return words;
}

size_t Engine::page(Extracted& e, int page_no, Pix* pix, double dpi) {
  Pix* grey = pixConvertTo8(pix, 0);
  if (!grey) throw ImportError("the image could not be converted for OCR");
  const int w = static_cast<int>(pixGetWidth(grey)), h = static_cast<int>(pixGetHeight(grey));
  // Leptonica keeps 8-bit pixels in 32-bit words (big-endian byte order within a word): copy out as bytes.
  std::vector<unsigned char> bytes(static_cast<size_t>(w) * static_cast<size_t>(h));
  const l_uint32* data = pixGetData(grey);
  const int wpl = pixGetWpl(grey);
  for (int y = 0; y < h; ++y) {
    const l_uint32* line = data + static_cast<ptrdiff_t>(y) * wpl;
    for (int x = 0; x < w; ++x)
      bytes[static_cast<size_t>(y) * w + x] = static_cast<unsigned char>(GET_DATA_BYTE(line, x));
  }
  pixDestroy(&grey);
  return this->page(e, page_no, bytes.data(), w, h, w, dpi);
}

Quality quality(const std::vector<store::WordBox>& boxes) {
  Quality q;
  for (const auto& b : boxes) {
    if (b.confidence < 0) continue;
    ++q.words;
    if (b.confidence < kLowConfidence) ++q.low;
  }
  return q;
}

}  // namespace telaah::ingest::ocr
