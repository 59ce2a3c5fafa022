// Impediments in the window (issue 21, item 2): an impediment coding's
// inspector attaches it to an indicator ("Hinders indicator…", keyboard
// only: type, Enter) as one undoable action, and the triangulation view lists
// under that indicator the attached codings and the impediment findings that
// name it, created, edited and removed there (one action each).
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

namespace {

struct Session : test::SampleWindow {
  Session() : SampleWindow("gui-impediments", 1600, 1000) {
    REQUIRE(open());
    frames(3);
  }
  ui::CodingView& coding() {
    auto* v = dynamic_cast<ui::CodingView*>(app->view(ui::View::coding));
    REQUIRE(v != nullptr);
    return *v;
  }
  ui::TriangulationView& tri() { return ui::TriangulationView::of(*app); }
  store::Id code(const std::string& name) { return project().resolve_code(name); }
  void keys(int k, int times = 1, bool ctrl = false) {
    for (int i = 0; i < times; ++i) h.push_chord(k, ctrl);
    h.drain(draw);
  }
  void burst(const std::string& t) {
    h.push_text(t);
    h.drain(draw);
  }
  void click_key(const std::string& key) {
    pause();
    click(tri().item_rect(key), key);
    frames(2);
  }
  int row(store::Id code) {
    const int r = tri().model().row_of(code);
    REQUIRE(r >= 0);
    return r;
  }
};

}  // namespace

TEST_CASE("an impediment coding attached to an indicator through the inspector, shown under it, undone") {
  if (!test::have_sample()) return;
  Session s;
  const store::Id imp = s.code("Impediment");
  const store::Id trade = s.code("Output/Trade goals reached");
  store::CodingFilter f;
  f.codes = {imp};
  const auto imps = s.project().codings(f);
  REQUIRE(!imps.empty());
  const store::Coding c = imps.front();
  // Not linked to Trade goals yet (neither attached nor by overlap).
  REQUIRE(s.app->workspace().show_passage(c.doc, c.start, c.end, c.id));
  s.frames(4);
  REQUIRE(s.coding().is_impediment_code(c.code));
  CHECK(s.coding().attached_indicators(c.id).empty());
  const auto button = s.coding().hinders_button_rect();
  REQUIRE(button.has_value());
  const int64_t rev = s.project().revision();
  s.pause();
  s.click(*button);
  s.frames(2);
  REQUIRE(ImGui::GetIO().WantTextInput);
  s.burst("trade");
  s.keys(test::kEnter);
  s.frames(2);
  const auto att = store::coding_attachments(s.project());
  REQUIRE(att.size() == 1);
  CHECK(att[0].coding == c.id);
  CHECK(att[0].code == trade);
  CHECK(s.project().revision() == rev + 1);
  CHECK(s.coding().attached_indicators(c.id) == std::vector<store::Id>{trade});

  // Under the indicator in the triangulation view: the attached coding, as the model reads it.
  s.app->set_view(ui::View::triangulation);
  s.frames(3);
  s.settle();
  const int r = s.row(trade);
  s.click_key("row:" + std::to_string(r));
  s.frames(2);
  CHECK(s.tri().selected_indicator() == trade);
  const auto& mine = s.tri().indicator_impediments();
  CHECK(std::count(mine.attached.begin(), mine.attached.end(), c.id) == 1);
  const auto want = analysis::impediments_of(s.tri().model().evaluation(), trade);
  CHECK(want.attached == mine.attached);

  // Undo: gone from the project and from under the indicator.
  s.app->undo();
  s.frames(3);
  s.settle();
  CHECK(store::coding_attachments(s.project()).empty());
  CHECK(s.tri().indicator_impediments().attached.empty());
}

TEST_CASE("impediment findings under an indicator: new (title, description), ticked quotes as evidence, remove") {
  if (!test::have_sample()) return;
  Session s;
  s.app->set_view(ui::View::triangulation);
  s.frames(3);
  s.settle();
  const store::Id legal = s.code("Input/Legal infrastructure");
  const int r = s.row(legal);
  s.click_key("row:" + std::to_string(r));
  REQUIRE(s.tri().selected_indicator() == legal);
  const size_t before = store::impediments(s.project()).size();
  const int64_t rev = s.project().revision();
  s.click_key("finding:new");
  REQUIRE(ImGui::GetIO().WantTextInput);  // the title box has the keyboard
  s.burst("Perjanjian tidak mengikat");
  s.keys(test::kTab);
  s.burst("Tanpa anggaran khusus.");
  s.click_key("finding:save");
  auto all = store::impediments(s.project());
  REQUIRE(all.size() == before + 1);
  const store::Impediment made = all.back();
  CHECK(made.title == "Perjanjian tidak mengikat");
  CHECK(made.description == "Tanpa anggaran khusus.");
  CHECK(made.indicators == std::vector<store::Id>{legal});
  CHECK(s.project().revision() == rev + 1);
  s.settle();
  CHECK(std::count(s.tri().indicator_impediments().findings.begin(), s.tri().indicator_impediments().findings.end(),
                   made.id) == 1);
  REQUIRE(s.tri().item_rect("finding:" + std::to_string(made.id)).has_value());

  // The quotes ticked in the compare view become its evidence (one action).
  REQUIRE(s.tri().tab() == ui::TriangulationView::Tab::compare);
  REQUIRE(s.tri().item_rect("quote:0:0:cite").has_value());
  s.click_key("quote:0:0:cite");
  const store::Id ticked = s.tri().compare_columns()[0][0].coding_id;
  s.click_key("finding:evidence:" + std::to_string(made.id));
  CHECK(store::impediment(s.project(), made.id).evidence == std::vector<store::Id>{ticked});
  CHECK(s.project().revision() == rev + 2);

  // Remove, then undo brings it back with its evidence.
  s.click_key("finding:remove:" + std::to_string(made.id));
  CHECK(store::impediments(s.project()).size() == before);
  s.app->undo();
  CHECK(store::impediment(s.project(), made.id).evidence == std::vector<store::Id>{ticked});
  s.app->undo();
  s.app->undo();
  CHECK(store::impediments(s.project()).size() == before);
}
