// Shortcuts with an owner (issue 18, item 2): the coding view's one-key
// shortcuts (1-9, + − 0, M, Q, I, Delete) act only while the coding view is
// shown and no text field has the keyboard, on what it shows selected; from
// Search or Triangulation they change nothing, even with a selection left in
// the coding view. What a key did is said in the status line with an Undo link.
#include <doctest/doctest.h>

#include <algorithm>

#include "gui/fixture.h"
#include "gui/headless.h"
#include "ui/shell/app.h"

using namespace telaah;

namespace {

const std::string kText = "Informan B: Komunike bersama tahun 1984.\n\nPewawancara: Terima kasih.\n";

struct Session : test::AppWindow {
  test::Fixture fx;
  store::Id coding = 0;  // "Komunike", code A, neutral, no memo

  Session() : AppWindow("gui-shortcuts") {
    fx = test::make_fixture(dir.path, kText);
    store::Coding c;
    c.doc = fx.doc;
    c.code = fx.code_a;
    c.start = test::cp_of(kText, "Komunike");
    c.end = c.start + 8;
    coding = fx.project->add_coding(c);
    app->adopt_project(std::move(fx.project));
    REQUIRE(app->open_document(fx.doc));
    app->set_view(ui::View::coding);
    frames(3);
  }

  store::Project& p() { return *app->project(); }
  size_t codings() { return p().codings({}).size(); }
  bool any_popup() { return ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel); }
  // Leaves a text selection ("bersama") and a selected coding in the coding view.
  void select_in_coding_view() {
    const int64_t s = test::cp_of(kText, "bersama");
    app->doc_view().set_selection(s, s + 7);
    app->doc_view().select_coding(coding);
    frames(2);
  }
  // Shows a view and clicks an empty spot in it (no text field keeps the keyboard).
  void show_and_click_empty(ui::ViewKey v) {
    app->set_view(v);
    frames(3);
    const ImVec2 ds = ImGui::GetIO().DisplaySize;
    click(ImVec2(ds.x * 0.6f, ds.y - ImGui::GetFrameHeight() * 0.5f));  // the status line: nothing to act on
    pause();
    REQUIRE_FALSE(ImGui::GetIO().WantTextInput);
  }
  void press_char(char c) {
    h.type(static_cast<unsigned char>(c));
    frame();
  }
};

}  // namespace

TEST_CASE("coding keys change nothing from another view, whatever the coding view left selected") {
  for (ui::ViewKey view : {ui::View::search, ui::View::triangulation, ui::View::retrieval, ui::View::agreement}) {
    CAPTURE(std::string(view.name));
    Session s;
    s.select_in_coding_view();
    s.show_and_click_empty(view);
    const int64_t rev = s.p().revision();
    const size_t codes = s.p().codes().size();

    // Number keys code nothing (in Search, 3 once coded a word as Impediment).
    for (char c : std::string("123456789")) s.press_char(c);
    CHECK(s.codings() == 1);
    // Delete removes no coding nobody can see.
    s.h.key(test::kDelete);
    s.frame();
    CHECK(s.codings() == 1);
    // + - 0 leave the stance.
    for (char c : std::string("+-0=")) s.press_char(c);
    CHECK(s.p().coding(s.coding).stance == store::Stance::neutral);
    // M and Q open nothing; I makes no in-vivo code.
    for (char c : std::string("MQImqi")) {
      s.press_char(c);
      CHECK_FALSE(s.any_popup());
    }
    CHECK(s.p().codes().size() == codes);
    CHECK(s.codings() == 1);
    CHECK(s.p().revision() == rev);
    CHECK(s.app->view() == view);
  }
}

TEST_CASE("in the coding view a number key codes the visible selection and the status line offers Undo") {
  Session s;
  const int64_t start = test::cp_of(kText, "bersama");
  s.app->doc_view().set_selection(start, start + 7);
  s.frames(2);
  REQUIRE_FALSE(ImGui::GetIO().WantTextInput);
  s.press_char('1');  // pinned 1: the first indicator, Legal infrastructure
  s.frame();
  const auto all = s.p().codings({});
  REQUIRE(all.size() == 2);
  const auto made = std::find_if(all.begin(), all.end(), [&](const store::Coding& c) { return c.id != s.coding; });
  CHECK(made->code == s.fx.code_a);
  CHECK(made->start == start);
  CHECK(made->end == start + 7);
  CHECK(s.app->status().find("bersama") != std::string::npos);
  CHECK(s.app->status_offers_undo());
  s.click(s.app->undo_link_rect(), "the status line's Undo link");
  CHECK(s.codings() == 1);
  CHECK_FALSE(s.app->status_offers_undo());  // the Undo link stood for that one action
}

TEST_CASE("Delete in the coding view removes the selected coding, says so, and Undo brings it back") {
  Session s;
  s.app->doc_view().select_coding(s.coding);
  s.frames(2);
  s.h.key(test::kDelete);
  s.frame();
  CHECK(s.codings() == 0);
  CHECK_FALSE(s.app->status_is_error());
  REQUIRE(s.app->status_offers_undo());
  s.click(s.app->undo_link_rect(), "the status line's Undo link");
  CHECK(s.codings() == 1);
}

TEST_CASE("stance keys in the coding view act on the selected coding, with an Undo link") {
  Session s;
  s.app->doc_view().select_coding(s.coding);
  s.frames(2);
  s.press_char('+');
  CHECK(s.p().coding(s.coding).stance == store::Stance::supports);
  CHECK(s.app->status_offers_undo());
  s.press_char('-');
  CHECK(s.p().coding(s.coding).stance == store::Stance::contradicts);
}
