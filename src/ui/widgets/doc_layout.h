// Word-wrapped line layout of a document for the document view.
//
// The layout is computed once per (text, width, fonts) and cached: a line is
// its start offset in bytes and in code points, nothing more, so a 1 MB text
// costs a few hundred KB. Everything that needs x positions (drawing,
// hit-testing) walks the few visible lines again with the same advances, so
// layout, drawing and the mouse always agree.
#pragma once
#include <imgui.h>

#include <cstdint>
#include <string_view>
#include <vector>

#include "text/structure.h"

namespace telaah::ui {

// Spans drawn in the bold face (speaker labels, headings); sorted, disjoint.
struct StyleRuns {
  std::vector<text::Span> bold;
};

// The fonts the document is drawn with. The bold face must have the same size.
struct DocFonts {
  const ImFont* regular = nullptr;
  const ImFont* bold = nullptr;
  float size = 16.0f;  // pixels
};

struct LayoutLine {
  uint32_t byte = 0;  // first byte of the line
  uint32_t cp = 0;    // first code point of the line
};

// Walks code points of a text with their advance in pixels, switching to the
// bold face inside bold runs. Used by the layout, the drawing and the mouse,
// so all three agree to the pixel. Inline: the layout calls it per character.
class AdvanceWalker {
 public:
  AdvanceWalker(std::string_view text, const StyleRuns& runs, const DocFonts& fonts, size_t byte, int64_t cp);
  bool done() const { return byte_ >= text_.size(); }
  size_t byte() const { return byte_; }
  int64_t cp() const { return cp_; }
  bool bold() const { return in_bold_; }
  // Decodes the code point at the current position; advance() moves past it.
  char32_t peek(float* adv) {
    const auto b = static_cast<unsigned char>(text_[byte_]);
    char32_t c;
    if (b < 0x80) {  // most of every corpus: no decoding
      c = b;
      next_byte_ = byte_ + 1;
    } else {
      next_byte_ = byte_;
      c = decode(text_, next_byte_);
    }
    if (adv) {
      // Debian's imgui uses 16-bit ImWchar: beyond the BMP renders (and measures) as U+FFFD.
      const ImWchar w = c > 0xFFFF ? static_cast<ImWchar>(0xFFFD) : static_cast<ImWchar>(c);
      const ImFont* f = in_bold_ ? fonts_.bold : fonts_.regular;
      *adv = f->GetCharAdvance(w) * (in_bold_ ? scale_bold_ : scale_regular_);
    }
    return c;
  }
  void advance() {
    if (next_byte_ <= byte_) peek(nullptr);
    byte_ = next_byte_;
    if (++cp_ >= switch_at_) sync_run();
  }

 private:
  static char32_t decode(std::string_view s, size_t& i);
  void sync_run();  // recomputes in_bold_ and the next code point where it changes
  std::string_view text_;
  const StyleRuns& runs_;
  DocFonts fonts_;
  float scale_regular_ = 1, scale_bold_ = 1;
  size_t byte_ = 0, next_byte_ = 0;
  int64_t cp_ = 0;
  int64_t switch_at_ = 0;  // the next code point where bold starts or ends
  size_t run_ = 0;         // first bold run that ends after cp_
  bool in_bold_ = false;
};

class DocLayout {
 public:
  // Recomputes the lines when width, fonts, size or text generation changed;
  // returns true when it did.
  bool update(std::string_view text, uint64_t generation, const StyleRuns& runs, const DocFonts& fonts, float width);
  void clear() {
    lines_.clear();
    generation_ = ~0ull;
  }

  const std::vector<LayoutLine>& lines() const { return lines_; }
  size_t line_count() const { return lines_.size(); }
  float width() const { return width_; }
  size_t line_of_cp(int64_t cp) const;     // the line holding cp (the last line for cp == end)
  int64_t line_end_cp(size_t line) const;  // end of the line's visible text (without its '\n')
  size_t line_end_byte(size_t line) const;
  size_t memory_bytes() const { return lines_.capacity() * sizeof(LayoutLine); }

 private:
  std::vector<LayoutLine> lines_;
  std::string_view text_;
  uint64_t generation_ = ~0ull;
  const ImFont* regular_ = nullptr;
  const ImFont* bold_ = nullptr;
  float size_ = 0, width_ = -1;
  int64_t total_cp_ = 0;
};

// Geometry of one line: xs[k] is the x offset (from the line's left edge)
// where code point line.cp + k starts and bytes[k] its byte offset; both
// have one more entry than the line has code points (the line's end).
struct LineGeometry {
  std::vector<float> xs;
  std::vector<uint32_t> bytes;
  size_t size() const { return xs.size() - 1; }  // code points on the line
};
void line_geometry(std::string_view text, const StyleRuns& runs, const DocFonts& fonts, const DocLayout& layout,
                   size_t line, LineGeometry& out);

}  // namespace telaah::ui
