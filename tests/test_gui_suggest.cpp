// The suggestions review queue (issue 27) in the headless window, on the
// sample project: suggestions for "Community involvement" computed on a
// worker, three accepted and two rejected with the keyboard in one burst
// (several key events between two frames), applied with Enter as one
// action that Undo takes back; the off switch removes the view from the
// toolbar and the View menu and starts no worker.
#include <doctest/doctest.h>

#include "analysis/project_settings.h"
#include "gui/fixture.h"
#include "store/suggestions.h"
#include "ui/search/view_search.h"
#include "ui/shell/app.h"
#include "ui/shell/shortcuts.h"
#include "ui/suggest/view_suggest.h"

using namespace telaah;

namespace {

bool menu_has(test::SampleWindow& s, ui::S menu, const std::string& label) {
  const auto at = s.app->menu_title(menu);
  REQUIRE(at.has_value());
  s.pause();
  s.click(*at);
  s.frames(2);
  bool found = false;
  for (const auto& e : ui::menu_log()) found = found || e.label == label;
  s.h.push_chord(test::kEscape);
  s.h.drain(s.draw);
  s.frames(2);
  return found;
}

}  // namespace

TEST_CASE("suggestions queue: accept 3 and reject 2 in one burst of keys, apply with Enter, undo the batch") {
  if (!test::have_sample()) return;
  test::SampleWindow s("gui-suggest");
  REQUIRE(s.open());
  s.frames(2);
  // The window builds the search index in the background (the search view's sync); suggestions read it.
  REQUIRE(s.settle([&] { return ui::SearchView::of(*s.app).idle() && !s.app->tasks().active(); }));
  s.app->set_view(ui::SuggestView::kKey);
  auto* v = ui::SuggestView::of(*s.app);
  REQUIRE(v != nullptr);
  CHECK(menu_has(s, ui::S::menu_view, ui::tr(ui::S::sug_title)));
  const store::Id code = s.project().resolve_code("Community involvement");
  v->set_code(code);
  v->request();
  CHECK(v->computing());  // on a worker: the frame did not wait
  REQUIRE(s.settle([&] { return !v->computing(); }));
  INFO(v->message());
  REQUIRE(v->suggestions().size() >= 5);
  // Every suggestion has its reasons.
  for (const auto& x : v->suggestions()) CHECK(!x.terms.empty());
  const int64_t rev = s.project().revision();
  // Five decisions typed between two frames.
  for (char c : std::string("AAARR")) s.h.type(static_cast<unsigned char>(c));
  s.frame();
  CHECK(v->decided() == 5);
  CHECK(v->cursor() == 5);
  CHECK(s.project().revision() == rev);  // gathered, not applied yet
  // J/K move without deciding; S skips.
  s.h.type('K');
  s.h.type('J');
  s.frame();
  CHECK(v->cursor() == 5);
  s.h.push_chord(test::kEnter);
  s.h.drain(s.draw);
  s.frames(2);
  CHECK(v->decided() == 0);
  CHECK(s.project().revision() == rev + 1);
  CHECK(store::suggestion_coding_count(s.project()) == 3);
  CHECK(store::suggestion_rejections(s.project(), {code}).size() == 2);
  CHECK(s.project().undo_label().value_or("").find("3 accepted, 2 rejected") != std::string::npos);
  s.app->workspace().undo();
  s.frames(2);
  CHECK(store::suggestion_coding_count(s.project()) == 0);
  CHECK(store::suggestion_rejections(s.project()).empty());
}

TEST_CASE("suggestions queue: decisions are not lost on a view switch; O accepts with another code") {
  if (!test::have_sample()) return;
  test::SampleWindow s("gui-suggest-switch");
  REQUIRE(s.open());
  s.frames(2);
  // The window builds the search index in the background (the search view's sync); suggestions read it.
  REQUIRE(s.settle([&] { return ui::SearchView::of(*s.app).idle() && !s.app->tasks().active(); }));
  s.app->set_view(ui::SuggestView::kKey);
  auto* v = ui::SuggestView::of(*s.app);
  REQUIRE(v != nullptr);
  const store::Id code = s.project().resolve_code("Community involvement");
  const store::Id other = s.project().resolve_code("Programme continuity");
  v->set_code(code);
  v->request();
  REQUIRE(s.settle([&] { return !v->computing(); }));
  REQUIRE(v->suggestions().size() >= 2);
  const auto first = v->suggestions()[0];
  s.h.type('A');
  s.frame();
  s.h.type('O');
  s.frame();
  v->choose_other(other);  // what the picker does with the code chosen
  s.frames(1);
  CHECK(v->decided() == 2);
  s.app->set_view(ui::View::coding);  // the shell saves drafts on a switch
  s.frames(2);
  CHECK(v->decided() == 0);
  CHECK(store::suggestion_coding_count(s.project()) == 2);
  store::CodingFilter f;
  f.codes = {other};
  f.coder = s.project().find_coder("suggestions");
  CHECK(s.project().codings(f).size() == 1);
}

TEST_CASE("suggestions switched off: no toolbar view, no menu item, no worker") {
  if (!test::have_sample()) return;
  test::SampleWindow s("gui-suggest-off");
  REQUIRE(s.open());
  s.frames(2);
  auto* v = ui::SuggestView::of(*s.app);
  REQUIRE(v != nullptr);
  const int64_t started = v->started();
  s.app->workspace().write([](store::Project& p) { analysis::set_method_setting(p, "suggestions.enabled", "false"); });
  s.frames(2);
  CHECK(ui::SuggestView::of(*s.app) == nullptr);
  CHECK_FALSE(menu_has(s, ui::S::menu_view, ui::tr(ui::S::sug_title)));
  s.app->set_view(ui::SuggestView::kKey);  // refused
  s.frames(1);
  CHECK(s.app->workspace().shown_view() != ui::SuggestView::kKey);
  v->set_code(s.project().resolve_code("Community involvement"));
  v->request();
  CHECK(v->started() == started);
  CHECK_FALSE(v->computing());
  // On again: the view is back.
  s.app->workspace().write([](store::Project& p) { analysis::set_method_setting(p, "suggestions.enabled", "true"); });
  s.frames(2);
  CHECK(ui::SuggestView::of(*s.app) != nullptr);
}
