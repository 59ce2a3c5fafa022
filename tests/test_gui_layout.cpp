// The document view's word-wrapped layout (table-driven: every text and
// width must give lines that fit, start where the text says, and agree in
// bytes and code points), overlap levels, and the glyph set / font atlas.
#include <doctest/doctest.h>
#include <imgui_internal.h>

#include "gui/fixture.h"
#include "gui/headless.h"
#include "text/utf8.h"
#include "ui/coding/open_document.h"
#include "ui/shell/app.h"
#include "ui/shell/ui_state.h"
#include "ui/widgets/doc_layout.h"
#include "ui/widgets/widgets.h"

using namespace telaah;

namespace {

float width_of(const ImFont* f, float size, std::string_view s) {
  return f->CalcTextSizeA(size, 1e9f, 0.0f, s.data(), s.data() + s.size()).x;
}

}  // namespace

TEST_CASE("layout: lines fit the width, break after spaces, and agree in bytes and code points") {
  test::Headless h;
  ui::DocFonts f{h.fonts.doc, h.fonts.doc_bold, h.fonts.doc->FontSize};
  struct Row {
    std::string text;
    float width;
  } rows[] = {
      {"", 200},
      {"one line", 400},
      {"first\nsecond\n\nfourth after a blank line\n", 400},
      {"Kerja sama \xE2\x80\x9Csister city\xE2\x80\x9D Jakarta\xE2\x80\x93Seoul sejak 1984 \xE2\x80\x94 "
       "\xEC\x84\x9C\xEC\x9A\xB8 \xED\x8A\xB9\xEB\xB3\x84\xEC\x8B\x9C dan caf\xC3\xA9 na\xC3\xAFve, berulang-ulang, "
       "berulang-ulang, berulang-ulang.",
       120},
      {"Supercalifragilisticexpialidocious_is_a_single_very_long_word_without_any_space_in_it", 90},
      {std::string(2000, 'a') + " " + std::string(50, 'b'), 300},
      {"trailing spaces    \n    leading spaces and    many   gaps   between   words   here", 110},
  };
  ui::StyleRuns none;
  for (const auto& r : rows) {
    CAPTURE(r.text.substr(0, 40));
    CAPTURE(r.width);
    ui::DocLayout l;
    CHECK(l.update(r.text, 1, none, f, r.width));
    CHECK_FALSE(l.update(r.text, 1, none, f, r.width));  // cached
    const auto& lines = l.lines();
    REQUIRE(!lines.empty());
    CHECK(lines[0].byte == 0);
    CHECK(lines[0].cp == 0);
    text::OffsetMap map(r.text);
    for (size_t i = 0; i < lines.size(); ++i) {
      CHECK(map.to_byte(lines[i].cp) == lines[i].byte);
      if (i > 0) CHECK(lines[i].byte > lines[i - 1].byte);
      const std::string_view line(r.text.data() + lines[i].byte, l.line_end_byte(i) - lines[i].byte);
      CHECK(line.find('\n') == std::string_view::npos);
      // Without its trailing spaces a line fits, unless it is one word too long for any line.
      std::string_view body = line;
      while (!body.empty() && body.back() == ' ') body.remove_suffix(1);
      if (body.find(' ') != std::string_view::npos) CHECK(width_of(f.regular, f.size, body) <= r.width + 0.01f);
      // A soft break happens after a space (or inside a word that cannot fit).
      if (i > 0 && r.text[lines[i].byte - 1] != '\n' && r.text[lines[i].byte - 1] != ' ')
        CHECK(width_of(f.regular, f.size,
                       std::string_view(r.text.data() + lines[i - 1].byte, lines[i].byte - lines[i - 1].byte)) >
              r.width * 0.5f);
    }
    // Every hard line break starts a line.
    for (size_t b = 0; b < r.text.size(); ++b)
      if (r.text[b] == '\n') {
        const size_t line = l.line_of_cp(static_cast<int64_t>(map.to_cp(b + 1)));
        CHECK(lines[line].byte == b + 1);
      }
    CHECK(l.line_of_cp(static_cast<int64_t>(map.size_cp())) == lines.size() - 1);
    CHECK(l.memory_bytes() <= 3 * std::max<size_t>(r.text.size(), 1000));
  }
}

TEST_CASE("layout: the exact break of a two-word line, and geometry that matches the font's advances") {
  test::Headless h;
  ui::DocFonts f{h.fonts.doc, h.fonts.doc_bold, h.fonts.doc->FontSize};
  const std::string t = "alpha beta";
  ui::DocLayout l;
  ui::StyleRuns none;
  l.update(t, 1, none, f, width_of(f.regular, f.size, t) - 1);
  REQUIRE(l.line_count() == 2);
  CHECK(l.lines()[1].cp == 6);
  CHECK(l.line_end_cp(0) == 6);
  l.update(t, 1, none, f, width_of(f.regular, f.size, t) + 1);
  CHECK(l.line_count() == 1);
  ui::LineGeometry g;
  ui::line_geometry(t, none, f, l, 0, g);
  REQUIRE(g.size() == 10);
  CHECK(g.xs.back() == doctest::Approx(width_of(f.regular, f.size, t)));
  CHECK(g.xs[6] == doctest::Approx(width_of(f.regular, f.size, "alpha ")));
  // Bold runs widen the layout with the bold face's advances.
  ui::StyleRuns bold;
  bold.bold.push_back({0, 5});
  ui::line_geometry(t, bold, f, l, 0, g);
  CHECK(g.xs[5] == doctest::Approx(width_of(f.bold, f.size, "alpha")));
}

TEST_CASE("overlap levels: a greedy stacking, one level per simultaneous coding") {
  ui::OpenDocument d;
  d.text = std::string(100, 'x');
  d.map = text::OffsetMap(d.text);
  ui::ProjectCache cache;
  auto coding = [](store::Id id, int64_t s, int64_t e) {
    store::Coding c;
    c.id = id;
    c.code = id % 2 + 1;
    c.start = s;
    c.end = e;
    return c;
  };
  d.set_codings({coding(1, 0, 50), coding(2, 10, 20), coding(3, 15, 30), coding(4, 60, 70), coding(5, 25, 40)}, cache);
  CHECK(d.levels == 3);
  std::map<store::Id, int> level;
  for (size_t i = 0; i < d.codings.size(); ++i) level[d.codings[i].id] = d.level[i];
  CHECK(level[1] == 0);
  CHECK(level[2] == 1);
  CHECK(level[3] == 2);
  CHECK(level[5] == 1);  // 2 ended at 20: its level is free again
  CHECK(level[4] == 0);
  std::vector<store::Id> hit;
  d.for_codings_in(16, 17, [&](size_t i) { hit.push_back(d.codings[i].id); });
  std::sort(hit.begin(), hit.end());
  CHECK(hit == std::vector<store::Id>{1, 2, 3});
  CHECK(d.coding_at(16)->id == 2);  // the innermost
  CHECK(d.coding_at(55) == nullptr);
  CHECK(d.lanes.size() == 2);
}

TEST_CASE("glyph set: grows with the text, notices Hangul, and the atlas then holds it") {
  ui::GlyphSet g;
  CHECK_FALSE(g.add_text("plain ASCII and caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x80\x93 dash"));
  CHECK_FALSE(g.has_cjk());
  CHECK(g.add_text("\xEC\x84\x9C\xEC\x9A\xB8"));  // 서울
  CHECK(g.has_cjk());
  CHECK_FALSE(g.add_text("\xEC\x84\x9C"));  // already there
  const ImVector<ImWchar> r = g.ranges();
  bool has_seo = false;
  for (int i = 0; i + 1 < r.Size; i += 2) has_seo |= r[i] <= 0xC11C && 0xC11C <= r[i + 1];
  CHECK(has_seo);
  CHECK(r.back() == 0);

  const ui::FontFiles files = ui::find_font_files();
  test::Headless h(800, 600, g);
  if (!files.regular) {
    MESSAGE("DejaVu Sans not installed (fonts-dejavu-core): the built-in font is used");
    CHECK(h.fonts.fallback);
    return;
  }
  CHECK_FALSE(h.fonts.fallback);
  CHECK(h.fonts.doc->FindGlyphNoFallback(0x201C) != nullptr);  // “
  CHECK(h.fonts.doc->FindGlyphNoFallback(0x2013) != nullptr);  // –
  if (files.cjk)
    CHECK(h.fonts.doc->FindGlyphNoFallback(0xC11C) != nullptr);
  else
    MESSAGE("Noto Sans CJK not installed (fonts-noto-cjk): Hangul shows as boxes");
}

TEST_CASE("the first window fits the monitor's work area: never larger, 90% by default, the last place when it fits") {
  struct Row {
    ui::Rect work;
    int x, y, w, h;  // remembered (0: nothing)
    ui::Rect want;
  } rows[] = {
      // A 1366x768 laptop, 28 px of panel: 90% of the work area, centred.
      {{0, 28, 1366, 740}, 0, 0, 0, 0, {68, 65, 1229, 666}},
      // The old fixed 1440x900 remembered on that laptop: shrinks to the work area, centred.
      {{0, 28, 1366, 740}, 10, 10, 1440, 900, {0, 28, 1366, 740}},
      // A size and place that fit come back as they were.
      {{0, 28, 1366, 740}, 100, 50, 1000, 600, {100, 50, 1000, 600}},
      // The monitor it was on is gone: centred on this one, size kept.
      {{0, 0, 1920, 1080}, 3000, 50, 1000, 600, {460, 240, 1000, 600}},
      // A second monitor's work area starts at x = 1920.
      {{1920, 0, 800, 600}, 0, 0, 0, 0, {1920 + 40, 30, 720, 540}},
      // A remembered size too small to be a window is ignored.
      {{0, 0, 800, 600}, 5, 5, 100, 80, {40, 30, 720, 540}},
  };
  for (const auto& r : rows) {
    CAPTURE(r.work.w);
    CAPTURE(r.w);
    ui::Prefs p;
    p.window_x = r.x, p.window_y = r.y, p.window_w = r.w, p.window_h = r.h;
    const ui::Rect got = ui::fit_window(r.work, p);
    CHECK(got.x == r.want.x);
    CHECK(got.y == r.want.y);
    CHECK(got.w == r.want.w);
    CHECK(got.h == r.want.h);
    CHECK(got.w <= r.work.w);
    CHECK(got.h <= r.work.h);
  }
}

TEST_CASE("wrapped text boxes: breaks at spaces where a line would overflow; the text keeps its own line breaks") {
  test::Headless h;
  ImFont* font = h.fonts.ui;
  const float size = font->FontSize;
  std::vector<size_t> br;
  const std::string one = "short";
  ui::widgets::wrap_breaks(one, font, size, 200, br);
  CHECK(br.empty());
  const std::string t = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda\nmu nu";
  const float w = width_of(font, size, "alpha beta gamma") + 1;
  ui::widgets::wrap_breaks(t, font, size, w, br);
  REQUIRE(!br.empty());
  CHECK(br[0] == t.find(" delta"));  // "alpha beta gamma" fits, " delta" does not
  size_t start = 0;
  for (size_t b : br) {
    CHECK(t[b] == ' ');
    CHECK(width_of(font, size, std::string_view(t).substr(start, b - start)) <= w);
    start = b + 1;
  }
  CHECK(br.back() < t.find('\n'));  // "mu nu" fits on its own line after the hard break

  // In a box: typing a long memo wraps on screen; the stored text has only the typed line break.
  std::string memo;
  bool focus = true;
  auto draw = [&] {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(400, 400));
    ImGui::Begin("box");
    if (focus) ImGui::SetKeyboardFocusHere(), focus = false;
    ui::widgets::input_text_multiline("##memo", &memo, ImVec2(220, 200));
    ImGui::End();
  };
  h.frames(2, draw);
  const std::string typed = "Kerja sama sister city Jakarta dan Seoul sejak tahun 1984 berjalan baik";
  h.push_text(typed);
  h.queue.key(test::kEnter, true);
  h.queue.key(test::kEnter, false);
  h.push_text("baris baru");
  h.drain(draw);
  CHECK(memo == typed + "\nbaris baru");
  const ImGuiInputTextState* st = ImGui::GetInputTextState(ImGui::GetActiveID());
  REQUIRE(st != nullptr);
  int newlines = 0;
  for (int i = 0; i < st->CurLenW; ++i) newlines += st->TextW[i] == '\n';
  CHECK(newlines >= 3);  // the typed one and at least two soft breaks at 220 px
  // Deleting the words before a soft break re-wraps; the text stays the text.
  for (int i = 0; i < 10; ++i) h.queue.key(test::kBackspace, true), h.queue.key(test::kBackspace, false);
  h.drain(draw);
  CHECK(memo == typed + "\n");
}

TEST_CASE("the coding view keeps the document at least 45 em wide at 800x600 and 1366x768") {
  for (const ImVec2 size : {ImVec2(800, 600), ImVec2(1366, 768), ImVec2(1024, 700)}) {
    CAPTURE(size.x);
    test::AppWindow w("gui-layout-doc", size.x, size.y);
    auto fx = test::make_fixture(w.dir.path, "Informan B: Komunike bersama tahun 1984 tentang kerja sama.\n");
    w.app->adopt_project(std::move(fx.project));
    REQUIRE(w.app->open_document(fx.doc));
    w.frames(4);
    const ImRect r = w.app->doc_view().view_rect();
    CHECK(r.GetWidth() >= 45 * ImGui::GetFontSize());
    CHECK(r.Max.x <= size.x);
  }
}

TEST_CASE("the toolbar keeps Undo, Redo and the coder inside the window with nine views, at 800x600 too") {
  for (const ImVec2 size : {ImVec2(800, 600), ImVec2(1366, 768), ImVec2(1024, 700)}) {
    CAPTURE(size.x);
    test::AppWindow w("gui-layout-toolbar", size.x, size.y);
    auto fx = test::make_fixture(w.dir.path, "Informan B: Komunike bersama tahun 1984 tentang kerja sama.\n");
    w.app->adopt_project(std::move(fx.project));
    w.frames(4);
    for (const char* key : {"undo", "redo", "coder"}) {
      CAPTURE(key);
      const auto r = w.app->toolbar_rect(key);
      REQUIRE(r.has_value());
      CHECK(r->Min.x >= 0);
      CHECK(r->Max.x <= size.x);
    }
    CHECK(w.app->toolbar_rect("redo")->Max.x <= w.app->toolbar_rect("coder")->Min.x);
    // Every view stays one click away: its button, or the views' list when the buttons do not fit.
    const bool buttons = w.app->toolbar_rect("view:cases").has_value();
    CHECK((buttons || w.app->toolbar_rect("views").has_value()));
    if (buttons) CHECK(w.app->toolbar_rect("view:suggest")->Max.x <= w.app->toolbar_rect("undo")->Min.x);
  }
}
