// Shortcuts with an owner (issue 18, item 2): the coding view's one-key
// shortcuts (1-9, + − 0, M, Q, I, Delete) act only while the coding view is
// shown and no text field has the keyboard, on what it shows selected; from
// Search or Triangulation they change nothing, even with a selection left in
// the coding view. What a key did is said in the status line with an Undo link.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>

#include "gui/fixture.h"
#include "gui/headless.h"
#include "ui/coding/strings_versions.h"
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

TEST_CASE("every menu item shows the shortcut the keys are handled by (one table), and every shortcut has its item") {
  Session s;
  std::map<std::string, ui::MenuEntry> seen;
  auto collect = [&] {
    for (const auto& e : ui::menu_log()) seen[e.label] = e;
  };
  // Each menu of the menu bar, opened by a click on its title.
  for (ui::S title : {ui::S::menu_project, ui::S::menu_edit, ui::S::menu_view, ui::S::menu_help}) {
    CAPTURE(ui::tr(title));
    const auto at = s.app->menu_title(title);
    REQUIRE(at.has_value());
    s.pause();
    s.click(*at);
    s.frames(2);
    REQUIRE(s.any_popup());
    collect();
    s.h.push_chord(test::kEscape);
    s.h.drain(s.draw);
    s.frames(2);
    REQUIRE_FALSE(s.any_popup());
  }
  // The document's context menu (right click on a coding, with text selected).
  s.select_in_coding_view();
  const auto k = s.app->doc_view().screen_pos(test::cp_of(kText, "Komunike") + 2);
  REQUIRE(k.has_value());
  s.h.click(ImVec2(k->x + 2, k->y + s.app->doc_view().line_height() * 0.5f), s.draw, 1);
  s.frames(2);
  collect();
  s.h.push_chord(test::kEscape);
  s.h.drain(s.draw);
  // And on the selected text ("bersama").
  s.select_in_coding_view();
  const auto b = s.app->doc_view().screen_pos(test::cp_of(kText, "bersama") + 3);
  REQUIRE(b.has_value());
  s.pause();
  s.h.click(ImVec2(b->x + 2, b->y + s.app->doc_view().line_height() * 0.5f), s.draw, 1);
  s.frames(2);
  collect();
  s.h.push_chord(test::kEscape);
  s.h.drain(s.draw);

  // Each item with a command shows exactly the text of its shortcut in the table.
  for (const auto& [label, e] : seen) {
    CAPTURE(label);
    if (!e.command) continue;
    CHECK(e.shortcut == ui::shortcut_text(*e.command));
    CHECK_FALSE(e.shortcut.empty());
  }
  // Every command that has keys and an item was seen with them.
  using C = ui::Command;
  for (C c : {C::new_project,
              C::open_project,
              C::open_document,
              C::import_files,
              C::close_project,
              C::quit,
              C::undo,
              C::redo,
              C::find,
              C::search_corpus,
              C::view_1,
              C::view_2,
              C::view_3,
              C::view_4,
              C::view_5,
              C::quick_code,
              C::in_vivo,
              C::copy,
              C::stance_supports,
              C::stance_contradicts,
              C::stance_neutral,
              C::memo,
              C::link_to,
              C::remove_coding}) {
    CAPTURE(static_cast<int>(c));
    CHECK(std::any_of(seen.begin(), seen.end(), [&](const auto& kv) { return kv.second.command == c; }));
  }
  // Items without a command are those no key does (appearance, language, recent projects, the views' own).
  for (const auto& [label, e] : seen) {
    if (e.command) continue;
    CAPTURE(label);
    const bool keyless = label == ui::tr(ui::S::theme_light) || label == ui::tr(ui::S::theme_dark) ||
                         label == ui::tr(ui::S::menu_import_qdpx) || label == ui::vtr(ui::V::menu) ||
                         label == "English" || label == "Bahasa Indonesia";
    CHECK(keyless);
  }
  // The texts are what the handling reads: the table's chords do what their items do.
  const ui::Shortcut* search = nullptr;
  for (const auto& sc : ui::shortcuts())
    if (sc.command == C::search_corpus) search = &sc;
  REQUIRE(search != nullptr);
  CHECK(ui::chord_text(search->chord) == "Ctrl+Shift+F");
  s.h.push_chord(search->chord.key, search->chord.ctrl, search->chord.shift);
  s.h.drain(s.draw);
  CHECK(s.app->view() == ui::View::search);
}

TEST_CASE("a click that closes an open menu does not act on what is under it") {
  // Esc did not close a menu, and the click meant to close it landed on what
  // lay under it: an import was undone that way.
  Session s;
  s.app->set_stance(s.coding, store::Stance::supports);  // something to undo, with the status line's Undo link
  s.frames(3);
  REQUIRE(s.app->undo_link_rect().has_value());
  const int64_t start = test::cp_of(kText, "bersama");
  s.app->doc_view().set_selection(start, start + 7);  // a code row clicked now would code it
  s.frames(2);
  const int64_t rev = s.p().revision();
  const auto sel = s.app->doc_view().selection();
  const std::optional<ImRect> row = s.app->code_row_rect(s.fx.code_b);
  REQUIRE(row.has_value());
  const ImRect undo = *s.app->undo_link_rect();
  const auto word = s.app->doc_view().screen_pos(test::cp_of(kText, "Terima"));
  REQUIRE(word.has_value());
  const ImVec2 targets[] = {undo.GetCenter(), row->GetCenter(),
                            ImVec2(word->x + 3, word->y + s.app->doc_view().line_height() * 0.5f)};
  for (const ImVec2& at : targets) {
    CAPTURE(at.x);
    CAPTURE(at.y);
    s.pause();
    s.h.push_chord(test::kF10);  // a menu is open
    s.h.drain(s.draw);
    s.frames(2);
    REQUIRE(s.any_popup());
    s.click(at);  // meant to close the menu
    s.frames(2);
    CHECK_FALSE(s.any_popup());
    CHECK(s.p().revision() == rev);  // nothing undone, nothing coded
    CHECK(s.app->doc_view().selection().start == sel.start);
    CHECK(s.app->doc_view().selection().end == sel.end);
  }
  CHECK(s.p().coding(s.coding).stance == store::Stance::supports);
}
