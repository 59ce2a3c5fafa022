// Regressions found by driving the real window like a researcher (QA passes):
// each case replays the user's steps headless and checks what they saw.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <thread>

#include "gui/fixture.h"
#include "gui/headless.h"
#include "ui/shell/app.h"
#include "ui/shell/theme.h"
#include "ui/triangulation/view_triangulation.h"

using namespace telaah;
using test::cp_of;

namespace {

const std::string kText =
    "Pewawancara: Bagaimana tren ekspor ke Seoul?\n\n"
    "Informan B: Secara umum tren tahunannya meningkat, walaupun tidak selalu dalam kecepatan yang sama.\n\n"
    "Pewawancara: Terima kasih, Seoul.\n";

struct Session : test::DocSession {
  Session() : DocSession("gui-qa", kText) {}
  // Code "Secara umum ..." to the first indicator with key 1; the new coding is selected.
  store::Id code_passage() {
    const int64_t a = cp_of(kText, "Secara");
    app->doc_view().set_selection(a, a + 30);
    h.type('1');
    h.frame(draw);
    REQUIRE(p().codings().size() == 1);
    REQUIRE(app->doc_view().selected_coding() == p().codings()[0].id);
    return p().codings()[0].id;
  }
};

}  // namespace

TEST_CASE("the memo popup (M) keeps what was typed: Ctrl+Enter saves it as one undo step") {
  // The inspector's memo box shared the popup's draft and reset it every frame,
  // so the popup saved an empty memo (nothing) whatever the user typed.
  Session s;
  const store::Id id = s.code_passage();
  const int64_t rev = s.p().revision();
  s.h.type('m');
  s.h.frames(3, s.draw);  // the popup opens and its box takes the keyboard
  REQUIRE(ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel));
  s.type_text("Growth trend but uneven");
  s.h.key(test::kEnter, true);
  s.h.frames(2, s.draw);
  CHECK(s.p().coding(id).memo == "Growth trend but uneven");
  CHECK(s.p().revision() == rev + 1);
  CHECK_FALSE(ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel));
  s.h.key('Z', true);
  s.h.frame(s.draw);
  CHECK(s.p().coding(id).memo.empty());
}

TEST_CASE("the memo popup: Escape cancels without a change, a second memo replaces the first") {
  Session s;
  const store::Id id = s.code_passage();
  s.h.type('m');
  s.h.frames(3, s.draw);
  s.type_text("first");
  s.h.key(test::kEnter, true);
  s.h.frames(2, s.draw);
  REQUIRE(s.p().coding(id).memo == "first");
  const int64_t rev = s.p().revision();
  s.h.type('m');
  s.h.frames(3, s.draw);
  s.type_text(" draft");
  s.h.key(test::kEscape);
  s.h.frames(3, s.draw);
  CHECK(s.p().coding(id).memo == "first");
  CHECK(s.p().revision() == rev);
  // Reopened: the box starts from the saved memo, typing appends.
  s.h.pause(s.draw);
  s.h.type('m');
  s.h.frames(3, s.draw);
  s.h.key(test::kEnd, true);
  s.h.frame(s.draw);
  s.type_text(", second");
  s.h.key(test::kEnter, true);
  s.h.frames(2, s.draw);
  CHECK(s.p().coding(id).memo == "first, second");
}

TEST_CASE("find in document: Escape in the find box closes the bar") {
  Session s;
  s.h.key('F', true);
  s.h.frames(3, s.draw);
  REQUIRE(s.app->doc_view().find_open());
  s.type_text("Seoul");
  s.h.key(test::kEnter);
  s.h.frames(2, s.draw);
  CHECK(s.app->doc_view().selection().start == cp_of(kText, "Seoul"));
  s.h.key(test::kEscape);
  s.h.frames(2, s.draw);
  CHECK_FALSE(s.app->doc_view().find_open());
}

TEST_CASE("light theme: text boxes and unchecked radio buttons stand out from the white panes") {
  ImGuiContext* ctx = ImGui::CreateContext();
  for (ui::Theme t : {ui::Theme::light, ui::Theme::dark}) {
    ui::apply_theme(t, 1.0f);
    const ImVec4 f = ImGui::GetStyle().Colors[ImGuiCol_FrameBg], c = ImGui::GetStyle().Colors[ImGuiCol_ChildBg];
    const float diff = std::abs(f.x - c.x) + std::abs(f.y - c.y) + std::abs(f.z - c.z);
    CHECK(diff > 0.06f);
  }
  ImGui::DestroyContext(ctx);
}

TEST_CASE("a coding, document or view that comes up keeps the window drawing until its tables settle") {
  // The window idles a few frames after input; a table that first appears lays
  // out on its second frame, so the inspector stayed wrapped one letter per line.
  Session s;
  s.h.frames(6, s.draw);
  CHECK_FALSE(s.app->settling());
  s.code_passage();  // selects the new coding: the inspector shows it
  CHECK(s.app->settling());
  CHECK(s.app->needs_frames());
  s.h.frames(4, s.draw);
  CHECK_FALSE(s.app->settling());
  s.app->doc_view().select_coding(std::nullopt);
  s.h.frame(s.draw);
  CHECK(s.app->settling());
  s.h.frames(4, s.draw);
  s.app->set_view(ui::View::triangulation);
  s.h.frame(s.draw);
  CHECK(s.app->settling());
}

TEST_CASE("triangulation: the status line after an override names the sources as the view does") {
  // It said "interview\u2013news = partial agreement" (stored keys) beside "Interviews \u2013 News" in the view.
  Session s;
  store::Project& p = s.p();
  store::NewDocument d;
  d.title = "Berita";
  d.source_type = "news";
  d.language = "id";
  d.text = "Ekspor naik, kata pejabat.\n";
  d.original_name = "b.txt";
  d.original_bytes = d.text;
  const store::Id news = p.add_document(d);
  store::Coding c;
  c.doc = s.fx.doc;
  c.code = s.fx.code_a;
  c.start = 0;
  c.end = 11;
  c.stance = store::Stance::supports;
  p.add_coding(c);
  c.doc = news;
  c.end = 5;
  c.stance = store::Stance::contradicts;
  p.add_coding(c);
  s.app->set_view(ui::View::triangulation);
  s.h.frames(4, s.draw);
  ui::TriangulationView& v = ui::TriangulationView::of(*s.app);
  auto click = [&](const std::string& key) {
    s.h.pause(s.draw);
    const auto r = v.item_rect(key);
    REQUIRE_MESSAGE(r.has_value(), key);
    s.h.click(r->GetCenter(), s.draw);
    s.h.frames(2, s.draw);
  };
  const auto& rows = v.model().matrix().rows;
  const auto row =
      std::find_if(rows.begin(), rows.end(), [](const auto& r) { return r.path == "Input/Legal infrastructure"; });
  REQUIRE(row != rows.end());
  click("row:" + std::to_string(row - rows.begin()));
  click("override:pair:interview:news");
  click("override:label");
  click("override:label:1");  // partial agreement
  click("override:memo");
  s.type_text("Different periods.");
  click("override:save");
  REQUIRE_FALSE(s.app->status_is_error());
  const std::string st = s.app->status();
  CHECK(st.find("Interviews \xE2\x80\x93 News") != std::string::npos);
  CHECK(st.find("interview") == std::string::npos);
  CHECK(st.find("partial agreement") != std::string::npos);
}

TEST_CASE(
    "fit_panes: the document keeps a readable width; side panes give way in proportion, not below their minimum") {
  // 1440 wide, the defaults: untouched.
  auto f = ui::fit_panes(1440, 270, 360, 6, 140, 320);
  CHECK(f.left == 270);
  CHECK(f.right == 360);
  CHECK(f.centre == doctest::Approx(1440 - 12 - 630));
  // 800 wide: the document was squeezed to 200 px beside a 360 px codebook.
  f = ui::fit_panes(800, 270, 360, 6, 140, 320);
  CHECK(f.centre == doctest::Approx(320));
  CHECK(f.left / f.right == doctest::Approx(270.0 / 360.0));
  CHECK(f.left + f.centre + f.right + 12 == doctest::Approx(800));
  // Narrower still: the side panes stop at their minimum, the document takes the rest.
  f = ui::fit_panes(560, 270, 360, 6, 140, 320);
  CHECK(f.left == 140);
  CHECK(f.right == 140);
  CHECK(f.centre == doctest::Approx(560 - 12 - 280));
  // Absurdly small: everything stays positive.
  f = ui::fit_panes(90, 270, 360, 6, 140, 320);
  CHECK(f.left > 0);
  CHECK(f.centre > 0);
  CHECK(f.right > 0);
}

TEST_CASE("a small window squeezes the panes for now; the user's pane widths come back with the space") {
  Session s;
  ImGuiIO& io = ImGui::GetIO();
  auto text_x = [&] {
    s.h.frames(3, s.draw);
    const auto p = s.app->doc_view().screen_pos(0);
    REQUIRE(p.has_value());
    return p->x;
  };
  const float wide = text_x();
  io.DisplaySize = ImVec2(800, 600);
  const float narrow = text_x();
  CHECK(narrow < wide);
  // The codebook gave way too: its rows start well right of the old 800 - 360.
  const auto row = s.app->code_row_rect(s.fx.code_a);
  REQUIRE(row.has_value());
  CHECK(row->Min.x > 800 - 300);
  io.DisplaySize = ImVec2(1400, 900);
  CHECK(text_x() == doctest::Approx(wide));
}

TEST_CASE("closing the project says so in the status line (it kept saying 'Opened ...')") {
  Session s;
  s.app->close_project();
  s.h.frames(2, s.draw);
  CHECK(s.app->project() == nullptr);
  CHECK(s.app->status().rfind("Closed t.telaah", 0) == 0);
}

TEST_CASE("retrieval list in an 800 px window: the quote column keeps a readable width") {
  Session s;
  s.code_passage();
  ImGui::GetIO().DisplaySize = ImVec2(800, 600);
  s.app->set_view(ui::View::retrieval);
  ImGuiContext& g = *GImGui;
  const ImGuiTable* list = nullptr;
  for (int tries = 0; tries < 300 && !list; ++tries) {  // the retrieval may run off the UI thread
    s.h.frame(s.draw);
    for (int i = 0; i < g.Tables.GetMapSize(); ++i)
      if (const ImGuiTable* t = g.Tables.TryGetMapData(i);
          t && t->ColumnsCount == 6 && t->LastFrameActive >= g.FrameCount - 1)
        list = t;
    if (!list) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  s.h.frames(3, s.draw);
  REQUIRE(list != nullptr);
  // Before: 20 em of fixed document and code columns left the quote about 60 px.
  CHECK(list->Columns[0].WidthGiven > 150.0f);
  CHECK(list->Columns[0].WidthGiven > list->Columns[1].WidthGiven);
}

TEST_CASE("what the project says when it opens (a foreign -wal moved aside) is shown in the status line") {
  test::AppWindow w("gui-notices");
  namespace fs = std::filesystem;
  const fs::path a = w.dir.path / "a.telaah", b = w.dir.path / "b.telaah";
  { auto p = store::Project::create(a); }
  {
    auto q = store::Project::create(b);  // open: its -wal holds committed frames
    store::NewDocument d;
    d.title = "Lain";
    d.source_type = "news";
    d.language = "id";
    d.text = "Teks lain sekali.\n";
    d.original_name = "lain.txt";
    d.original_bytes = d.text;
    for (int i = 0; i < 3; ++i) q->add_document(d);
    REQUIRE(fs::file_size(fs::path(b.string() + "-wal")) > 0);
    fs::copy_file(fs::path(b.string() + "-wal"), fs::path(a.string() + "-wal"));
  }
  REQUIRE(w.app->open_project(a));
  w.frames(2);
  REQUIRE_FALSE(w.app->project()->notices().empty());
  const std::string st = w.app->status();
  CHECK(st.rfind("Opened a.telaah", 0) == 0);
  CHECK(st.find("Note: the -wal file") != std::string::npos);
  CHECK(st.find("moved to") != std::string::npos);
  CHECK(w.app->status_is_error());  // in the warning colour: the researcher should read it
}
