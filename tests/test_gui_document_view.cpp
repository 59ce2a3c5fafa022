// The document view driven headless with synthetic mouse and keyboard input:
// the coding it makes must land in the project with exact code-point offsets
// (text with curly quotes, dashes, accents and Hangul), overlapping codings
// are layered, stripes select their coding, and undo / redo restore.
#include <doctest/doctest.h>

#include "gui/fixture.h"
#include "gui/headless.h"
#include "text/structure.h"
#include "ui/shell/app.h"

using namespace telaah;
using test::cp_of;

namespace {

const std::string kText =
    "Pewawancara: Bagaimana awal kerja sama ini?\n\n"
    "Informan B: Komunike bersama tahun 1984 hanya menyatakan \xE2\x80\x9Csister city\xE2\x80\x9D "
    "Jakarta\xE2\x80\x93Seoul "
    "\xE2\x80\x94 tanpa hak dan kewajiban. Dokumen \xEC\x84\x9C\xEC\x9A\xB8\xED\x8A\xB9\xEB\xB3\x84\xEC\x8B\x9C juga "
    "menyebut kerja sama perdagangan. Na\xC3\xAFve caf\xC3\xA9 r\xC3\xA9sum\xC3\xA9.\n\n"
    "Pewawancara: Apakah ada pelatihan pegawai?\n\n"
    "Informan B: Ada, tetapi datanya tidak dipublikasikan kepada masyarakat umum.\n";

// The app over a fixture project, with the document open and laid out.
struct Session {
  test::ScratchDir dir{"gui-docview"};
  test::Headless h;
  test::Fixture fx;
  std::unique_ptr<ui::App> app;
  std::function<void()> draw;

  explicit Session(const std::string& text = kText) {
    fx = test::make_fixture(dir.path, text);
    ui::AppOptions o;
    o.remember = false;
    o.sample_on_first_start = false;
    app = std::make_unique<ui::App>(o);
    app->set_fonts(h.fonts);
    app->adopt_project(std::move(fx.project));
    REQUIRE(app->open_document(fx.doc));
    h.between_frames = [this] {
      if (app->fonts_dirty()) {  // what the platform does between frames
        h.rebuild_fonts(app->font_spec(), app->glyphs());
        app->set_fonts(h.fonts);
      }
    };
    draw = [this] { app->frame(); };
    h.frames(3, draw);
  }
  store::Project& p() { return *app->project(); }
  ui::DocumentView& view() { return app->doc_view(); }
  // A point inside the glyph cell at cp: just right of its left edge, or just left of it.
  ImVec2 at(int64_t cp, float dx = 1.0f) {
    auto pos = view().screen_pos(cp);
    REQUIRE(pos.has_value());
    return ImVec2(pos->x + dx, pos->y + view().line_height() * 0.5f);
  }
  ImVec2 row_centre(store::Id code) {
    auto r = app->code_row_rect(code);
    REQUIRE(r.has_value());
    return ImVec2(r->Min.x + r->GetWidth() * 0.4f, (r->Min.y + r->Max.y) * 0.5f);
  }
};

std::string quote_of(store::Project& p, const store::Coding& c) {
  const std::string t = p.text(c.doc);
  text::OffsetMap m(t);
  return std::string(text::slice_cp(t, m, static_cast<size_t>(c.start), static_cast<size_t>(c.end)));
}

}  // namespace

TEST_CASE("drag-select across multi-byte characters, click a code: the exact code points are coded") {
  Session s;
  const std::string want = "\xE2\x80\x9Csister city\xE2\x80\x9D Jakarta\xE2\x80\x93Seoul";
  const int64_t start = cp_of(kText, want);
  const int64_t end = start + static_cast<int64_t>(text::count_code_points(want));
  s.h.drag(s.at(start), s.at(end, -1.0f), s.draw);
  CHECK(s.view().selection().start == start);
  CHECK(s.view().selection().end == end);

  s.h.click(s.row_centre(s.fx.code_a), s.draw);
  auto cs = s.p().codings();
  REQUIRE(cs.size() == 1);
  CHECK(cs[0].start == start);
  CHECK(cs[0].end == end);
  CHECK(cs[0].code == s.fx.code_a);
  CHECK(quote_of(s.p(), cs[0]) == want);
  CHECK(s.view().selected_coding() == cs[0].id);  // ready for a stance key
  CHECK_FALSE(s.view().has_selection());
  CHECK(s.app->status().find("Legal infrastructure") != std::string::npos);

  SUBCASE("Ctrl+Z undoes it, Ctrl+Shift+Z and Ctrl+Y redo") {
    s.h.key('Z', true);
    s.h.frame(s.draw);
    CHECK(s.p().codings().empty());
    CHECK(s.app->status().rfind("Undone", 0) == 0);
    CHECK(s.app->open_doc()->codings.empty());  // the view follows the model
    s.h.key('Z', true, true);
    s.h.frame(s.draw);
    REQUIRE(s.p().codings().size() == 1);
    CHECK(s.p().codings()[0].start == start);
    s.h.key('Z', true);
    s.h.frame(s.draw);
    s.h.key('Y', true);
    s.h.frame(s.draw);
    CHECK(s.p().codings().size() == 1);
  }
}

TEST_CASE("a selection ending in Hangul and starting after an accent keeps its code points") {
  Session s;
  const std::string hangul = "\xEC\x84\x9C\xEC\x9A\xB8\xED\x8A\xB9\xEB\xB3\x84\xEC\x8B\x9C";  // 서울특별시
  const int64_t start = cp_of(kText, "Dokumen");
  const int64_t end = cp_of(kText, hangul) + 5;
  s.h.drag(s.at(start), s.at(end, -1.0f), s.draw);
  REQUIRE(s.view().selection().start == start);
  REQUIRE(s.view().selection().end == end);
  s.h.type('1');  // key 1: the first pinned code (the first indicator)
  s.h.frame(s.draw);
  auto cs = s.p().codings();
  REQUIRE(cs.size() == 1);
  CHECK(cs[0].code == s.fx.code_a);
  CHECK(quote_of(s.p(), cs[0]) == "Dokumen " + hangul);
}

TEST_CASE("stance keys + - 0 and Delete act on the selected coding, each one undo step") {
  Session s;
  const int64_t a = cp_of(kText, "Komunike");
  s.view().set_selection(a, a + 8);
  s.h.type('2');  // the second indicator
  s.h.frame(s.draw);
  REQUIRE(s.p().codings().size() == 1);
  const store::Id id = s.p().codings()[0].id;
  CHECK(s.p().codings()[0].code == s.fx.code_b);
  const int64_t rev = s.p().revision();
  struct {
    unsigned key;
    store::Stance want;
  } table[] = {{'+', store::Stance::supports},
               {0x2212, store::Stance::contradicts},
               {'0', store::Stance::neutral},
               {'-', store::Stance::contradicts}};  // each one a change: the store records no empty actions
  for (const auto& row : table) {
    s.h.type(row.key);
    s.h.frame(s.draw);
    CHECK(s.p().coding(id).stance == row.want);
  }
  CHECK(s.p().revision() == rev + 4);
  s.h.key(test::kDelete);
  s.h.frame(s.draw);
  CHECK(s.p().codings().empty());
  s.h.key('Z', true);
  s.h.frame(s.draw);
  CHECK(s.p().codings().size() == 1);
}

TEST_CASE("double-click selects a word, triple-click a paragraph, Shift+arrows extend") {
  Session s;
  const int64_t w = cp_of(kText, "Komunike");
  const ImVec2 p = s.at(w + 3);
  s.h.click(p, s.draw);
  s.h.click(p, s.draw);  // within the double-click time
  CHECK(s.view().selection().start == w);
  CHECK(s.view().selection().end == w + 8);
  s.h.click(p, s.draw);  // the third click
  const text::Span para = s.app->open_doc()->paragraph_at(w);
  CHECK(s.view().selection().start == para.start);
  CHECK(s.view().selection().end == para.end);
  CHECK(para.start == cp_of(kText, "Informan B: Komunike"));

  s.h.pause(s.draw);
  s.h.click(s.at(w), s.draw);  // a plain click puts the caret at w
  CHECK_FALSE(s.view().has_selection());
  for (int i = 0; i < 3; ++i) {
    s.h.key(test::kRight, false, true);
    s.h.frame(s.draw);
  }
  CHECK(s.view().selection().start == w);
  CHECK(s.view().selection().end == w + 3);
  s.h.key('C', true);  // copy
  s.h.frame(s.draw);
  CHECK(std::string(ImGui::GetClipboardText()) == "Kom");
}

TEST_CASE("overlapping codings are layered; a click selects the innermost; a stripe selects its coding") {
  Session s;
  const int64_t a0 = cp_of(kText, "Komunike"), a1 = cp_of(kText, "kewajiban") + 9;
  const int64_t b0 = cp_of(kText, "Jakarta"), b1 = cp_of(kText, "hak");
  store::Coding ca, cb;
  ca.doc = cb.doc = s.fx.doc;
  ca.code = s.fx.code_a;
  ca.start = a0;
  ca.end = a1;
  cb.code = s.fx.code_c;
  cb.start = b0;
  cb.end = b1;
  const store::Id ida = s.p().add_coding(ca), idb = s.p().add_coding(cb);
  s.h.frames(2, s.draw);
  const ui::OpenDocument* d = s.app->open_doc();
  REQUIRE(d->codings.size() == 2);
  CHECK(d->levels == 2);
  CHECK(d->lanes.size() == 2);
  int seen = 0;
  d->for_codings_in(b0, b0 + 1, [&](size_t) { ++seen; });
  CHECK(seen == 2);

  s.h.pause(s.draw);
  s.h.click(s.at(b0 + 2), s.draw);  // inside both: the shorter one wins
  CHECK(s.view().selected_coding() == idb);
  s.h.pause(s.draw);
  s.h.click(s.at(a0 + 2), s.draw);  // only in A
  CHECK(s.view().selected_coding() == ida);

  // Each stripe selects its own coding and its text.
  for (store::Id want : {idb, ida}) {
    const ui::StripeHit* hit = nullptr;
    for (const auto& st : s.view().stripes())
      if (st.coding == want) hit = &st;
    REQUIRE(hit != nullptr);
    s.h.pause(s.draw);
    s.h.click(hit->rect.GetCenter(), s.draw);
    CHECK(s.view().selected_coding() == want);
    const store::Coding c = s.p().coding(want);
    CHECK(s.view().selection().start == c.start);
    CHECK(s.view().selection().end == c.end);
  }
}

TEST_CASE("dragging the selection onto a code codes it") {
  Session s;
  const int64_t a = cp_of(kText, "tanpa"), b = cp_of(kText, "kewajiban") + 9;
  s.h.drag(s.at(a), s.at(b, -1.0f), s.draw);
  REQUIRE(s.view().selection().end == b);
  s.h.pause(s.draw);
  s.h.drag(s.at(a + 3), s.row_centre(s.fx.code_c), s.draw, 10);
  auto cs = s.p().codings();
  REQUIRE(cs.size() == 1);
  CHECK(cs[0].code == s.fx.code_c);
  CHECK(cs[0].start == a);
  CHECK(cs[0].end == b);
}

TEST_CASE("quick code (Q) with type-ahead, and in-vivo coding (I) as one undo step") {
  Session s;
  const int64_t a = cp_of(kText, "datanya");
  s.view().set_selection(a, a + 7);
  s.h.type('q');
  s.h.frames(3, s.draw);  // the popup opens and its input takes the keyboard
  for (char c : std::string("impedi")) s.h.type(static_cast<unsigned>(c));
  s.h.frame(s.draw);
  s.h.key(test::kEnter);
  s.h.frame(s.draw);
  s.h.frame(s.draw);
  auto cs = s.p().codings();
  REQUIRE(cs.size() == 1);
  CHECK(cs[0].code == s.fx.code_c);

  const size_t codes_before = s.p().codes().size();
  s.view().set_selection(a, a + 7);
  s.h.type('i');
  s.h.frame(s.draw);
  CHECK(s.p().codes().size() == codes_before + 1);
  CHECK(s.p().code(s.p().codings().back().code).name == "datanya");
  s.h.key('Z', true);
  s.h.frame(s.draw);
  CHECK(s.p().codes().size() == codes_before);  // code and coding went in one step
  CHECK(s.p().codings().size() == 1);
}

TEST_CASE("a 1 MB document with 10,000 codings stays under the 16-bit vertex limit") {
  std::string big;
  const std::string para =
      "Informan C: Ekspor rempah ke Seoul naik dari tahun ke tahun \xE2\x80\x94 tetapi eksportir kecil jarang "
      "dilibatkan dalam misi dagang \xE2\x80\x9Ckota kembar\xE2\x80\x9D ini.\n\n";
  while (big.size() < (1u << 20)) big += para;
  Session s(big);
  std::vector<store::Coding> cs;
  const int64_t len = static_cast<int64_t>(text::count_code_points(big));
  for (int i = 0; i < 10000; ++i) {
    store::Coding c;
    c.doc = s.fx.doc;
    c.code = i % 3 == 0 ? s.fx.code_a : i % 3 == 1 ? s.fx.code_b : s.fx.code_c;
    c.start = (len - 400) * i / 10000;
    c.end = c.start + 30 + (i % 7) * 40;
    cs.push_back(c);
  }
  s.p().add_codings(cs, "bulk");
  s.h.frames(2, s.draw);
  CHECK(s.app->open_doc()->codings.size() == 10000);
  CHECK(test::Headless::max_vertices() < 65536);
  s.view().jump_to(len / 2, false);
  s.h.frames(2, s.draw);
  CHECK(s.view().top_cp() > len / 3);
  CHECK(test::Headless::max_vertices() < 65536);
}
