// The agreement view and the coder features of the coding view, driven
// headless on the sample project (two coders, ayu and bima): the table shows
// the library's numbers for the same options, the review list holds the
// library's disagreements, a resolution by click is one undoable action,
// blind mode hides the other coder's codings in the open document.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>

#include "analysis/agreement.h"
#include "analysis/review.h"
#include "exchange/exchange.h"
#include "gui/fixture.h"
#include "gui/headless.h"
#include "ui/agreement/view_agreement.h"
#include "ui/shell/app.h"

using namespace telaah;
namespace fs = std::filesystem;

namespace {

struct SampleSession : test::SampleWindow {
  // With `view`, that view shows and has its result.
  explicit SampleSession(std::optional<ui::ViewKey> view = {}, float width = 1600, float height = 1000)
      : SampleWindow("gui-agreement", width, height) {
    ok = open();
    if (ok && view) {
      app->set_view(*view);
      settle();
    }
  }
  bool ok = false;
  ui::AgreementView& view() { return ui::AgreementView::of(*app); }

  // Frames until the view has a result for the current choice and revision.
  void settle() {
    SampleWindow::settle([this] { return !view().computing() && view().has_result(); }, 1500, 3);
    frame();
    REQUIRE_FALSE(view().computing());
    REQUIRE(view().has_result());
  }
};

// The rows the table must show for a library report, formatted as the view formats them.
void check_rows(const std::vector<ui::AgreementRow>& rows, const analysis::AgreementReport& r) {
  REQUIRE(rows.size() == r.codes.size() + 1);
  for (size_t i = 0; i <= r.codes.size(); ++i) {
    const auto& c = i < r.codes.size() ? r.codes[i] : r.overall;
    const auto& pa = c.pairs.at(0);
    CAPTURE(c.path);
    CHECK(rows[i].code == c.code);
    CHECK(rows[i].percent == ui::AgreementView::format_percent(pa.percent.value));
    CHECK(rows[i].kappa == ui::AgreementView::format_coefficient(pa.kappa.value));
    CHECK(rows[i].alpha == ui::AgreementView::format_coefficient(c.alpha.value));
    CHECK(rows[i].documents == std::to_string(pa.documents));
    std::string units = rows[i].units;
    std::erase(units, ',');
    CHECK(units == std::to_string(pa.table.total()));
    CHECK(rows[i].kappa_method == pa.kappa.method);
  }
}

size_t disagreements(const store::Project& p, const analysis::AgreementOptions& o) {
  analysis::ReviewOptions ro;
  ro.sel = o.sel;
  return analysis::list_disagreements(p, ro).size();
}

}  // namespace

TEST_CASE(
    "agreement view: the table is the library's numbers for the same options, the review list its disagreements") {
  if (!test::have_sample()) return;
  SampleSession s(ui::View::agreement);
  if (!s.ok) return;
  auto& v = s.view();
  CHECK(v.choice().coder_a == "ayu");  // the two coders with codings, by default
  CHECK(v.choice().coder_b == "bima");

  auto check_current = [&] {
    s.settle();
    const auto o = v.options();
    REQUIRE(o.has_value());
    const auto lib = analysis::compute_agreement(s.project(), *o);
    REQUIRE(lib.documents.size() > 0);
    check_rows(v.rows(), lib);
    CHECK(v.review().size() == disagreements(s.project(), *o));
    CHECK(v.review().size() > 0);
    return lib;
  };

  // Default: the indicators, sub-codes rolled up, every code point counted.
  const auto chars = check_current();
  const auto o = *v.options();
  CHECK(o.sel.rollup);
  CHECK(o.unit == analysis::AgreementUnit::character);
  for (store::Id c : o.sel.codes) CHECK(s.project().code(c).kind == store::CodeKind::indicator);

  // Leaving out uncoded text lowers percent agreement (uncoded text is agreement on "absent").
  v.choice().exclude_uncoded = true;
  const auto excluded = check_current();
  CHECK(excluded.overall.pairs[0].percent.value < chars.overall.pairs[0].percent.value);
  CHECK(v.rows().back().percent != ui::AgreementView::format_percent(chars.overall.pairs[0].percent.value));

  // Segments at an overlap threshold.
  v.choice().unit = analysis::AgreementUnit::segment;
  v.choice().threshold = 0.8f;
  check_current();

  // A subset: interviews only, and every code used (no roll-up).
  v.choice().docs = ui::AgreementChoice::Docs::by_type;
  v.choice().source_type = "interview";
  v.choice().codes = ui::AgreementChoice::Codes::used;
  const auto sub = check_current();
  for (store::Id d : sub.documents) CHECK(s.project().document(d).source_type == "interview");
  CHECK(!v.options()->sel.rollup);

  // Picked documents: named, so each counts as read by both coders.
  v.choice().docs = ui::AgreementChoice::Docs::picked;
  v.choice().picked_docs = {chars.documents.at(0), chars.documents.at(1)};
  v.choice().codes = ui::AgreementChoice::Codes::indicators;
  const auto picked = check_current();
  CHECK(v.options()->sel.docs.size() == 2);
  CHECK(picked.documents.size() == 2);

  // The same coder twice is no choice: nothing is computed, the view says so.
  v.choice().coder_b = "ayu";
  CHECK_FALSE(v.options().has_value());
  s.frames(2);
  CHECK_FALSE(s.app->status_is_error());
}

TEST_CASE("agreement view: resolving a disagreement by a click is one undoable action; a click on a passage opens it") {
  if (!test::have_sample()) return;
  SampleSession s(ui::View::agreement);
  if (!s.ok) return;
  auto& v = s.view();
  const auto o = *v.options();
  const size_t before = v.review().size();
  REQUIRE(before > 0);
  const auto first = v.review().front().d;
  const int64_t rev = s.project().revision();
  const auto count_codings = [&] { return s.project().codings({}).size(); };
  const size_t codings_before = count_codings();

  // Accept A on the first passage: one click, one action.
  const auto r = v.button_rect(0, ui::AgreementView::Button::accept_a);
  REQUIRE(r.has_value());
  s.click(*r);
  CHECK(s.project().revision() == rev + 1);
  s.settle();
  CHECK(v.review().size() == disagreements(s.project(), o));
  CHECK(v.review().size() < before);
  for (const auto& it : v.review()) CHECK(it.d.key != first.key);

  // Undo (Ctrl+Z) restores the codings and the passage returns to the list.
  s.h.key('Z', true);
  s.frame();
  CHECK(s.project().revision() == rev + 2);  // the undo is a revision of its own
  CHECK(count_codings() == codings_before);
  s.settle();
  REQUIRE(v.review().size() == before);
  CHECK(v.review().front().d.key == first.key);

  // Keep both: the passage leaves the list; undo brings it back.
  const auto k = v.button_rect(0, ui::AgreementView::Button::keep_both);
  REQUIRE(k.has_value());
  s.pause();
  s.click(*k);
  s.settle();
  CHECK(v.review().size() == before - 1);
  s.app->undo();
  s.settle();
  CHECK(v.review().size() == before);

  // A click on the passage opens the document in the coding view, the passage selected.
  const auto open = v.button_rect(0, ui::AgreementView::Button::open);
  REQUIRE(open.has_value());
  s.pause();
  s.click(ImVec2(open->Min.x + 20, open->Min.y + 8));
  CHECK(s.app->view() == ui::View::coding);
  REQUIRE(s.app->open_doc() != nullptr);
  CHECK(s.app->open_doc()->meta.id == first.doc);
  CHECK(s.app->doc_view().selection().start == first.start);
  CHECK(s.app->doc_view().selection().end == first.end);
}

TEST_CASE("blind mode hides the other coder's codings in the open document; off, they are back") {
  if (!test::have_sample()) return;
  SampleSession s;
  if (!s.ok) return;
  store::Project& p = s.project();
  const auto ayu = p.find_coder("ayu"), bima = p.find_coder("bima");
  REQUIRE(ayu.has_value());
  REQUIRE(bima.has_value());
  // A document both coded.
  store::Id doc = 0;
  size_t mine = 0, all = 0;
  for (const auto& d : p.documents()) {
    store::CodingFilter f;
    f.doc = d.id;
    const auto cs = p.codings(f);
    const auto a = std::count_if(cs.begin(), cs.end(), [&](const store::Coding& c) { return c.coder == *ayu; });
    const auto b = std::count_if(cs.begin(), cs.end(), [&](const store::Coding& c) { return c.coder == *bima; });
    if (a > 0 && b > 0) {
      doc = d.id, mine = static_cast<size_t>(a), all = cs.size();
      break;
    }
  }
  REQUIRE(doc != 0);
  p.set_coder("ayu");
  s.app->set_view(ui::View::coding);
  REQUIRE(s.app->open_document(doc));
  s.frames(2);
  CHECK(s.app->open_doc()->codings.size() == all);

  s.view().set_blind(true);
  s.frames(2);
  CHECK(s.view().blind());
  CHECK(s.app->open_doc()->codings.size() == mine);
  CHECK(s.app->open_doc()->hidden == static_cast<int>(all - mine));
  for (const auto& c : s.app->open_doc()->codings) CHECK(c.coder == *ayu);

  // Switching the session's coder switches whose codings blind mode shows.
  p.set_coder("bima");
  s.frames(2);
  for (const auto& c : s.app->open_doc()->codings) CHECK(c.coder == *bima);
  p.set_coder("ayu");

  s.view().set_blind(false);
  s.frames(2);
  CHECK(s.app->open_doc()->codings.size() == all);
  CHECK(s.app->open_doc()->hidden == 0);

  // "Show codings of": only me, then a comparison of the two.
  s.view().show_codings("me");
  s.frames(2);
  CHECK(s.app->open_doc()->codings.size() == mine);
  s.view().show_codings("compare", "ayu", "bima");
  s.frames(2);
  CHECK(s.app->open_doc()->codings.size() == all);  // only ayu and bima coded it
  s.view().show_codings("all");
  s.frames(2);
  CHECK(s.app->open_doc()->codings.size() == all);
}

TEST_CASE("blind mode is remembered per project") {
  test::ScratchDir dir{"gui-agreement-blind"};
  test::Headless h;
  auto fx = test::make_fixture(dir.path, "Informan B: Komunike bersama tahun 1984.\n");
  const auto file = fx.project->path();
  fx.project.reset();
  ui::AppOptions o;
  o.sample_on_first_start = false;
  {
    ui::App app(o);
    app.set_fonts(h.fonts);
    REQUIRE(app.open_project(file));
    ui::AgreementView::of(app).set_blind(true);
  }
  ui::App again(o);
  again.set_fonts(h.fonts);
  REQUIRE(again.open_project(file));
  CHECK(ui::AgreementView::of(again).blind());
}

TEST_CASE("merging a colleague's copy: the dry run's report, then one undoable action; a .qdpx the same way") {
  if (!test::have_sample()) return;
  test::SampleWindow w("gui-agreement-merge", 1600, 1000);
  const fs::path theirs = w.dir.path / "theirs.telaah";
  fs::copy_file(w.file, theirs);
  store::Id doc = 0;
  {
    auto p = store::Project::open(theirs);
    p->set_coder("citra");  // a third coder codes two passages in the copy
    doc = p->documents().front().id;
    store::Coding c;
    c.doc = doc;
    c.code = p->codes().at(1).id;
    c.start = 0, c.end = 10;
    p->add_coding(c);
    c.start = 20, c.end = 40;
    p->add_coding(c);
  }
  REQUIRE(w.open());
  w.app->set_view(ui::View::agreement);
  auto& v = ui::AgreementView::of(*w.app);
  auto settle = [&] {
    w.settle([&] { return !v.merge_planning(); }, 1500, 2);
    w.frame();
  };
  store::Project& p = w.project();
  const size_t before = p.codings({}).size();
  const int64_t rev = p.revision();

  SUBCASE("a copy of this project") {
    v.merge_from(theirs);
    settle();
    const auto* plan = v.merge_plan();
    REQUIRE(plan != nullptr);
    CHECK(plan->same_lineage);
    CHECK(plan->added == 2);
    CHECK(plan->documents_matched > 0);
    CHECK(plan->coders_added == std::vector<std::string>{"citra"});
    CHECK(p.revision() == rev);  // the dry run changed nothing
    const auto b = v.merge_button_rect();
    REQUIRE(b.has_value());
    w.click(*b);
    CHECK(p.revision() == rev + 1);  // one action
    CHECK(p.codings({}).size() == before + 2);
    CHECK(p.find_coder("citra").has_value());
    CHECK(v.merge_plan() == nullptr);  // the dialog closed
    settle();
    w.app->undo();
    CHECK(p.codings({}).size() == before);
  }
  SUBCASE("a REFI-QDA export of the copy") {
    const fs::path qdpx = w.dir.path / "theirs.qdpx";
    {
      auto q = store::Project::open(theirs);
      exchange::export_qdpx(*q, qdpx);
    }
    v.merge_from(qdpx);
    settle();
    const auto* plan = v.merge_plan();
    REQUIRE(plan != nullptr);
    CHECK_FALSE(plan->same_lineage);
    CHECK(plan->added == 2);
    w.click(*v.merge_button_rect());
    CHECK(p.codings({}).size() == before + 2);
  }
  SUBCASE("a file that is no project is refused with a message, nothing changes") {
    const fs::path txt = w.dir.path / "notes.txt";
    std::ofstream(txt) << "hello";
    v.merge_from(txt);
    w.frames(2);
    CHECK(w.app->status_is_error());
    CHECK(v.merge_plan() == nullptr);
    CHECK(p.revision() == rev);
  }
}

TEST_CASE("agreement view at 800x600: the review list keeps a usable share of the height, inside the window") {
  if (!test::have_sample()) return;
  SampleSession s(ui::View::agreement, 800, 600);
  if (!s.ok) return;
  auto& v = s.view();
  REQUIRE(v.review().size() > 2);
  const auto list = v.review_rect();
  REQUIRE(list.has_value());
  const float line = ImGui::GetTextLineHeight();
  CHECK(list->GetHeight() >= line * 8);  // the header and at least two rows of quotes
  CHECK(list->Max.y <= 600.0f);
  // The first row's buttons are on screen, where a click reaches them.
  const auto a = v.button_rect(0, ui::AgreementView::Button::accept_a);
  REQUIRE(a.has_value());
  CHECK(a->Max.y <= 600.0f);
  CHECK(a->Min.y >= list->Min.y);
}

TEST_CASE("agreement view in blind mode: a notice instead of the comparison; its button turns blind mode off") {
  if (!test::have_sample()) return;
  SampleSession s(ui::View::agreement);
  if (!s.ok) return;
  auto& v = s.view();
  REQUIRE(v.review_rect().has_value());
  CHECK_FALSE(v.blind_off_button_rect().has_value());
  v.set_blind(true);
  s.frames(2);
  CHECK_FALSE(v.review_rect().has_value());  // no statistics, no quotes, no stances
  CHECK_FALSE(v.button_rect(0, ui::AgreementView::Button::accept_a).has_value());
  const auto off = v.blind_off_button_rect();
  REQUIRE(off.has_value());
  s.click(*off);
  CHECK_FALSE(v.blind());
  s.settle();
  CHECK(v.review_rect().has_value());
  CHECK(v.button_rect(0, ui::AgreementView::Button::accept_a).has_value());
}

TEST_CASE(
    "agreement view: a double-click on Accept resolves one passage, not the next one that moves under the cursor") {
  if (!test::have_sample()) return;
  SampleSession s(ui::View::agreement);
  if (!s.ok) return;
  auto& v = s.view();
  const size_t before = v.review().size();
  REQUIRE(before > 2);
  const auto second = v.review()[1].d;
  const auto r = v.button_rect(0, ui::AgreementView::Button::accept_a);
  REQUIRE(r.has_value());
  const int64_t rev = s.project().revision();
  // Frames of a millisecond: the list is back well within the double-click time.
  s.h.between_frames = [] { ImGui::GetIO().DeltaTime = 0.001f; };
  s.click(*r);
  CHECK(s.project().revision() == rev + 1);
  s.settle();
  REQUIRE(v.review().size() == before - 1);
  REQUIRE(v.review().front().d.key == second.key);  // the next passage is under the cursor now
  const auto again = v.button_rect(0, ui::AgreementView::Button::accept_a);
  REQUIRE(again.has_value());
  REQUIRE(again->Contains(r->GetCenter()));
  s.click(*r);  // the double-click's second click
  CHECK(s.project().revision() == rev + 1);
  s.settle();
  CHECK(v.review().size() == before - 1);
  // Once the double-click time has passed, a click on the same spot acts again.
  s.h.between_frames = nullptr;
  s.pause();
  s.click(*r);
  CHECK(s.project().revision() == rev + 2);
}
