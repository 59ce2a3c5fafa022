// The cases view in the window, headless, on the sample project: a case
// created, renamed and deleted (each one undoable action, undo bringing its
// members back), an attribute set and removed, a document added from the
// filtered list and taken out, a passage of the open document added as a
// part, cases imported from CSV (a bad row refused, nothing imported), and
// the indicator × case matrix shown with the cells of triangulate_by_case.
#include <doctest/doctest.h>

#include <fstream>

#include "analysis/evidence.h"
#include "analysis/judgement.h"
#include "gui/fixture.h"
#include "gui/headless.h"
#include "store/judgement.h"
#include "ui/cases/view_cases.h"
#include "ui/shell/app.h"

using namespace telaah;

namespace {

struct Session : test::SampleWindow {
  explicit Session(float width = 1400, float height = 900) : SampleWindow("gui-cases", width, height) {
    REQUIRE(open());
    app->set_view(ui::View::cases);
    REQUIRE(settle([&] { return view().data() != nullptr; }));
  }
  ui::CasesView& view() { return ui::CasesView::of(*app); }
  using SampleWindow::click;
  void click(const std::string& key) {
    pause();
    click(view().item_rect(key), key);
    frames(2);
  }
  bool fresh() {
    return settle([&] { return view().data() && view().data()->revision == project().revision(); });
  }
  std::vector<store::Case> cases() { return store::cases(project()); }
};

}  // namespace

TEST_CASE("cases view: create a case, add a document, see the matrix; rename, attributes, delete, undo") {
  if (!test::have_sample()) return;
  Session s;
  REQUIRE(s.cases().empty());
  // Create: type the name, press Add.
  s.click("new:name");
  s.type("Seoul");
  s.click("new:add");
  REQUIRE(s.fresh());
  REQUIRE(s.cases().size() == 1);
  CHECK(s.cases()[0].name == "Seoul");
  REQUIRE(s.view().selected() != nullptr);
  CHECK(s.view().selected()->name == "Seoul");
  CHECK(s.app->status_offers_undo());

  // Add a document found by its title in the filtered list.
  const auto& doc = s.app->cache().docs.front().doc;
  s.view().doc_filter() = doc.title.substr(0, 6);
  s.frames(2);
  s.click("doc:add:" + std::to_string(doc.id));
  REQUIRE(s.fresh());
  REQUIRE(s.cases()[0].members.size() == 1);
  CHECK(s.cases()[0].members[0].doc == doc.id);
  CHECK(!s.cases()[0].members[0].start.has_value());

  // The matrix: one column, the case's; its cells as triangulate_by_case computes them.
  const auto& m = s.view().data()->matrix;
  REQUIRE(m.columns.labels == std::vector<std::string>{"Seoul"});
  const auto t = analysis::EvidenceTable::load(s.project());
  analysis::Query q;
  q.coders = analysis::default_coders(s.project(), t);
  const auto want = analysis::triangulate_by_case(t, s.cases(), q, analysis::settings_from_project(s.project()));
  REQUIRE(m.rows.size() == want.rows.size());
  int64_t evidence = 0;
  for (size_t r = 0; r < m.rows.size(); ++r) {
    CHECK(m.rows[r].cells[0].codings == want.rows[r].cells[0].codings);
    CHECK(m.rows[r].effective == want.rows[r].effective);
    evidence += m.rows[r].cells[0].codings;
  }
  CHECK(evidence > 0);  // the sample's first document is coded
  CHECK(s.view().item_rect("matrix").has_value());

  // An attribute: set, then removed.
  s.click("attr:name");
  s.type("population");
  s.click("attr:value");
  s.type("9700000");
  s.click("attr:set");
  REQUIRE(s.fresh());
  REQUIRE(s.cases()[0].attributes.size() == 1);
  CHECK(s.cases()[0].attributes[0].name == "population");
  CHECK(s.cases()[0].attributes[0].value == "9700000");
  s.click("attr:remove:0");
  REQUIRE(s.fresh());
  CHECK(s.cases()[0].attributes.empty());

  // Rename.
  s.click("rename:name");
  s.type(" Metro");
  s.click("rename:ok");
  REQUIRE(s.fresh());
  CHECK(s.cases()[0].name == "Seoul Metro");

  // Delete, then undo: the case and its member come back.
  const int64_t rev = s.project().revision();
  s.click("delete");
  REQUIRE(s.fresh());
  CHECK(s.project().revision() == rev + 1);
  CHECK(s.cases().empty());
  s.app->workspace().undo();
  REQUIRE(s.fresh());
  REQUIRE(s.cases().size() == 1);
  CHECK(s.cases()[0].name == "Seoul Metro");
  CHECK(s.cases()[0].members.size() == 1);

  // Take the document out.
  s.view().select(s.cases()[0].id);
  s.frames(2);
  s.click("member:out:0");
  REQUIRE(s.fresh());
  CHECK(s.cases()[0].members.empty());
}

TEST_CASE("cases view: a passage of the open document as a part; import from CSV, a bad row refused") {
  if (!test::have_sample()) return;
  Session s;
  store::add_case(s.project(), "Busan");
  s.app->workspace().refresh();
  REQUIRE(s.fresh());
  const store::Id doc = s.app->cache().docs.front().doc.id;
  REQUIRE(s.app->open_document(doc));
  s.app->doc_view().set_selection(10, 40);
  s.frames(2);
  s.click("selection:add");
  REQUIRE(s.fresh());
  REQUIRE(s.cases()[0].members.size() == 1);
  CHECK(s.cases()[0].members[0].start == 10);
  CHECK(s.cases()[0].members[0].end == 40);

  // A CSV with a bad row: the error names it, nothing is imported.
  const auto bad = s.dir.path / "bad.csv", good = s.dir.path / "good.csv";
  std::ofstream(bad) << "name,population:number\nJakarta,10000000\nSurabaya,many\n";
  std::ofstream(good) << "name,population:number\nJakarta,10000000\nBusan,3400000\n";
  const int64_t rev = s.project().revision();
  s.view().import_path() = bad.string();
  s.frames(2);
  s.click("import:go");
  s.frames(2);
  CHECK(s.app->status_is_error());
  CHECK(s.app->status().find("row 3") != std::string::npos);
  CHECK(s.project().revision() == rev);
  CHECK(s.cases().size() == 1);
  s.view().import_path() = good.string();
  s.frames(2);
  s.click("import:go");
  REQUIRE(s.fresh());
  CHECK(s.project().revision() == rev + 1);
  const auto cs = s.cases();
  REQUIRE(cs.size() == 2);
  CHECK(cs[0].name == "Busan");
  CHECK(cs[0].attributes.size() == 1);
  CHECK(cs[0].members.size() == 1);  // an existing case keeps its members and gets the attribute
  CHECK(cs[1].name == "Jakarta");
}
