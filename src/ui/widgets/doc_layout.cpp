// Word wrapping of a document into cached lines (see doc_layout.h).
#include "ui/widgets/doc_layout.h"

#include <algorithm>
#include <cstdint>

#include "text/utf8.h"

namespace telaah::ui {

AdvanceWalker::AdvanceWalker(std::string_view text, const StyleRuns& runs, const DocFonts& fonts, size_t byte,
                             int64_t cp)
    : text_(text), runs_(runs), fonts_(fonts), byte_(byte), next_byte_(byte), cp_(cp) {
  if (!fonts_.bold) fonts_.bold = fonts_.regular;
  scale_regular_ = fonts_.size / fonts_.regular->FontSize;
  scale_bold_ = fonts_.size / fonts_.bold->FontSize;
  run_ = static_cast<size_t>(std::upper_bound(runs_.bold.begin(), runs_.bold.end(), cp_,
                                              [](int64_t v, const text::Span& s) { return v < s.end; }) -
                             runs_.bold.begin());
  sync_run();
}

char32_t AdvanceWalker::decode(std::string_view s, size_t& i) {
  return text::decode_next(s, i);
}

void AdvanceWalker::sync_run() {
  while (run_ < runs_.bold.size() && runs_.bold[run_].end <= cp_) ++run_;
  if (run_ >= runs_.bold.size()) {
    in_bold_ = false;
    switch_at_ = INT64_MAX;
  } else if (runs_.bold[run_].start <= cp_) {
    in_bold_ = true;
    switch_at_ = runs_.bold[run_].end;
  } else {
    in_bold_ = false;
    switch_at_ = runs_.bold[run_].start;
  }
}

bool DocLayout::update(std::string_view text, uint64_t generation, const StyleRuns& runs, const DocFonts& fonts,
                       float width) {
  width = std::max(width, 40.0f);
  if (generation == generation_ && text.data() == text_.data() && text.size() == text_.size() &&
      fonts.regular == regular_ && fonts.bold == bold_ && fonts.size == size_ && width == width_)
    return false;
  text_ = text;
  generation_ = generation;
  regular_ = fonts.regular;
  bold_ = fonts.bold;
  size_ = fonts.size;
  width_ = width;
  lines_.clear();
  lines_.reserve(text.size() / 64 + 16);
  lines_.push_back({0, 0});

  AdvanceWalker w(text, runs, fonts, 0, 0);
  float x = 0;
  // The last place the line may break: just after a space.
  size_t brk_byte = 0;
  int64_t brk_cp = -1;
  float brk_x = 0;
  while (!w.done()) {
    float adv = 0;
    const char32_t c = w.peek(&adv);
    if (c == '\n') {
      w.advance();
      lines_.push_back({static_cast<uint32_t>(w.byte()), static_cast<uint32_t>(w.cp())});
      x = 0;
      brk_cp = -1;
      continue;
    }
    const bool space = c == ' ' || c == '\t' || c == 0x3000;
    const LayoutLine& cur = lines_.back();
    if (!space && x + adv > width && w.cp() > cur.cp) {
      if (brk_cp > static_cast<int64_t>(cur.cp)) {
        lines_.push_back({static_cast<uint32_t>(brk_byte), static_cast<uint32_t>(brk_cp)});
        x -= brk_x;
      } else {  // one word longer than the line: break inside it
        lines_.push_back({static_cast<uint32_t>(w.byte()), static_cast<uint32_t>(w.cp())});
        x = 0;
      }
      brk_cp = -1;
    }
    x += adv;
    w.advance();
    if (space) {
      brk_byte = w.byte();
      brk_cp = w.cp();
      brk_x = x;
    }
  }
  total_cp_ = w.cp();
  return true;
}

size_t DocLayout::line_of_cp(int64_t cp) const {
  if (lines_.empty()) return 0;
  auto it = std::upper_bound(lines_.begin(), lines_.end(), cp,
                             [](int64_t v, const LayoutLine& l) { return v < static_cast<int64_t>(l.cp); });
  return it == lines_.begin() ? 0 : static_cast<size_t>(it - lines_.begin()) - 1;
}

size_t DocLayout::line_end_byte(size_t line) const {
  if (line + 1 >= lines_.size()) return text_.size();
  size_t e = lines_[line + 1].byte;
  if (e > lines_[line].byte && text_[e - 1] == '\n') --e;
  return e;
}

int64_t DocLayout::line_end_cp(size_t line) const {
  if (line + 1 >= lines_.size()) return total_cp_;
  int64_t e = lines_[line + 1].cp;
  size_t b = lines_[line + 1].byte;
  if (b > lines_[line].byte && text_[b - 1] == '\n') --e;
  return e;
}

void line_geometry(std::string_view text, const StyleRuns& runs, const DocFonts& fonts, const DocLayout& layout,
                   size_t line, LineGeometry& out) {
  out.xs.clear();
  out.bytes.clear();
  const LayoutLine& l = layout.lines()[line];
  const size_t end = layout.line_end_byte(line);
  AdvanceWalker w(text, runs, fonts, l.byte, l.cp);
  float x = 0;
  while (w.byte() < end) {
    out.xs.push_back(x);
    out.bytes.push_back(static_cast<uint32_t>(w.byte()));
    float adv = 0;
    w.peek(&adv);
    w.advance();
    x += adv;
  }
  out.xs.push_back(x);
  out.bytes.push_back(static_cast<uint32_t>(w.byte()));
}

}  // namespace telaah::ui
