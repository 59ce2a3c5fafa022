// Fonts in one place (Tracy's Fonts.cpp, imgui docs/FONTS.md): which font
// files to use, found at run time among Debian's font packages; which glyphs
// to bake, chosen from the text the project shows; one function that builds
// the atlas for a size and DPI scale. Building is CPU work only: the platform
// uploads the texture afterwards, headless tests and benchmarks do not.
#pragma once
#include <imgui.h>

#include <bitset>
#include <filesystem>
#include <optional>
#include <string_view>

namespace telaah::ui {

// The characters the fonts must hold (the Basic Multilingual Plane; Debian's
// imgui uses 16-bit ImWchar). Starts with Latin, Latin Extended, General
// Punctuation and the currency signs; grows with every text shown.
class GlyphSet {
 public:
  GlyphSet();
  // Adds the text's characters; true when at least one was new (rebuild fonts).
  bool add_text(std::string_view utf8);
  bool has_cjk() const { return cjk_; }  // Hangul, kana or CJK ideographs present
  size_t size() const { return set_.count(); }
  ImVector<ImWchar> ranges() const;  // for ImFontConfig::GlyphRanges (0-terminated pairs)

 private:
  std::bitset<0x10000> set_;
  bool cjk_ = false;
};

struct FontSpec {
  float ui_size = 15.0f;   // points
  float doc_size = 17.0f;  // points, document text
  float scale = 1.0f;      // DPI scale (content scale of the monitor)
};

// The faces the UI draws with; pointers into the atlas, valid until the next build.
struct FontSet {
  ImFont* ui = nullptr;
  ImFont* doc = nullptr;
  ImFont* doc_bold = nullptr;
  bool fallback = false;    // no font file found: ImGui's built-in font (ASCII only)
  std::string description;  // which files were used, for the About box and logs
};

struct FontFiles {
  std::optional<std::filesystem::path> regular, bold, cjk;
};
// Probes the usual font folders (fonts-dejavu-core, fonts-noto-cjk); $TELAAH_FONT_DIR first.
FontFiles find_font_files();

// Clears and rebuilds the atlas (CPU only): DejaVu Sans for text, Noto Sans
// CJK merged in when the glyph set has Hangul or CJK, ImGui's built-in font
// when no file is found. The caller re-uploads the texture.
FontSet build_fonts(ImFontAtlas& atlas, const FontSpec& spec, const GlyphSet& glyphs, const FontFiles& files);

}  // namespace telaah::ui
