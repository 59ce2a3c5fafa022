// Every action by keyboard: the document's caret (character, word, line,
// paragraph; Shift extends), and a keyboard-only walkthrough of a coding
// session without a single mouse event.
#include <doctest/doctest.h>

#include "gui/fixture.h"
#include "gui/headless.h"
#include "ui/shell/app.h"

using namespace telaah;
using test::cp_of;

namespace {

const std::string kText =
    "Pewawancara: Bagaimana tren ekspor ke Seoul?\n\n"
    "Informan B: Secara umum tren tahunannya meningkat. Walaupun tidak selalu sama.\n\n"
    "Pewawancara: Terima kasih.\n";

struct Session {
  test::ScratchDir dir{"gui-keyboard"};
  test::Headless h;
  test::Fixture fx;
  std::unique_ptr<ui::App> app;
  std::function<void()> draw;

  Session() {
    fx = test::make_fixture(dir.path, kText);
    ui::AppOptions o;
    o.remember = false;
    o.sample_on_first_start = false;
    app = std::make_unique<ui::App>(o);
    app->set_fonts(h.fonts);
    app->adopt_project(std::move(fx.project));
    REQUIRE(app->open_document(fx.doc));
    draw = [this] { app->frame(); };
    h.frames(3, draw);
  }
  ui::DocumentView& view() { return app->doc_view(); }
  void keys(int k, int times = 1, bool ctrl = false, bool shift = false) {
    for (int i = 0; i < times; ++i) h.push_chord(k, ctrl, shift);
    h.drain(draw);
  }
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
