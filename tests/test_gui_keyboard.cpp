// Every action by keyboard: the document's caret (character, word, line,
// paragraph; Shift extends), and a keyboard-only walkthrough of a coding
// session without a single mouse event.
#include <doctest/doctest.h>

#include <chrono>

#include "gui/fixture.h"
#include "gui/headless.h"
#include "ui/shell/app.h"
#include "ui/triangulation/view_triangulation.h"

using namespace telaah;
using test::cp_of;

namespace {

const std::string kText =
    "Pewawancara: Bagaimana tren ekspor ke Seoul?\n\n"
    "Informan B: Secara umum tren tahunannya meningkat. Walaupun tidak selalu sama.\n\n"
    "Pewawancara: Terima kasih.\n";

struct Session : test::DocSession {
  Session() : DocSession("gui-keyboard", kText) {}
};

}  // namespace

TEST_CASE("the document caret moves by character, word, line and paragraph; Shift extends the selection") {
  Session s;
  // The document has the keyboard (as after a click in it), the caret at "Secara".
  const int64_t secara = cp_of(kText, "Secara");
  s.view().set_caret(secara);
  s.view().focus();
  s.h.frames(2, s.draw);
  REQUIRE(s.view().has_focus());
  s.keys(test::kRight, 2);
  CHECK(s.view().caret() == secara + 2);
  s.keys(test::kLeft, 2);
  s.keys(test::kRight, 2, true);  // Ctrl+Right twice: the end of "umum"
  CHECK(s.view().caret() == cp_of(kText, "umum") + 4);
  CHECK_FALSE(s.view().has_selection());
  s.keys(test::kLeft, 1, true);  // Ctrl+Left: the start of "umum"
  CHECK(s.view().caret() == cp_of(kText, "umum"));
  // Shift+Ctrl+Right selects word by word, from the anchor.
  s.keys(test::kRight, 3, true, true);
  CHECK(s.view().selection().start == cp_of(kText, "umum"));
  CHECK(s.view().selection().end == cp_of(kText, "tahunannya") + 10);
  s.keys(test::kRight, 1, false, true);  // and one character more: the full stop
  CHECK(s.view().selection().end == cp_of(kText, "tahunannya") + 11);
  // A plain arrow collapses the selection.
  s.keys(test::kRight);
  CHECK_FALSE(s.view().has_selection());
  // Ctrl+Down: the next paragraph; Ctrl+Up: back to this paragraph's start, then the one before.
  s.keys(test::kDown, 1, true);
  CHECK(s.view().caret() == cp_of(kText, "Pewawancara: Terima"));
  s.keys(test::kUp, 1, true);
  CHECK(s.view().caret() == cp_of(kText, "Informan B"));
  s.keys(test::kUp, 1, true);
  CHECK(s.view().caret() == 0);
  // Down: the next line (the blank line between paragraphs is a line too), Home / End of a line.
  s.keys(test::kDown, 2);
  CHECK(s.view().caret() == cp_of(kText, "Informan B"));
  s.keys(test::kEnd);
  CHECK(s.view().caret() > cp_of(kText, "Informan B") + 20);
  s.keys(test::kHome);
  CHECK(s.view().caret() == cp_of(kText, "Informan B"));
}

TEST_CASE("menus by keyboard: F10 opens the menu bar, Esc closes it without acting; Ctrl+1..5 switch views") {
  Session s;
  auto any_popup = [] { return ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel); };
  s.h.push_chord(test::kF10);
  s.h.drain(s.draw);
  s.h.frames(2, s.draw);
  CHECK(any_popup());
  const int64_t rev = s.app->project()->revision();
  s.h.push_chord(test::kEscape);
  s.h.drain(s.draw);
  s.h.frames(2, s.draw);
  CHECK_FALSE(any_popup());
  CHECK(s.app->project()->revision() == rev);
  CHECK_FALSE(s.app->wants_quit());
  const ui::ViewKey want[] = {ui::View::search, ui::View::retrieval, ui::View::triangulation, ui::View::agreement,
                              ui::View::coding};
  const int keys[] = {'2', '3', '4', '5', '1'};
  for (int i = 0; i < 5; ++i) {
    s.h.push_chord(keys[i], true);
    s.h.drain(s.draw);
    CHECK(s.app->view() == want[i]);
  }
}

namespace {

store::Id add_doc(store::Project& p, const std::string& title, const std::string& type, const std::string& text) {
  store::NewDocument d;
  d.title = title;
  d.source_type = type;
  d.language = "id";
  d.text = text;
  d.original_name = title + ".txt";
  d.original_bytes = text;
  return p.add_document(d);
}

std::string open_title(ui::App& app) {
  return app.open_doc() ? app.open_doc()->meta.title : std::string();
}

}  // namespace

TEST_CASE("Ctrl+P opens a document by its typed name: type to filter, arrows choose, Enter opens, Esc closes") {
  Session s;
  add_doc(s.p(), "Berita Jakarta ekspor", "news", "Ekspor Jakarta naik.\n");
  const store::Id seoul = add_doc(s.p(), "Berita Seoul", "news", "Ekspor ke Seoul naik tahun ini.\n");
  add_doc(s.p(), "Laporan tahunan", "official", "Laporan.\n");
  s.app->set_view(ui::View::triangulation);  // from any view
  s.h.frames(3, s.draw);
  // One burst between two frames: Ctrl+P, the name, Enter.
  s.h.push_chord('P', true);
  s.h.push_text("seoul");
  s.h.push_chord(test::kEnter);
  s.h.drain(s.draw);
  s.h.frames(2, s.draw);
  CHECK(s.app->open_doc()->meta.id == seoul);
  CHECK(s.app->view() == ui::View::coding);
  CHECK_FALSE(s.any_popup());
  CHECK(s.view().has_focus());  // the text of the document has the keyboard: the caret keys work at once

  // Arrows: "berita" matches two; Down chooses the second.
  s.h.push_chord('P', true);
  s.h.push_text("berita");
  s.h.drain(s.draw);
  REQUIRE(s.app->doc_picker().is_open());
  REQUIRE(s.app->doc_picker().hits().size() == 2);
  CHECK(s.app->cache().docs[s.app->doc_picker().hits()[0]].doc.title == "Berita Jakarta ekspor");
  s.keys(test::kDown);
  CHECK(s.app->doc_picker().chosen_row() == 1);
  s.keys(test::kUp);
  s.keys(test::kEnter);
  s.h.frames(2, s.draw);
  CHECK(open_title(*s.app) == "Berita Jakarta ekspor");

  // A title word ranks above the same letters elsewhere; Esc closes without opening anything.
  s.h.push_chord('P', true);
  s.h.push_text("tahun");
  s.h.drain(s.draw);
  REQUIRE(s.app->doc_picker().hits().size() >= 1);
  CHECK(s.app->cache().docs[s.app->doc_picker().hits()[0]].doc.title == "Laporan tahunan");
  s.keys(test::kEscape);
  s.h.frames(2, s.draw);
  CHECK_FALSE(s.any_popup());
  CHECK(open_title(*s.app) == "Berita Jakarta ekspor");
  // Nothing typed into the document's keys on the way (no coding, no memo).
  CHECK(s.p().codings().empty());
}

TEST_CASE("the document picker filters 100,000 documents over its cached rows and draws only the visible ones") {
  ui::ProjectCache cache;
  cache.docs_version = 1;
  const int n = 100000;
  cache.docs.resize(n);
  const char* words[] = {"wawancara", "berita", "laporan", "notulen", "pidato", "siaran"};
  for (int i = 0; i < n; ++i) {
    auto& d = cache.docs[static_cast<size_t>(i)].doc;
    d.id = i + 1;
    d.title = std::string(words[i % 6]) + " " + std::to_string(i) + " kota " + words[(i / 6) % 6];
    d.author = "penulis " + std::to_string(i % 97);
    d.date = "2023-01-01";
    d.source_type = "news";
  }
  ui::DocPicker picker;
  using clock = std::chrono::steady_clock;
  auto ms = [](clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); };
  auto t0 = clock::now();
  picker.set_query(cache, "");  // the first time: the lower-cased rows are made
  const double first = ms(clock::now() - t0);
  CHECK(picker.hits().size() == static_cast<size_t>(n));
  double worst = 0;
  std::string q;
  for (char c : std::string("berita 12")) {  // typed one letter at a time
    q += c;
    t0 = clock::now();
    picker.set_query(cache, q);
    worst = std::max(worst, ms(clock::now() - t0));
  }
  // "berita 12": titles "berita 12..." (every sixth document): 12, 120-129, 1200-1299, 12000-12999 that are berita.
  size_t expect = 0;
  for (int i = 0; i < n; ++i)
    if (i % 6 == 1 && std::to_string(i).rfind("12", 0) == 0) ++expect;
  CHECK(picker.hits().size() == expect);
  CHECK(picker.scanned() < static_cast<size_t>(n));  // a longer query looked only at the previous hits
  MESSAGE("picker over 100,000 documents: first " << first << " ms, worst keystroke " << worst << " ms");
  CHECK(worst < 1000.0);  // generous for sanitizer builds; about 10 ms optimised

  // Drawn: only the rows in sight.
  test::Headless h(1366, 768);
  picker.open();
  auto draw = [&] {
    ImGui::Begin("##w");
    picker.draw(cache);
    ImGui::End();
  };
  h.frames(3, draw);
  REQUIRE(picker.is_open());
  CHECK(picker.hits().size() == static_cast<size_t>(n));  // opening starts from an empty box
  CHECK(picker.rows_drawn() > 0);
  CHECK(picker.rows_drawn() < 40);
}

TEST_CASE(
    "Tab and Shift+Tab move the keyboard between the coding view's panes, with a ring around the one that has it") {
  Session s;
  add_doc(s.p(), "Berita Seoul", "news", "Ekspor ke Seoul naik.\n");
  s.h.frames(2, s.draw);
  const std::vector<std::string> order = {"##browser", "##document", "##codebook", "##inspector"};
  s.keys(test::kTab);
  CHECK(s.app->focused_pane() == "##browser");
  REQUIRE(s.app->focus_ring().has_value());
  for (size_t i = 1; i <= order.size(); ++i) {
    s.keys(test::kTab);
    CHECK(s.app->focused_pane() == order[i % order.size()]);
  }
  CHECK(s.app->focused_pane() == "##browser");
  s.keys(test::kTab, 1, false, true);  // Shift+Tab: back
  CHECK(s.app->focused_pane() == "##inspector");
  s.keys(test::kTab, 1, false, true);
  CHECK(s.app->focused_pane() == "##codebook");
  s.keys(test::kTab, 1, false, true);
  CHECK(s.app->focused_pane() == "##document");
  CHECK(s.view().has_focus());  // the document pane gives the keyboard to the text: the caret moves
  const int64_t c0 = s.view().caret();
  s.keys(test::kRight);
  CHECK(s.view().caret() == c0 + 1);
  // The ring lies on the pane that has the keyboard, inside the window.
  const auto ring = s.app->focus_ring();
  REQUIRE(ring.has_value());
  const auto text = s.app->doc_view().view_rect();
  CHECK(ring->Contains(text.GetCenter()));
  // Within the document list the arrows move and Enter opens.
  s.keys(test::kTab, 1, false, true);
  CHECK(s.app->focused_pane() == "##browser");
  const std::string before = open_title(*s.app);
  for (int i = 0; i < 6 && open_title(*s.app) == before; ++i) {
    s.keys(test::kDown);
    s.keys(test::kEnter);
  }
  CHECK(open_title(*s.app) == "Berita Seoul");
  // A click hides the ring (the mouse user does not need it).
  const ImVec2 ds = ImGui::GetIO().DisplaySize;
  s.h.click(ImVec2(ds.x * 0.6f, ds.y - ImGui::GetFrameHeight() * 0.5f), s.draw);
  CHECK_FALSE(s.app->focus_ring().has_value());
}

TEST_CASE("Tab from a memo being typed saves it (blur) and moves on") {
  Session s;
  const int64_t a = cp_of(kText, "Secara");
  s.view().set_selection(a, a + 11);
  s.burst("1");
  REQUIRE(s.p().codings().size() == 1);
  const store::Id id = s.p().codings()[0].id;
  // To the inspector by Tab, into its memo box by the arrows and Enter.
  for (int i = 0; i < 8 && s.app->focused_pane() != "##inspector"; ++i) s.keys(test::kTab);
  REQUIRE(s.app->focused_pane() == "##inspector");
  for (int i = 0; i < 12 && !ImGui::GetIO().WantTextInput; ++i) {
    s.keys(test::kDown);
    s.keys(test::kEnter);
  }
  REQUIRE(ImGui::GetIO().WantTextInput);
  s.burst("by keyboard");
  s.keys(test::kTab);
  s.h.frames(2, s.draw);
  CHECK_FALSE(ImGui::GetIO().WantTextInput);
  CHECK(s.p().coding(id).memo == "by keyboard");
}

TEST_CASE("keyboard-only walkthrough: open by Ctrl+P, select, code, stance, memo, triangulation cell, undo, quit") {
  Session s;
  const std::string news = "Ekspor ke Seoul naik tahun ini. Pejabat menyambut baik.\n";
  const store::Id berita = add_doc(s.p(), "Berita Seoul", "news", news);
  s.app->open_document(berita);  // the window comes up on another document
  s.h.frames(3, s.draw);
  // From here on, keys only: no mouse event at all.
  s.h.push_chord('P', true);
  s.h.push_text("transcript");
  s.h.push_chord(test::kEnter);
  s.h.drain(s.draw);
  REQUIRE(s.app->open_doc()->meta.id == s.fx.doc);
  REQUIRE(s.view().has_focus());
  // Select "Secara umum" by keyboard: down to the paragraph, word by word with Shift.
  REQUIRE(s.view().caret() == 0);
  s.keys(test::kDown, 1, true);  // Ctrl+Down: the next paragraph ("Informan B: ...")
  REQUIRE(s.view().caret() == cp_of(kText, "Informan B"));
  s.keys(test::kRight, static_cast<int>(cp_of(kText, "Secara") - cp_of(kText, "Informan B")));
  s.keys(test::kRight, 2, true, true);  // Shift+Ctrl+Right twice: "Secara umum"
  REQUIRE(s.view().has_selection());
  CHECK(s.view().selection().start == cp_of(kText, "Secara"));
  CHECK(s.view().selection().end == cp_of(kText, "umum") + 4);
  // Code it with the first pinned code (the first indicator), stance "supports", a memo.
  s.burst("1");
  REQUIRE(s.p().codings().size() == 1);
  const store::Coding coded = s.p().codings()[0];
  CHECK(coded.code == s.fx.code_a);
  CHECK(coded.start == cp_of(kText, "Secara"));
  s.burst("+");
  CHECK(s.p().coding(coded.id).stance == store::Stance::supports);
  s.burst("m");
  s.h.frames(2, s.draw);
  REQUIRE(s.any_popup());
  s.h.push_text("trend is up");
  s.h.push_chord(test::kEnter, true);
  s.h.drain(s.draw);
  CHECK(s.p().coding(coded.id).memo == "trend is up");
  // Triangulation: Tab to the matrix, the arrows to the indicator's interview cell, Space opens its evidence.
  s.keys('4', 1, true);
  REQUIRE(s.app->view() == ui::View::triangulation);
  s.h.frames(3, s.draw);
  auto& tri = ui::TriangulationView::of(*s.app);
  for (int i = 0; i < 6 && s.app->focused_pane().find("matrix") == std::string::npos; ++i) s.keys(test::kTab);
  REQUIRE(s.app->focused_pane().find("matrix") != std::string::npos);
  s.keys(test::kDown);  // the keyboard lands on the first row
  for (int i = 0; i < 12 && tri.selected_column() < 0; ++i) {
    s.keys(test::kRight);
    s.keys(test::kSpace);
  }
  CHECK(tri.selected_indicator() == s.fx.code_a);
  CHECK(tri.selected_column() >= 0);
  CHECK(tri.tab() == ui::TriangulationView::Tab::evidence);
  s.h.frames(2, s.draw);
  CHECK(tri.evidence().size() == 1);
  // Undo (the memo), then quit.
  s.keys('Z', 1, true);
  CHECK(s.p().coding(coded.id).memo.empty());
  s.keys('Q', 1, true);
  CHECK(s.app->wants_quit());
  CHECK(ImGui::GetIO().MousePos.x < 0);  // the mouse never came into the window
}
