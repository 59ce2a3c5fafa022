// Links between codings in the window (issue 21, item 1 in the window): made
// with the keyboard only through Link to… (L, type, Enter, the relation,
// Enter), by dragging a coding's chip onto another coding in the document or
// onto a row of the picker, with a new relation of the researcher's own;
// listed in the inspector with a jump to the other coding, removed with
// Delete on a focused row, a memo saved as a draft on quit; each one undoable
// action. In the Triangulation view: each quote's link count and relation
// chips and the indicator's count equal analysis::link_counts, and the
// compare view lists the links between quotes of different source types.
#include <doctest/doctest.h>

#include <algorithm>

#include "analysis/judgement.h"
#include "gui/fixture.h"
#include "gui/headless.h"
#include "store/judgement.h"
#include "ui/coding/view_coding.h"
#include "ui/shell/app.h"
#include "ui/triangulation/view_triangulation.h"

using namespace telaah;
using test::cp_of;

namespace {

const std::string kText =
    "Informan A: Perjanjian kota kembar ditandatangani tahun 2013.\n\n"
    "Informan A: Tapi dananya tidak pernah cukup untuk program.\n";
const std::string kNews = "Berita: Ekspor ke Seoul naik tajam tahun ini.\n";

struct Session : test::DocSession {
  store::Id doc2 = 0, c1 = 0, c2 = 0, c3 = 0;
  Session() : DocSession("gui-links", kText, 1400, 1600) {
    store::NewDocument d;
    d.title = "Berita ekspor";
    d.source_type = "news";
    d.language = "id";
    d.text = kNews;
    d.original_name = "b.txt";
    d.original_bytes = kNews;
    doc2 = p().add_document(d);
    c1 = add(fx.doc, kText, "Perjanjian kota kembar", fx.code_a);
    c2 = add(doc2, kNews, "Ekspor ke Seoul naik tajam", fx.code_b);
    c3 = add(fx.doc, kText, "dananya tidak pernah cukup", fx.code_c);
    h.frames(3, draw);
  }
  store::Id add(store::Id doc, const std::string& text, const std::string& what, store::Id code) {
    store::Coding c;
    c.doc = doc;
    c.code = code;
    c.start = cp_of(text, what);
    c.end = c.start + static_cast<int64_t>(what.size());
    return p().add_coding(c);
  }
  ui::CodingView& coding() {
    auto* v = dynamic_cast<ui::CodingView*>(app->view(ui::View::coding));
    REQUIRE(v != nullptr);
    return *v;
  }
  void select(store::Id c) {
    view().select_coding(c);
    const store::Coding k = p().coding(c);
    view().set_selection(k.start, k.end);
    h.frames(3, draw);
  }
  // Frames until the picker has read the codings and matched every row.
  void settle_picker() {
    for (int i = 0; i < 20000 && !(coding().link_picker().ready() && coding().link_picker().complete()); ++i)
      h.frame(draw);
    h.frames(2, draw);
    REQUIRE(coding().link_picker().ready());
    REQUIRE(coding().link_picker().complete());
  }
  std::vector<store::Link> links() { return store::all_links(p()); }
};

}  // namespace

TEST_CASE("Link to… by keyboard only: L, type part of the quote, Enter, Down, Enter makes one undoable link") {
  Session s;
  s.select(s.c1);
  const int64_t rev = s.p().revision();
  s.h.push_text("l");  // several events between two frames: the queue trickles them
  s.h.drain(s.draw);
  s.h.frames(2, s.draw);
  REQUIRE(s.coding().link_picker().is_open());
  CHECK(s.coding().link_picker().from() == s.c1);
  s.h.push_text("naik tajam");
  s.h.drain(s.draw);
  s.settle_picker();
  auto& pk = s.coding().link_picker();
  REQUIRE(pk.hits().size() == 1);
  CHECK(pk.row(pk.hits()[0])->id == s.c2);
  s.h.push_chord(test::kEnter);
  s.h.push_chord(test::kDown);
  s.h.push_chord(test::kEnter);
  s.h.drain(s.draw);
  s.h.frames(2, s.draw);
  const auto ls = s.links();
  REQUIRE(ls.size() == 1);
  CHECK(ls[0].from == s.c1);
  CHECK(ls[0].to == s.c2);
  CHECK(ls[0].type_name == "contradicts");
  CHECK(s.p().revision() == rev + 1);  // one action
  CHECK_FALSE(s.coding().link_picker().is_open());
  CHECK(s.app->status_offers_undo());

  // The inspector lists it (→ contradicts, the other quote, its document); a click jumps along it.
  REQUIRE(s.coding().link_rows().size() == 1);
  CHECK(s.coding().link_rows()[0].outgoing);
  CHECK(s.coding().link_rows()[0].other == s.c2);
  CHECK(s.coding().link_rows()[0].doc_title == "Berita ekspor");
  CHECK(s.coding().link_rows()[0].quote.rfind("Ekspor ke Seoul", 0) == 0);
  s.h.pause(s.draw);
  s.h.click(s.coding().link_row_rect(0)->GetCenter(), s.draw);
  s.h.frames(3, s.draw);
  REQUIRE(s.app->open_doc() != nullptr);
  CHECK(s.app->open_doc()->meta.id == s.doc2);
  CHECK(s.view().selected_coding() == s.c2);
  REQUIRE(s.coding().link_rows().size() == 1);  // the same link, seen from its other end
  CHECK_FALSE(s.coding().link_rows()[0].outgoing);

  // Delete on the focused row removes the link (not the coding); Ctrl+Z brings it back.
  s.h.pause(s.draw);
  s.h.click(s.coding().link_row_rect(0)->GetCenter(), s.draw);  // focus it (jumping to c1's document)
  s.h.frames(3, s.draw);
  CHECK(s.app->open_doc()->meta.id == s.fx.doc);
  s.keys(test::kDelete);
  s.h.frames(2, s.draw);
  CHECK(s.links().empty());
  CHECK_NOTHROW(s.p().coding(s.c1));
  CHECK_NOTHROW(s.p().coding(s.c2));
  CHECK(s.p().revision() == rev + 2);
  s.keys('Z', 1, true);
  s.h.frames(2, s.draw);
  CHECK(s.links().size() == 1);
  CHECK(s.coding().link_rows().size() == 1);
  s.keys('Z', 1, true);  // and the link itself
  s.h.frames(2, s.draw);
  CHECK(s.links().empty());
  CHECK_NOTHROW(s.p().coding(s.c1));
}

TEST_CASE("dragging a coding's chip onto another coding in the document, then Enter, links them") {
  Session s;
  s.select(s.c1);
  const auto chip = s.coding().coding_chip_rect();
  REQUIRE(chip.has_value());
  const auto at = s.view().screen_pos(cp_of(kText, "pernah"));
  REQUIRE(at.has_value());
  const int64_t rev = s.p().revision();
  s.h.drag(chip->GetCenter(), ImVec2(at->x + 3, at->y + s.view().line_height() * 0.5f), s.draw);
  s.h.frames(2, s.draw);
  auto& pk = s.coding().link_picker();
  REQUIRE(pk.choosing_relation());
  CHECK(pk.from() == s.c1);
  CHECK(pk.to() == s.c3);
  CHECK(s.p().revision() == rev);  // nothing yet: the relation comes first
  s.keys(test::kEnter);
  s.h.frames(2, s.draw);
  auto ls = s.links();
  REQUIRE(ls.size() == 1);
  CHECK(ls[0].type_name == "corroborates");
  CHECK(ls[0].from == s.c1);
  CHECK(ls[0].to == s.c3);
  CHECK(s.p().revision() == rev + 1);

  // Onto a row of the picker: the chip of c1 dropped on c2's row.
  s.h.push_text("l");
  s.h.drain(s.draw);
  s.h.push_text("ekspor");
  s.h.drain(s.draw);
  s.settle_picker();
  const auto row = pk.row_rect(s.c2);
  REQUIRE(row.has_value());
  const auto chip2 = s.coding().coding_chip_rect();
  REQUIRE(chip2.has_value());
  s.h.drag(chip2->GetCenter(), row->GetCenter(), s.draw);
  s.h.frames(2, s.draw);
  REQUIRE(pk.choosing_relation());
  CHECK(pk.from() == s.c1);
  CHECK(pk.to() == s.c2);
  s.keys(test::kDown, 2);
  s.keys(test::kEnter);
  s.h.frames(2, s.draw);
  ls = s.links();
  REQUIRE(ls.size() == 2);
  CHECK(ls[1].type_name == "explains");
  s.app->undo();
  s.app->undo();
  s.h.frames(2, s.draw);
  CHECK(s.links().empty());
}

TEST_CASE("a relation of one's own: New relation…, its name, Enter: the relation and the link, one action each") {
  Session s;
  s.select(s.c1);
  const int64_t rev = s.p().revision();
  s.h.push_text("l");
  s.h.drain(s.draw);
  s.h.push_text("ekspor");
  s.h.drain(s.draw);
  s.settle_picker();
  s.keys(test::kEnter);
  REQUIRE(s.coding().link_picker().choosing_relation());
  const int n = static_cast<int>(s.coding().link_picker().relations().size());
  CHECK(n == 4);  // the built-in ones
  s.keys(test::kDown, n);
  CHECK(s.coding().link_picker().chosen_relation() == n);
  s.keys(test::kEnter);
  s.h.frames(2, s.draw);
  REQUIRE(ImGui::GetIO().WantTextInput);  // the name box has the keyboard
  s.burst("menjawab");
  s.keys(test::kEnter);
  s.h.frames(2, s.draw);
  const auto types = store::link_types(s.p());
  REQUIRE(types.size() == 5);
  CHECK(types.back().name == "menjawab");
  CHECK_FALSE(types.back().builtin);
  CHECK(types.back().directed);
  const auto ls = s.links();
  REQUIRE(ls.size() == 1);
  CHECK(ls[0].type_name == "menjawab");
  CHECK(s.p().revision() == rev + 2);
  CHECK(s.coding().link_rows().size() == 1);
  s.app->undo();
  CHECK(s.links().empty());
  s.app->undo();
  CHECK(store::link_types(s.p()).size() == 4);
}

TEST_CASE("a link's memo typed in the inspector is saved on Ctrl+Q like the other memos") {
  Session s;
  const store::Id l = store::add_link(s.p(), s.c1, s.c3, "explains");
  s.select(s.c1);
  REQUIRE(s.coding().link_rows().size() == 1);
  s.h.pause(s.draw);
  s.h.click(s.coding().link_memo_button_rect(0)->GetCenter(), s.draw);
  s.h.frames(2, s.draw);
  REQUIRE(s.coding().link_memo_rect().has_value());
  s.h.click(s.coding().link_memo_rect()->GetCenter(), s.draw);
  s.h.frames(2, s.draw);
  REQUIRE(ImGui::GetIO().WantTextInput);
  s.burst("dana jadi sebab");
  CHECK(s.links()[0].memo.empty());
  CHECK(s.app->has_unsaved_draft());
  s.keys('Q', 1, true);
  CHECK(s.app->wants_quit());
  const auto ls = s.links();
  REQUIRE(ls.size() == 1);
  CHECK(ls[0].id == l);
  CHECK(ls[0].memo == "dana jadi sebab");
}

// --- the Triangulation view ---

namespace {
struct TriSession : test::SampleWindow {
  TriSession() : SampleWindow("gui-links-tri", 1600, 1000) {
    REQUIRE(open());
    app->set_view(ui::View::triangulation);
    frames(3);
  }
  ui::TriangulationView& view() { return ui::TriangulationView::of(*app); }
  void click_key(const std::string& key) {
    pause();
    click(view().item_rect(key), key);
    frames(2);
  }
  int row(const std::string& path) {
    const auto& rows = view().model().matrix().rows;
    for (size_t i = 0; i < rows.size(); ++i)
      if (rows[i].path == path) return static_cast<int>(i);
    FAIL("no row " << path);
    return -1;
  }
};
}  // namespace

TEST_CASE("triangulation: each quote's link chips and the indicator's link count equal the model's") {
  if (!test::have_sample()) return;
  TriSession s;
  const std::string legal = "Input/Legal infrastructure";
  const int r = s.row(legal);
  s.click_key("cell:" + std::to_string(r) + ":0");
  s.click_key("compare:button");
  REQUIRE(s.view().tab() == ui::TriangulationView::Tab::compare);
  const auto& cols = s.view().compare_columns();
  REQUIRE(cols.size() >= 2);
  int a = -1, b = -1;
  for (size_t c = 0; c < cols.size(); ++c) {
    if (cols[c].empty()) continue;
    if (a < 0)
      a = static_cast<int>(c);
    else if (b < 0)
      b = static_cast<int>(c);
  }
  REQUIRE(a >= 0);
  REQUIRE(b >= 0);
  const store::Id qa = cols[static_cast<size_t>(a)][0].coding_id, qb = cols[static_cast<size_t>(b)][0].coding_id;
  const store::Id qa2 = cols[static_cast<size_t>(a)].size() > 1 ? cols[static_cast<size_t>(a)][1].coding_id : 0;
  // Two links across source types and (when there is one) one within a column.
  store::add_link(s.project(), qa, qb, "corroborates");
  store::add_link(s.project(), qb, qa, "contradicts");
  if (qa2) store::add_link(s.project(), qa, qa2, "explains");
  s.frames(4);
  s.settle();
  const auto& m = s.view().model();
  const store::Id code = m.matrix().rows[static_cast<size_t>(r)].code_id;
  const analysis::LinkCounts want = analysis::link_counts(s.project(), m.table(), m.matrix(), code);
  CHECK(want.total() == (qa2 ? 3 : 2));
  CHECK(s.view().indicator_links().total() == want.total());
  CHECK(s.view().indicator_links().corroborates == want.corroborates);
  CHECK(s.view().indicator_links().contradicts == want.contradicts);
  CHECK(s.view().indicator_links().explains == want.explains);
  // Each quote: as many chips as the coding has links, in their relations.
  for (const auto& col : s.view().compare_columns())
    for (const auto& e : col) {
      const auto of = store::links_of_coding(s.project(), e.coding_id);
      const auto chips = s.view().quote_links(e.coding_id);
      REQUIRE(chips.size() == of.size());
      for (size_t i = 0; i < of.size(); ++i) CHECK(chips[i].type_name == of[i].type_name);
    }
  // The compare view draws and lists the two links between columns, not the one within a column.
  const auto& across = s.view().compare_links();
  CHECK(across.size() == 2);
  for (const auto& x : across) CHECK(x.column_from != x.column_to);
  // The evidence list of the cell shows the same chips.
  s.click_key("cell:" + std::to_string(r) + ":" + std::to_string(a));
  REQUIRE(s.view().tab() == ui::TriangulationView::Tab::evidence);
  bool seen = false;
  for (const auto& e : s.view().evidence())
    if (e.coding_id == qa) seen = s.view().quote_links(qa).size() == (qa2 ? 3u : 2u);
  CHECK(seen);
}
