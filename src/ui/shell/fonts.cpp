// Font files, glyph ranges from the project's text, and the atlas build (see fonts.h).
#include "ui/shell/fonts.h"

#include <fcntl.h>
#include <imgui_freetype.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "text/utf8.h"

namespace fs = std::filesystem;

namespace telaah::ui {

static bool is_cjk(char32_t c) {
  return (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3000 && c <= 0x30FF) || (c >= 0x3130 && c <= 0x318F) ||
         (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
         (c >= 0xFF00 && c <= 0xFFEF);
}

GlyphSet::GlyphSet() {
  auto add = [&](char32_t a, char32_t b) {
    for (char32_t c = a; c <= b; ++c) set_.set(c);
  };
  // What any text is likely to need; everything else is added when a text shows it.
  add(0x20, 0x7E);      // ASCII
  add(0xA0, 0x17F);     // Latin-1 Supplement and Latin Extended-A
  add(0x2010, 0x2027);  // General Punctuation: dashes, curly quotes, bullets, ellipsis
  add(0x2030, 0x203A);  // per mille, primes, angle quotes
  add(0x20A0, 0x20CF);  // currency signs
  add(0x2190, 0x2193);  // arrows used by the UI
  set_.set(0x2212);     // minus sign
  set_.set(0x2713);     // check mark
  set_.set(0xFFFD);     // replacement character (beyond-BMP text renders as this)
}

bool GlyphSet::add_text(std::string_view s) {
  bool added = false;
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {  // ASCII is always in the set
      ++i;
      continue;
    }
    char32_t c = text::decode_next(s, i);
    if (c > 0xFFFF || set_.test(c)) continue;
    set_.set(c);
    added = true;
    if (is_cjk(c)) cjk_ = true;
  }
  return added;
}

ImVector<ImWchar> GlyphSet::ranges() const {
  ImVector<ImWchar> out;
  for (size_t c = 1; c < set_.size();) {
    if (!set_.test(c)) {
      ++c;
      continue;
    }
    size_t e = c;
    while (e + 1 < set_.size() && set_.test(e + 1)) ++e;
    out.push_back(static_cast<ImWchar>(c));
    out.push_back(static_cast<ImWchar>(e));
    c = e + 1;
  }
  out.push_back(0);
  return out;
}

FontFiles find_font_files() {
  std::vector<fs::path> dirs;
  if (const char* d = std::getenv("TELAAH_FONT_DIR"); d && *d) dirs.emplace_back(d);
  if (const char* h = std::getenv("HOME"); h && *h) {
    dirs.push_back(fs::path(h) / ".local/share/fonts");
    dirs.push_back(fs::path(h) / ".fonts");
  }
  for (const char* d : {"/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/TTF", "/usr/share/fonts/dejavu",
                        "/usr/share/fonts/opentype/noto", "/usr/share/fonts/noto-cjk",
                        "/usr/share/fonts/google-noto-cjk", "/usr/local/share/fonts", "/usr/share/fonts"})
    dirs.emplace_back(d);
  auto find = [&](std::initializer_list<const char*> names) -> std::optional<fs::path> {
    for (const auto& d : dirs)
      for (const char* n : names) {
        std::error_code ec;
        if (fs::is_regular_file(d / n, ec)) return d / n;
      }
    return std::nullopt;
  };
  FontFiles f;
  f.regular = find({"DejaVuSans.ttf"});
  f.bold = find({"DejaVuSans-Bold.ttf"});
  f.cjk = find({"NotoSansCJK-Regular.ttc", "NotoSansCJKkr-Regular.otf", "NotoSansKR-Regular.otf"});
  return f;
}

namespace {
// A read-only memory map of a font file (nothing when it cannot be read).
struct MappedFile {
  void* data = nullptr;
  size_t size = 0;
  explicit MappedFile(const fs::path& f) {
    const int fd = ::open(f.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    struct stat st {};
    if (::fstat(fd, &st) == 0 && st.st_size > 0) {
      void* p = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
      if (p != MAP_FAILED) data = p, size = static_cast<size_t>(st.st_size);
    }
    ::close(fd);
  }
  MappedFile(MappedFile&& o) noexcept : data(o.data), size(o.size) { o.data = nullptr; }
  MappedFile(const MappedFile&) = delete;
  ~MappedFile() {
    if (data) ::munmap(data, size);
  }
};
}  // namespace

FontSet build_fonts(ImFontAtlas& atlas, const FontSpec& spec, const GlyphSet& glyphs, const FontFiles& files) {
  atlas.Clear();
  atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
  atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
  const ImVector<ImWchar> ranges = glyphs.ranges();  // must live until Build() below
  FontSet out;
  const float ui_px = std::round(spec.ui_size * spec.scale);
  const float doc_px = std::round(spec.doc_size * spec.scale);
  const bool cjk = glyphs.has_cjk() && files.cjk;

  // Each file is mapped once and shared by the faces that use it: the CJK
  // collection is ~19 MB, of which FreeType reads only the pages it needs.
  // The mappings live until Build() below.
  std::map<fs::path, MappedFile> data;
  auto from_file = [&](const fs::path& file, float px, ImFontConfig& cfg) -> ImFont* {
    auto it = data.find(file);
    if (it == data.end()) it = data.emplace(file, MappedFile(file)).first;
    if (!it->second.data) return nullptr;
    cfg.FontDataOwnedByAtlas = false;
    return atlas.AddFontFromMemoryTTF(it->second.data, static_cast<int>(it->second.size), px, &cfg, ranges.Data);
  };
  auto add = [&](const std::optional<fs::path>& file, float px) -> ImFont* {
    ImFontConfig cfg;
    cfg.OversampleH = 1;  // FreeType hints; oversampling would only grow the texture
    cfg.PixelSnapH = true;
    ImFont* f = nullptr;
    if (file) f = from_file(*file, px, cfg);
    if (!f) {
      ImFontConfig d;
      d.SizePixels = px;
      f = atlas.AddFontDefault(&d);
      out.fallback = true;
    }
    if (cjk && f && !out.fallback) {
      ImFontConfig m;
      m.MergeMode = true;
      m.FontNo = 1;  // the Korean face of the collection: Hangul first
      m.OversampleH = 1;
      // Merged glyphs never replace ones DejaVu has, so the same ranges are fine.
      from_file(*files.cjk, px, m);
    }
    return f;
  };
  out.ui = add(files.regular, ui_px);
  out.doc = add(files.regular, doc_px);
  out.doc_bold = files.bold ? add(files.bold, doc_px) : out.doc;
  if (!atlas.Build()) {  // e.g. a damaged font file: fall back to the built-in font
    atlas.Clear();
    atlas.FontBuilderIO = nullptr;
    ImFontConfig d;
    d.SizePixels = ui_px;
    out.ui = atlas.AddFontDefault(&d);
    d.SizePixels = doc_px;
    out.doc = out.doc_bold = atlas.AddFontDefault(&d);
    out.fallback = true;
    atlas.Build();
  }
  // Drops the font files' bytes (the CJK collection is ~19 MB) and the pointers into `ranges`.
  atlas.ClearInputData();
  out.description = out.fallback
                        ? "built-in font"
                        : files.regular->filename().string() + (cjk ? " + " + files.cjk->filename().string() : "");
  return out;
}

}  // namespace telaah::ui
