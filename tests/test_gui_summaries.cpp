// The summary grid in the window, headless, on the sample project: a cell
// chosen by a click, a summary typed, quotes cited by the Cite button and by
// keyboard (Ctrl+Shift+Down chooses, Ctrl+Shift+K cites at the caret), the
// draft saved on a view switch as one undoable action, undo and redo, a
// broken citation marked when the cited coding goes, the columns by case, and
// the grid's rows drawn through the clipper (a project with 500 indicators).
#include <doctest/doctest.h>

#include <algorithm>

#include "gui/fixture.h"
#include "gui/headless.h"
#include "store/judgement.h"
#include "ui/shell/app.h"
#include "ui/summaries/view_summaries.h"

using namespace telaah;

namespace {

struct Session : test::SampleWindow {
  explicit Session(float width = 1400, float height = 900) : SampleWindow("gui-summaries", width, height) {
    REQUIRE(open());
    app->set_view(ui::View::summaries);
    REQUIRE(settle([&] { return view().model().ready(); }));
  }
  ui::SummariesView& view() { return ui::SummariesView::of(*app); }
  using SampleWindow::click;
  void click(const std::string& key) {
    pause();
    click(view().item_rect(key), key);
    frames(2);
  }
  void chord(int k, bool ctrl, bool shift) {
    h.push_chord(k, ctrl, shift);
    h.drain(draw);
    frames(2);
  }
  int column(const std::string& type) {
    const auto& t = view().model().grid().types;
    auto it = std::find(t.begin(), t.end(), type);
    REQUIRE(it != t.end());
    return static_cast<int>(it - t.begin());
  }
  const ui::SumCell& cell(int row, int col) {
    return view().model().grid().by_type[static_cast<size_t>(row)][static_cast<size_t>(col)];
  }
  std::vector<store::Summary> stored(store::Id code) { return store::summaries(project(), code); }
};

}  // namespace

TEST_CASE("summary grid: type a summary, cite quotes by button and keyboard, switch view, undo and redo") {
  if (!test::have_sample()) return;
  Session s;
  const store::Id legal = s.project().resolve_code("Input/Legal infrastructure");
  const int row = s.view().model().row_of(legal), col = s.column("interview");
  REQUIRE(row >= 0);
  CHECK(s.cell(row, col).evidence > 1);  // the sample's interviews speak of it
  CHECK(!s.cell(row, col).written);
  s.click("cell:" + std::to_string(row) + ":" + std::to_string(col));
  REQUIRE(s.settle([&] { return !s.view().quotes().empty(); }));
  CHECK(s.view().selected_row() == row);
  CHECK(s.view().selected_column() == col);
  REQUIRE(s.view().quotes().size() >= 2);
  const store::Id q0 = s.view().quotes()[0].coding, q1 = s.view().quotes()[1].coding;

  // The editor has the keyboard after the click: typing goes into it.
  s.type("Informants agree");
  CHECK(s.view().draft() == "Informants agree");
  // By keyboard: the next quote chosen, cited at the caret.
  s.chord(test::kDown, true, true);
  CHECK(s.view().chosen_quote() == 1);
  s.chord('K', true, true);
  CHECK(s.view().draft() == "Informants agree[#" + std::to_string(q1) + "]");
  s.type(" and");
  // By the Cite button of the first quote: at the caret the box had (its end).
  s.click("cite:0");
  const std::string want = "Informants agree[#" + std::to_string(q1) + "] and [#" + std::to_string(q0) + "]";
  CHECK(s.view().draft() == want);
  CHECK(s.view().has_unsaved_draft());
  CHECK(s.stored(legal).empty());

  // Another view: the draft is saved as one action, and is there when we come back.
  const int64_t rev = s.project().revision();
  s.app->set_view(ui::View::coding);
  s.frames(3);
  CHECK(s.project().revision() == rev + 1);
  auto cells = s.stored(legal);
  REQUIRE(cells.size() == 1);
  CHECK(cells[0].text == want);
  CHECK(cells[0].column == "interview");
  const auto cites = store::citations(s.project(), cells[0]);
  REQUIRE(cites.size() == 2);
  CHECK(cites[0].coding == q1);
  CHECK(cites[1].coding == q0);
  s.app->set_view(ui::View::summaries);
  REQUIRE(s.settle([&] { return s.view().model().grid().revision == s.project().revision(); }));
  CHECK(s.view().draft() == want);
  CHECK(!s.view().has_unsaved_draft());
  CHECK(s.cell(row, col).written);
  CHECK(s.cell(row, col).cited == 2);

  // Undo: the cell is empty again, in the project and in the box; redo brings it back.
  s.app->workspace().undo();
  REQUIRE(s.settle([&] { return s.view().model().grid().revision == s.project().revision(); }));
  CHECK(s.stored(legal).empty());
  CHECK(s.view().draft().empty());
  CHECK(!s.cell(row, col).written);
  s.app->workspace().redo();
  REQUIRE(s.settle([&] { return s.view().model().grid().revision == s.project().revision(); }));
  CHECK(s.view().draft() == want);

  // The cited coding goes: the citation is broken, marked in the cell.
  s.app->workspace().remove_coding(q0);
  REQUIRE(s.settle([&] { return s.view().model().grid().revision == s.project().revision(); }));
  CHECK(s.cell(row, col).broken == 1);
  CHECK(s.cell(row, col).cited == 1);
  CHECK(s.view().draft() == want);  // the text keeps its marker
}

TEST_CASE("summary grid: the columns by case, and a draft saved when another cell is chosen") {
  if (!test::have_sample()) return;
  Session s;
  store::Id doc = s.app->cache().docs.front().doc.id;
  store::add_case(s.project(), "Seoul");
  store::assign_to_case(s.project(), "Seoul", doc);
  s.app->workspace().refresh();
  REQUIRE(s.settle([&] { return s.view().model().grid().revision == s.project().revision(); }));
  s.click("toggle:case");
  CHECK(s.view().by_case());
  REQUIRE(s.view().model().grid().cases.size() == 1);
  s.click("cell:0:0");
  s.type("First");
  s.click("cell:1:0");  // another cell: the first one's draft is saved
  const auto& rows = s.view().model().grid().rows;
  auto first = s.stored(rows[0].code);
  REQUIRE(first.size() == 1);
  CHECK(first[0].text == "First");
  CHECK(first[0].case_id.has_value());
  CHECK(s.view().draft().empty());
}

TEST_CASE("summary grid: 500 indicators × 20 source types draw only the visible rows") {
  test::ScratchDir dir("gui-summaries-large");
  store::OpenOptions o;
  o.coder = "tester";
  auto p = store::Project::create(dir.path / "big.telaah", o);
  for (int t = 3; t < 20; ++t) p->add_source_type("type " + std::to_string(t));
  std::vector<store::Code> codes;
  std::vector<int> parents;
  for (int i = 0; i < 500; ++i) {
    store::Code c;
    c.name = "Indicator " + std::to_string(i);
    c.kind = store::CodeKind::indicator;
    codes.push_back(c);
    parents.push_back(-1);
  }
  p->add_codes(codes, parents);
  test::AppWindow w("gui-summaries-large-app", 1366, 768);
  w.app->adopt_project(std::move(p));
  w.app->set_view(ui::View::summaries);
  REQUIRE(w.settle([&] { return ui::SummariesView::of(*w.app).model().ready(); }));
  auto& v = ui::SummariesView::of(*w.app);
  REQUIRE(v.model().grid().rows.size() == 500);
  REQUIRE(v.model().grid().types.size() == 20);
  w.frames(2);
  int drawn_rows = 0;
  for (int r = 0; r < 500; ++r)
    if (v.item_rect("cell:" + std::to_string(r) + ":0")) ++drawn_rows;
  CHECK(drawn_rows > 5);
  CHECK(drawn_rows < 80);  // the clipper: a screenful, not 500
}
