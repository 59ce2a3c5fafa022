// Benchmark of the document view, headless (no GL, no vsync): a 1 MB
// transcript with 10,000 codings.
//   - first layout (word wrap of the whole text) against ImGui's own wrapping
//     (CalcWordWrapPositionA over the same text, what TextWrapped does);
//   - CPU time per frame with the layout cached, scrolling through the text,
//     against a baseline frame that draws the same visible lines with plain
//     ImGui::TextUnformatted and no codings;
//   - layout memory against the document size;
//   - font atlas build (DejaVu Sans, 3 faces) against ImGui's built-in font.
// Times are CPU time of the benchmark's thread. Results are ratios against
// baselines measured in the same run; the absolute numbers are printed too. Usage: gui_document_view [--quick]
#include <time.h>
#include <algorithm>

#include <cstdio>
#include <cstring>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include "gui/headless.h"
#include "text/utf8.h"
#include "ui/shell/theme.h"
#include "ui/widgets/document_view.h"

using namespace telaah;
namespace {

// CPU time of this thread: what the frame costs, without the time other
// processes on a busy machine take from it.
struct Clock {
  using time_point = double;
  static double now() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
  }
};
double ms_since(double t) {
  return Clock::now() - t;
}

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

std::string make_transcript(size_t bytes) {
  const char* turns[] = {
      "Pewawancara: Bagaimana pelaksanaan kerja sama kota kembar Jakarta\xE2\x80\x93Seoul di bidang perdagangan "
      "sejak komunike bersama tahun 1984?\n\n",
      "Informan B: Kunjungan pimpinan berlangsung hampir setiap tahun, tetapi naskah kerja samanya tidak memuat hak "
      "dan kewajiban para pihak \xE2\x80\x94 itu yang disyaratkan Permendagri No. 3/2008. \xE2\x80\x9C"
      "Kami menjalankan program tanpa dasar yang rinci,\xE2\x80\x9D katanya.\n\n",
      "Informan C: Ekspor rempah dan hasil laut beku ke Seoul naik dari Rp 24,2 miliar pada 2011 menjadi "
      "Rp 69,7 miliar pada 2015, namun eksportir kecil jarang diajak dalam misi dagang.\n\n"};
  std::string t;
  for (size_t i = 0; t.size() < bytes; ++i) t += turns[i % 3];
  return t;
}

}  // namespace

int main(int argc, char** argv) {
  bool quick = false;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--quick")) {
      quick = true;
    } else {
      const bool help = !std::strcmp(argv[i], "--help") || !std::strcmp(argv[i], "-h");
      (help ? std::cout : std::cerr)
          << "usage: gui_document_view [--quick]\n"
             "  The document view headless: layout of a 1 MB transcript with 10,000 codings, frames while\n"
             "  scrolling, font atlas builds; against ImGui's own wrapping and plain text in the same run.\n"
             "  --quick: 60 frames and 3 repetitions instead of 600 and 15.\n";
      return help ? 0 : 1;
    }
  }
  const int frames = quick ? 60 : 600;
  const int reps = quick ? 3 : 15;
  test::Headless h(1600, 1000);

  // --- the document: 1 MB, speaker turns in bold, 10,000 codings ---
  ui::OpenDocument doc;
  doc.text = make_transcript(1u << 20);
  doc.map = text::OffsetMap(doc.text);
  doc.blocks = text::split_paragraphs(doc.text);
  text::mark_speaker_turns(doc.text, doc.blocks);
  for (const auto& b : doc.blocks)
    if (b.kind == "turn") {
      const size_t bs = doc.map.to_byte(static_cast<size_t>(b.start));
      const size_t colon = doc.text.find(':', bs);
      const int64_t e = static_cast<int64_t>(doc.map.to_cp(colon + 1));
      doc.styled.push_back({ui::Styled::speaker, {b.start, e}, static_cast<uint32_t>(b.speaker.size())});
      doc.runs.bold.push_back({b.start, e});
    }
  doc.generation = 1;
  ui::ProjectCache cache;
  const int64_t len = doc.length();
  std::vector<store::Coding> cs;
  for (int i = 0; i < 10000; ++i) {
    store::Coding c;
    c.id = i + 1;
    c.code = 1 + i % 9;
    c.start = (len - 2000) * i / 10000;
    c.end = c.start + 40 + (i % 11) * 60;
    cs.push_back(c);
  }
  doc.set_codings(cs, cache);
  const ui::DocPalette pal = ui::doc_palette(ui::Theme::light);
  ui::DocFonts fonts{h.fonts.doc, h.fonts.doc_bold, h.fonts.doc->FontSize};
  const float width = 900.0f;

  // --- first layout vs ImGui's wrapping ---
  std::vector<double> ours, imgui_wrap;
  size_t lines = 0, memory = 0;
  for (int r = 0; r < reps; ++r) {
    ui::DocLayout l;
    auto t = Clock::now();
    l.update(doc.text, static_cast<uint64_t>(r + 1), doc.runs, fonts, width);
    ours.push_back(ms_since(t));
    lines = l.line_count();
    memory = l.memory_bytes();
    t = Clock::now();
    const char* p = doc.text.data();
    const char* end = p + doc.text.size();
    size_t n = 0;
    const float scale = fonts.size / fonts.regular->FontSize;
    while (p < end) {
      const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
      const char* le = nl ? nl : end;
      const char* s = p;
      do {
        const char* w = fonts.regular->CalcWordWrapPositionA(scale, s, le, width);
        s = w == s ? s + 1 : w;
        ++n;
      } while (s < le);
      p = le + 1;
    }
    imgui_wrap.push_back(ms_since(t));
    if (n == 0) return 1;
  }
  const double mb = static_cast<double>(doc.text.size()) / (1 << 20);

  // --- frames with the layout cached ---
  ui::DocumentView view;
  std::vector<double> frame_ms, base_ms;
  int max_vtx = 0;
  auto draw_window = [&](const std::function<void()>& body) {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("bench", nullptr, ImGuiWindowFlags_NoDecoration);
    body();
    ImGui::End();
  };
  h.frame([&] { draw_window([&] { view.draw(doc, cache, fonts, pal); }); });  // lays out once
  for (int f = 0; f < frames; ++f) {
    view.jump_to(len * f / frames, false, 0.0f);
    auto t = Clock::now();
    h.frame([&] { draw_window([&] { view.draw(doc, cache, fonts, pal); }); });
    frame_ms.push_back(ms_since(t));
    max_vtx = std::max(max_vtx, test::Headless::max_vertices());
  }
  // Baseline: the same visible lines as plain text, no codings, no stripes.
  const ui::DocLayout& lay = view.layout();
  for (int f = 0; f < frames; ++f) {
    const size_t first = lay.line_count() * static_cast<size_t>(f) / static_cast<size_t>(frames);
    auto t = Clock::now();
    h.frame([&] {
      draw_window([&] {
        ImGui::PushFont(h.fonts.doc);
        const size_t visible =
            static_cast<size_t>(ImGui::GetContentRegionAvail().y / ImGui::GetTextLineHeightWithSpacing()) + 1;
        for (size_t i = first; i < std::min(lay.line_count(), first + visible); ++i)
          ImGui::TextUnformatted(doc.text.data() + lay.lines()[i].byte, doc.text.data() + lay.line_end_byte(i));
        ImGui::PopFont();
      });
    });
    base_ms.push_back(ms_since(t));
  }

  // --- font atlas ---
  std::vector<double> atlas_ms, atlas_base_ms;
  ui::GlyphSet glyphs;
  glyphs.add_text(doc.text);
  const ui::FontFiles files = ui::find_font_files();
  for (int r = 0; r < reps; ++r) {
    ImFontAtlas a;
    auto t = Clock::now();
    ui::build_fonts(a, ui::FontSpec{}, glyphs, files);
    atlas_ms.push_back(ms_since(t));
    ImFontAtlas b;
    t = Clock::now();
    b.AddFontDefault();
    b.Build();
    atlas_base_ms.push_back(ms_since(t));
  }
  ui::GlyphSet hangul = glyphs;
  hangul.add_text(
      "\xEC\x84\x9C\xEC\x9A\xB8\xED\x8A\xB9\xEB\xB3\x84\xEC\x8B\x9C \xED\x98\x91\xEB\xA0\xA5 \xEB\xAC\xB4\xEC\x97\xAD");
  std::vector<double> atlas_cjk_ms;
  for (int r = 0; r < reps && files.cjk; ++r) {
    ImFontAtlas a;
    auto t = Clock::now();
    ui::build_fonts(a, ui::FontSpec{}, hangul, files);
    atlas_cjk_ms.push_back(ms_since(t));
  }

  const double lay_ms = percentile(ours, 0.5), wrap_ms = percentile(imgui_wrap, 0.5);
  const double f50 = percentile(frame_ms, 0.5), f99 = percentile(frame_ms, 0.99), b50 = percentile(base_ms, 0.5);
  std::printf("document: %.2f MB, %zu lines at %.0f px, %zu codings\n", mb, lines, width, doc.codings.size());
  std::printf("first layout: %.2f ms (%.2f ms/MB); ImGui wrap of the same text %.2f ms; ratio %.2f\n", lay_ms,
              lay_ms / mb, wrap_ms, lay_ms / wrap_ms);
  std::printf("layout memory: %zu bytes = %.3f x the document\n", memory,
              static_cast<double>(memory) / static_cast<double>(doc.text.size()));
  std::printf(
      "frame CPU (layout cached, %d frames): p50 %.3f ms, p90 %.3f ms, p99 %.3f ms; baseline plain lines p50 %.3f ms, "
      "p99 %.3f ms; ratio p50 %.2f\n",
      frames, f50, percentile(frame_ms, 0.9), f99, b50, percentile(base_ms, 0.99), f50 / b50);
  std::printf("largest draw list: %d vertices (16-bit limit 65,535)\n", max_vtx);
  std::printf("font atlas (DejaVu Sans x3, %zu glyphs): %.1f ms; ImGui built-in font %.1f ms; ratio %.1f\n",
              glyphs.size(), percentile(atlas_ms, 0.5), percentile(atlas_base_ms, 0.5),
              percentile(atlas_ms, 0.5) / percentile(atlas_base_ms, 0.5));
  if (!atlas_cjk_ms.empty())
    std::printf("font atlas with Hangul merged from Noto Sans CJK: %.1f ms\n", percentile(atlas_cjk_ms, 0.5));
  return max_vtx < 65536 ? 0 : 1;
}
