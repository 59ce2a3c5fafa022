// Project › Method settings… and the triangulation view's method parts,
// headless on the sample project: k changed through the dialog's own box
// (synthetic keys), the preview listing the indicators that change before
// anything is written, Apply as one undoable action with the matrix
// following, a refused value marked in place with nothing applied, the coder
// rule, source types edited one action each; in the view a STALE badge and
// list after new evidence moves the label under an override, Confirm
// clearing it, sub-code rows expanding, and an override memo typed but not
// saved surviving Ctrl+Q. Also the model call under Apply:
// analysis::set_method_settings writes several settings as one change-log row.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>

#include "analysis/overrides.h"
#include "analysis/project_settings.h"
#include "gui/fixture.h"
#include "store/errors.h"
#include "ui/method/dialog_method.h"
#include "ui/shell/app.h"
#include "ui/triangulation/view_triangulation.h"

using namespace telaah;
using analysis::Convergence;
using analysis::Status;

namespace {

struct Session : test::SampleWindow {
  explicit Session(float width = 1600, float height = 1000) : SampleWindow("gui-method", width, height) {
    REQUIRE(open());
    app->set_view(ui::View::triangulation);
    frames(3);
  }
  ui::TriangulationView& view() { return ui::TriangulationView::of(*app); }
  ui::MethodDialog& dialog() { return view().method_dialog(); }
  using SampleWindow::click;
  void click(const std::string& key) {  // a control of the view
    pause();
    click(view().item_rect(key), key);
    frames(2);
  }
  void click_dialog(const std::string& key) {
    pause();
    click(dialog().item_rect(key), "dialog " + key);
    frames(2);
  }
  // Replaces the text of a box of the dialog: click, Ctrl+A, type.
  void retype(const std::string& key, const std::string& text) {
    click_dialog(key);
    h.key('A', true);
    frame();
    type(text);
    frames(2);
  }
  void open_dialog() {
    h.key('M', true, true);  // Ctrl+Shift+M
    frames(3);
    REQUIRE(dialog().is_open());
  }
  const analysis::Row& row_data(const std::string& path) {
    for (const auto& r : view().model().matrix().rows)
      if (r.path == path) return r;
    FAIL("no row " << path);
    return view().model().matrix().rows.front();
  }
  int row(const std::string& path) {
    const auto& rows = view().model().matrix().rows;
    for (size_t i = 0; i < rows.size(); ++i)
      if (rows[i].path == path) return static_cast<int>(i);
    FAIL("no row " << path);
    return -1;
  }
  std::map<std::string, Status> statuses() {
    std::map<std::string, Status> out;
    for (const auto& r : view().model().matrix().rows) out[r.path] = r.effective;
    return out;
  }
};

const char* kTrade = "Output/Trade goals reached";

}  // namespace

TEST_CASE("Apply writes every changed setting as one change-log row; one bad value writes none") {
  test::ScratchDir dir("method-settings");
  auto f = test::make_fixture(dir.path, "Satu dua tiga empat lima.");
  store::Project& p = *f.project;
  const int64_t rev = p.revision();
  analysis::set_method_settings(p, {{"triangulation.k", "3"}, {"triangulation.prominence", "2.5"}}, "Method settings");
  CHECK(p.revision() == rev + 1);
  CHECK(p.setting("triangulation.k") == "3");
  CHECK(p.setting("triangulation.prominence") == "2.5");
  p.undo();
  CHECK(p.setting("triangulation.k").empty());
  CHECK(p.setting("triangulation.prominence").empty());
  const int64_t rev2 = p.revision();
  CHECK_THROWS_AS(
      analysis::set_method_settings(p, {{"triangulation.k", "4"}, {"triangulation.m", "zero"}}, "Method settings"),
      ValidationError);
  CHECK(p.revision() == rev2);
  CHECK(p.setting("triangulation.k").empty());
  CHECK(analysis::check_method_setting(p, "triangulation.k", "default").empty());
  CHECK_THROWS_AS(analysis::check_method_setting(p, "triangulation.coders", "nobody"), NotFound);
}

TEST_CASE("k changed in the dialog: the preview lists what changes, Apply is one action, the matrix follows, undo") {
  if (!test::have_sample()) return;
  Session s;
  store::Project& p = s.project();
  const auto before = s.statuses();
  // What k = 3 must do, from the matrix shown (3 source types): a triangulated indicator with evidence
  // from fewer than 3 qualifying columns is no longer triangulated; the others keep their status.
  std::set<std::string> expected;
  for (const auto& r : s.view().model().matrix().rows)
    if (r.effective == Status::triangulated && !r.status_override && r.qualifying_columns < 3) expected.insert(r.path);
  REQUIRE_FALSE(expected.empty());  // the sample has such an indicator, or this test shows nothing

  s.open_dialog();
  CHECK(s.dialog().edit("triangulation.k") == "2");
  s.retype("value:triangulation.k", "3");
  CHECK(s.dialog().edit("triangulation.k") == "3");
  CHECK(s.dialog().error("triangulation.k").empty());
  CHECK(s.dialog().candidate() == std::map<std::string, std::string>{{"triangulation.k", "3"}});
  const int64_t rev0 = p.revision();
  REQUIRE(s.settle([&] { return s.dialog().preview_current(); }));
  CHECK(p.revision() == rev0);  // previewing writes nothing
  const auto& pv = *s.dialog().preview();
  CHECK(pv.error.empty());
  std::set<std::string> status_changes;
  for (const auto& c : pv.changes)
    if (c.pair_a.empty()) {
      status_changes.insert(c.indicator);
      CHECK(c.before == "triangulated");
      CHECK(c.after == "insufficient");
    }
  CHECK(status_changes == expected);
  CHECK(pv.units_before == pv.units_after);  // k decides labels, not what is counted

  s.click_dialog("apply");
  CHECK(p.revision() == rev0 + 1);
  CHECK(p.setting("triangulation.k") == "3");
  CHECK_FALSE(s.dialog().is_open());
  CHECK(s.app->status_offers_undo());
  s.frames(2);
  CHECK(s.view().model().matrix().settings.k == 3);
  for (const auto& [path, st] : before) {
    CAPTURE(path);
    CHECK(s.statuses()[path] == (expected.count(path) ? Status::insufficient : st));
  }
  s.h.key('Z', true);
  s.frames(2);
  CHECK(p.revision() == rev0 + 2);  // the undo is itself a revision
  CHECK(p.setting("triangulation.k").empty());
  CHECK(s.view().model().matrix().settings.k == 2);
  CHECK(s.statuses() == before);
}

TEST_CASE("a value the registry refuses is marked in place, Apply does nothing; Reset to default clears it") {
  if (!test::have_sample()) return;
  Session s;
  store::Project& p = s.project();
  s.click("method:button");  // the header's button opens it too
  REQUIRE(s.dialog().is_open());
  s.retype("value:triangulation.k", "1");
  CHECK(s.dialog().error("triangulation.k").find("triangulation.k") != std::string::npos);
  CHECK(s.dialog().error("triangulation.k").find("from 2 to 50") != std::string::npos);
  CHECK(s.dialog().candidate().empty());
  s.retype("value:triangulation.prominence", "lots");
  CHECK(s.dialog().error("triangulation.prominence").find("a number") != std::string::npos);
  const int64_t rev0 = p.revision();
  s.click_dialog("apply");
  CHECK(p.revision() == rev0);
  CHECK(s.dialog().is_open());
  CHECK(p.setting("triangulation.k").empty());
  s.click_dialog("reset:triangulation.k");
  s.click_dialog("reset:triangulation.prominence");
  CHECK(s.dialog().edit("triangulation.k") == "2");
  CHECK(s.dialog().error("triangulation.k").empty());
  CHECK(s.dialog().error("triangulation.prominence").empty());
  CHECK(s.dialog().candidate().empty());
  s.click_dialog("close");
  CHECK_FALSE(s.dialog().is_open());
  CHECK(p.revision() == rev0);
}

TEST_CASE("the coder rule: one named coder chosen among the project's coders; the header states the rule") {
  if (!test::have_sample()) return;
  Session s;
  store::Project& p = s.project();
  REQUIRE(s.view().item_rect("coder:rule").has_value());
  s.open_dialog();
  s.click_dialog("coders:one");
  s.click_dialog("coders:one:combo");
  const auto coders = p.coders();
  REQUIRE(coders.size() >= 2);
  s.click_dialog("coders:one:" + coders[1].name);
  CHECK(s.dialog().candidate().at("triangulation.coders") == coders[1].name);
  REQUIRE(s.settle([&] { return s.dialog().preview_current(); }));
  CHECK(s.dialog().preview()->units_after < s.dialog().preview()->units_before);  // one coder's passages only
  const int64_t rev0 = p.revision();
  s.click_dialog("apply");
  CHECK(p.revision() == rev0 + 1);
  s.frames(2);
  CHECK(s.view().model().coders() == std::vector<std::string>{coders[1].name});
  // Back to every coder: the "all" choice.
  s.open_dialog();
  s.click_dialog("coders:all");
  CHECK(s.dialog().candidate().at("triangulation.coders").empty());  // the default
  s.click_dialog("apply");
  s.frames(2);
  CHECK(s.view().model().coders().empty());
}

TEST_CASE("source types in the dialog: add, rename, move and merge, each one undoable action") {
  if (!test::have_sample()) return;
  Session s;
  store::Project& p = s.project();
  s.open_dialog();
  // The source types are at the end of the dialog's list: scroll down to them.
  s.h.move(s.dialog().item_rect("body")->GetCenter());
  for (int i = 0; i < 30; ++i) {
    s.h.wheel(-5);
    s.frame();
  }
  s.frames(2);
  const int64_t rev0 = p.revision();
  s.click_dialog("type:add:name");
  s.type("observation");
  s.click_dialog("type:add");
  CHECK(p.revision() == rev0 + 1);
  const auto names = [&] {
    std::vector<std::string> n;
    for (const auto& t : p.source_types()) n.push_back(t.name);
    return n;
  };
  REQUIRE(names().back() == "observation");
  s.click_dialog("type:rename:observation");
  s.h.key('A', true);
  s.frame();
  s.type("survey");
  s.click_dialog("type:rename:save");
  CHECK(p.revision() == rev0 + 2);
  CHECK(names().back() == "survey");
  s.click_dialog("type:up:survey");
  CHECK(p.revision() == rev0 + 3);
  CHECK(names()[names().size() - 2] == "survey");
  s.click_dialog("type:merge:survey");
  s.click_dialog("type:merge:survey:news");
  CHECK(p.revision() == rev0 + 3);  // a merge is said first, then confirmed
  s.click_dialog("type:merge:confirm");
  CAPTURE(s.app->status());
  CHECK(p.revision() == rev0 + 4);
  auto now = names();
  CHECK(std::find(now.begin(), now.end(), "survey") == now.end());
  s.click_dialog("close");
  for (int i = 0; i < 4; ++i) {
    s.h.key('Z', true);
    s.frames(2);
  }
  now = names();
  CHECK(std::find(now.begin(), now.end(), "observation") == now.end());
  CHECK(now.size() == 3);
}

TEST_CASE("new evidence under an override: a STALE badge and list; Confirm records the new value and clears it") {
  if (!test::have_sample()) return;
  Session s;
  store::Project& p = s.project();
  // A pair whose one side is silent: coding evidence on that side moves its automatic label.
  const auto& m = s.view().model().matrix();
  const analysis::Row* target = nullptr;
  const analysis::Pair* pair = nullptr;
  for (const auto& r : m.rows)
    for (const auto& pr : r.pairs)
      if (!target && pr.automatic == Convergence::silence) target = &r, pair = &pr;
  REQUIRE(target != nullptr);
  const store::Id code = target->code_id;
  const std::string path = target->path;
  const int empty_col = target->cells[static_cast<size_t>(pair->a)].has_evidence() ? pair->b : pair->a;
  const std::string a = m.columns.labels[static_cast<size_t>(pair->a)];
  const std::string b = m.columns.labels[static_cast<size_t>(pair->b)];
  const std::string empty_type = m.columns.labels[static_cast<size_t>(empty_col)];
  REQUIRE(s.app->workspace().write([&](store::Project& pr) {
    analysis::set_override(pr, s.view().model().table(), code, "type", a, b, "agreement", "Read as agreeing.");
  }));
  s.frames(2);
  CHECK(s.view().stale_overrides().empty());
  CHECK_FALSE(s.view().item_rect("stale:list").has_value());

  // A passage of a document of the silent type is coded to the indicator.
  store::Id doc = 0;
  const store::Id type_id = p.source_type_id(empty_type);
  for (const auto& d : p.documents())
    if (d.source_type_id == type_id) doc = d.id;
  REQUIRE(doc != 0);
  s.app->workspace().code_span(doc, 0, 40, code);
  s.frames(2);
  const auto stale = s.view().stale_overrides();
  REQUIRE(stale.size() == 1);
  CHECK(stale[0].indicator == path);
  CHECK(stale[0].automatic_then == "silence");
  CHECK(stale[0].automatic_now != "silence");
  CHECK(s.view().item_rect("stale:list").has_value());
  CHECK(s.view().item_rect("stale:confirm:0").has_value());
  CHECK(s.row_data(path).stale());
  // The compare view shows it on the pair.
  s.click("row:" + std::to_string(s.row(path)));
  CHECK(s.view().item_rect("pair:stale:" + std::min(a, b) + ":" + std::max(a, b)).has_value());

  const int64_t rev0 = p.revision();
  s.click("stale:confirm:0");
  CHECK(p.revision() == rev0 + 1);
  s.frames(2);
  CHECK(s.view().stale_overrides().empty());
  CHECK_FALSE(s.row_data(path).stale());
  const auto ov = analysis::load_overrides(p);
  REQUIRE(ov.size() == 1);
  CHECK(ov[0].automatic == stale[0].automatic_now);
  CHECK(ov[0].label == "agreement");  // the judgement is kept
  s.h.key('Z', true);
  s.frames(2);
  CHECK(s.view().stale_overrides().size() == 1);
  // Remove instead: the override goes, one action.
  s.click("stale:remove:0");
  CHECK(analysis::load_overrides(p).empty());
  CHECK(s.view().stale_overrides().empty());
}

TEST_CASE("a rating whose suggestion moved is STALE in the detail; Confirm records the new suggestion, undoable") {
  if (!test::have_sample()) return;
  Session s;
  store::Project& p = s.project();
  // Every indicator rated as suggested now; then k = 3 moves some statuses and so their suggestions.
  const auto evals = s.view().model().evaluation().indicators;
  REQUIRE(s.app->workspace().write([&](store::Project& pr) {
    for (const auto& ev : evals)
      analysis::set_evaluation(pr, ev.code_id, ev.suggested.rating, "Rated as the evidence stood.", {});
  }));
  s.frames(2);
  for (const auto& ev : s.view().model().evaluation().indicators) CHECK_FALSE(ev.stale);
  REQUIRE(
      s.app->workspace().write([&](store::Project& pr) { analysis::set_method_setting(pr, "triangulation.k", "3"); }));
  s.frames(2);
  const auto& now = s.view().model().evaluation().indicators;
  int stale = -1;
  for (size_t i = 0; i < now.size(); ++i)
    if (now[i].stale) stale = static_cast<int>(i);
  REQUIRE(stale >= 0);
  const std::string path = s.view().model().matrix().rows[static_cast<size_t>(stale)].path;
  s.click("row:" + std::to_string(s.row(path)));
  REQUIRE(s.view().item_rect("rating:confirm").has_value());
  const int64_t rev0 = p.revision();
  s.click("rating:confirm");
  CHECK(p.revision() == rev0 + 1);
  s.frames(2);
  CHECK_FALSE(s.view().model().evaluation().indicators[static_cast<size_t>(stale)].stale);
  CHECK_FALSE(s.view().item_rect("rating:confirm").has_value());
  s.h.key('Z', true);
  s.frames(3);
  CHECK(s.view().model().evaluation().indicators[static_cast<size_t>(stale)].stale);
}

TEST_CASE("an indicator with sub-codes expands into their rows, as triangulate --subcodes counts them") {
  if (!test::have_sample()) return;
  Session s;
  const int r = s.row(kTrade);
  const store::Id id = s.row_data(kTrade).code_id;
  CHECK_FALSE(s.view().item_rect("subrow:" + std::to_string(r) + ":0").has_value());
  s.click("expand:" + std::to_string(r));
  CHECK(s.view().expanded(id));
  const auto& subs = const_cast<ui::TriangulationModel&>(s.view().model()).subcode_rows(id);
  REQUIRE(subs.size() == 2);
  CHECK(subs[0].path == "Output/Trade goals reached/Export performance");
  CHECK(subs[1].path == "Output/Trade goals reached/Distribution of benefits");
  // The same counts as the analysis' own sub-code rows.
  analysis::Query q = s.view().model().matrix().query;
  q.subcodes = true;
  const auto full = analysis::triangulate(s.view().model().table(), q, s.view().model().matrix().settings);
  for (const auto& sub : subs) {
    const analysis::Row* ref = full.find(sub.code_id);
    REQUIRE(ref != nullptr);
    for (size_t c = 0; c < sub.cells.size(); ++c) CHECK(sub.cells[c].codings == ref->cells[c].codings);
  }
  for (int k = 0; k < 2; ++k) {
    CHECK(s.view().item_rect("subrow:" + std::to_string(r) + ":" + std::to_string(k)).has_value());
    CHECK(s.view().item_rect("subcell:" + std::to_string(r) + ":" + std::to_string(k) + ":0").has_value());
  }
  // The indicator's own row is unchanged, and the rows after it are still there.
  CHECK(s.view().item_rect("row:" + std::to_string(r + 1)).has_value());
  s.click("expand:" + std::to_string(r));
  CHECK_FALSE(s.view().expanded(id));
  CHECK_FALSE(s.view().item_rect("subrow:" + std::to_string(r) + ":0").has_value());
}

TEST_CASE("an override memo typed but not saved survives Ctrl+Q: it is saved as the Save button would") {
  if (!test::have_sample()) return;
  Session s;
  store::Project& p = s.project();
  s.click("row:" + std::to_string(s.row(kTrade)));
  s.click("override:pair:interview:official");
  s.click("override:memo");
  s.type("Exporters dispute who benefited");
  CHECK(s.app->has_unsaved_draft());
  CHECK(analysis::load_overrides(p).empty());
  const int64_t rev0 = p.revision();
  s.h.push_chord('Q', true);  // as the keyboard sends it, through the input queue
  s.h.drain(s.draw);
  CAPTURE(s.app->status());
  CHECK(s.app->wants_quit());
  CHECK(p.revision() == rev0 + 1);
  const auto ov = analysis::load_overrides(p);
  REQUIRE(ov.size() == 1);
  CHECK(ov[0].memo == "Exporters dispute who benefited");
  CHECK(ov[0].label == "dissonance");  // the label the editor showed: the current one
  CHECK_FALSE(s.app->has_unsaved_draft());
  // Nothing typed: quitting writes nothing.
  const int64_t rev1 = p.revision();
  s.app->request_quit();
  CHECK(p.revision() == rev1);
}
