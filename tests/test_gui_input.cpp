// No keystroke lost: bursts of keyboard events that arrive between two frames
// (slow frames: software rendering, a busy laptop) are read in order. The
// events go through the window's input queue (ui/shell/input_queue.h) exactly
// as the GLFW callbacks push them, with no frame between them.
#include <doctest/doctest.h>

#include "gui/fixture.h"
#include "gui/headless.h"
#include "ui/coding/view_coding.h"
#include "ui/search/view_search.h"
#include "ui/shell/app.h"
#include "ui/shell/input_queue.h"

using namespace telaah;
using test::cp_of;

namespace {

const std::string kText =
    "Pewawancara: Bagaimana tren ekspor ke Seoul?\n\n"
    "Informan B: Secara umum tren tahunannya meningkat, walaupun tidak selalu dalam kecepatan yang sama.\n";

bool any_popup() {
  return ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel);
}

struct Session : test::DocSession {
  Session() : DocSession("gui-input", kText) {}
  store::Id code_passage() {
    const int64_t a = cp_of(kText, "Secara");
    app->doc_view().set_selection(a, a + 30);
    h.push_text("1");
    h.drain(draw);
    REQUIRE(p().codings().size() == 1);
    return p().codings()[0].id;
  }
};

}  // namespace

TEST_CASE("a burst of typing and Ctrl+Enter between two frames saves every character") {
  // "kbd only" was saved as "kbd onl": the last letters reached ImGui in the
  // frame where Ctrl was already down, and ImGui ignores characters under Ctrl.
  Session s;
  const store::Id id = s.code_passage();
  s.h.push_text("m");
  s.h.drain(s.draw);
  s.h.frames(2, s.draw);
  REQUIRE(any_popup());
  s.h.push_text("kbd only");
  s.h.push_chord(test::kEnter, true);
  CHECK(s.h.queue.size() > 20);  // all of it before the next frame
  s.h.drain(s.draw);
  CHECK(s.p().coding(id).memo == "kbd only");
  CHECK_FALSE(any_popup());
}

TEST_CASE("Ctrl+A then fast typing fires no Ctrl shortcut: 'sister' is typed, Import does not open") {
  Session s;
  s.h.push_chord('F', true, true);  // Ctrl+Shift+F: the search box has the keyboard
  s.h.drain(s.draw);
  s.h.frames(2, s.draw);
  REQUIRE(s.app->view() == ui::View::search);
  REQUIRE(ImGui::GetIO().WantTextInput);
  s.h.push_text("draft");
  s.h.drain(s.draw);
  s.h.push_chord('A', true);
  s.h.push_text("sister");
  s.h.drain(s.draw);
  s.h.frames(2, s.draw);
  CHECK_FALSE(any_popup());  // Ctrl+I (from the i of "sister") opens the import file browser
  CHECK(ui::SearchView::of(*s.app).query() == "sister");
}

TEST_CASE("input queue: a tap shorter than a frame is down for one frame, up the next; order is kept") {
  ImGuiContext* ctx = ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  ui::InputQueue q;
  // Key 'K' down and up, and the character, all between two frames.
  q.key('K', true);
  q.character('k');
  q.key('K', false);
  q.feed(io);
  CHECK(io.KeysDown['K']);
  q.feed(io);
  CHECK(io.InputQueueCharacters.Size == 1);  // the character after its key, a frame later
  io.InputQueueCharacters.resize(0);
  q.feed(io);
  CHECK_FALSE(io.KeysDown['K']);
  CHECK(q.empty());

  // Ctrl+A, released, then "si": Ctrl is never down together with S or I.
  q.key(ui::keycode::left_control, true);
  q.key('A', true);
  q.key('A', false);
  q.key(ui::keycode::left_control, false);
  q.key('S', true);
  q.character('s');
  q.key('S', false);
  q.key('I', true);
  q.character('i');
  q.key('I', false);
  bool saw_ctrl_a = false;
  std::string typed;
  for (int frame = 0; frame < 40 && !q.empty(); ++frame) {
    q.feed(io);
    saw_ctrl_a |= io.KeyCtrl && io.KeysDown['A'];
    CHECK_FALSE((io.KeyCtrl && (io.KeysDown['S'] || io.KeysDown['I'])));
    for (ImWchar c : io.InputQueueCharacters) {
      CHECK_FALSE(io.KeyCtrl);
      typed += static_cast<char>(c);
    }
    io.InputQueueCharacters.resize(0);
  }
  CHECK(saw_ctrl_a);
  CHECK(typed == "si");
  CHECK(q.empty());

  // A modifier pressed after a letter in the same burst is not merged with it.
  q.key('S', true);
  q.key(ui::keycode::left_control, true);
  q.feed(io);
  CHECK(io.KeysDown['S']);
  CHECK_FALSE(io.KeyCtrl);
  q.feed(io);
  CHECK(io.KeyCtrl);
  q.key('S', false);
  q.key(ui::keycode::left_control, false);
  while (!q.empty()) q.feed(io);

  // A click shorter than a frame: down one frame, up the next, at the place it happened.
  q.mouse_pos(10, 20);
  q.mouse_button(0, true);
  q.mouse_button(0, false);
  q.mouse_pos(300, 300);
  q.feed(io);
  CHECK(io.MouseDown[0]);
  CHECK(io.MousePos.x == 10);
  q.feed(io);
  CHECK_FALSE(io.MouseDown[0]);
  CHECK(io.MousePos.x == 10);
  q.feed(io);
  CHECK(io.MousePos.x == 300);
  CHECK(q.empty());
  ImGui::DestroyContext(ctx);
}

TEST_CASE("M on a coding that has a memo puts the caret at the end: the first key appends, nothing is replaced") {
  Session s;
  const store::Id id = s.code_passage();
  s.app->set_memo(id, "first");
  s.h.frames(2, s.draw);
  s.h.push_text("m");
  s.h.drain(s.draw);
  s.h.frames(2, s.draw);
  REQUIRE(any_popup());
  s.h.push_text(", second");
  s.h.push_chord(test::kEnter, true);
  s.h.drain(s.draw);
  CHECK(s.p().coding(id).memo == "first, second");
}

namespace {
// Clicks into the inspector's memo box of the selected coding and types `text` in one burst.
void type_in_inspector_memo(Session& s, const std::string& text) {
  s.h.frames(3, s.draw);
  auto* coding = dynamic_cast<ui::CodingView*>(s.app->view(ui::View::coding));
  REQUIRE(coding != nullptr);
  const auto r = coding->memo_box_rect();
  REQUIRE(r.has_value());
  s.h.click(r->GetCenter(), s.draw);
  s.h.frames(2, s.draw);
  REQUIRE(ImGui::GetIO().WantTextInput);
  s.h.push_text(text);
  s.h.drain(s.draw);
}
}  // namespace

TEST_CASE("no draft lost: a memo typed in the inspector is saved on quit, and the status never says all is saved") {
  Session s;
  const store::Id id = s.code_passage();
  type_in_inspector_memo(s, "typed then quit");
  CHECK(s.p().coding(id).memo.empty());  // still in the box
  const std::string status_line = s.app->has_unsaved_draft() ? "unsaved" : "saved";
  CHECK(status_line == "unsaved");
  SUBCASE("Ctrl+Q") {
    s.h.push_chord('Q', true);
    s.h.drain(s.draw);
    CHECK(s.app->wants_quit());
    CHECK(s.p().coding(id).memo == "typed then quit");
  }
  SUBCASE("the window's close button (the App is destroyed with the box still active)") {
    const auto path = s.p().path();
    s.app.reset();
    auto p = store::Project::open(path);
    CHECK(p->coding(id).memo == "typed then quit");
  }
}

TEST_CASE("no draft lost: switching the view (Ctrl+4) or the document saves the memo being typed") {
  Session s;
  const store::Id id = s.code_passage();
  type_in_inspector_memo(s, "before the switch");
  s.h.push_chord('4', true);
  s.h.drain(s.draw);
  CHECK(s.app->view() == ui::View::triangulation);
  CHECK(s.p().coding(id).memo == "before the switch");
  CHECK_FALSE(s.app->has_unsaved_draft());
  s.h.push_chord('1', true);
  s.h.drain(s.draw);
  CHECK(s.app->view() == ui::View::coding);
  // Typing, then another document opens: saved too.
  s.app->doc_view().select_coding(id);
  type_in_inspector_memo(s, ", and more");
  store::NewDocument d;
  d.title = "Second";
  d.source_type = "news";
  d.language = "id";
  d.text = "Berita kedua.\n";
  d.original_name = "b.txt";
  d.original_bytes = d.text;
  const store::Id second = s.p().add_document(d);
  s.app->open_document(second);
  s.h.frames(2, s.draw);
  CHECK(s.p().coding(id).memo == "before the switch, and more");
}

TEST_CASE("no draft lost: the memo popup (M) with typed text is saved by Ctrl+Q and by closing the window") {
  Session s;
  const store::Id id = s.code_passage();
  s.burst("m");
  s.h.frames(2, s.draw);
  REQUIRE(any_popup());
  s.burst("typed in the popup");
  CHECK(s.p().coding(id).memo.empty());
  CHECK(s.app->has_unsaved_draft());  // the status line says a memo is not saved yet
  SUBCASE("Ctrl+Q") {
    s.h.push_chord('Q', true);
    s.h.drain(s.draw);
    CHECK(s.app->wants_quit());
    CHECK(s.p().coding(id).memo == "typed in the popup");
  }
  SUBCASE("the window's close button") {
    const auto path = s.p().path();
    s.app.reset();
    auto p = store::Project::open(path);
    CHECK(p->coding(id).memo == "typed in the popup");
  }
  SUBCASE("Esc in the popup drops it on purpose: nothing is saved, nothing is pending") {
    s.keys(test::kEscape);
    s.h.frames(2, s.draw);
    CHECK_FALSE(any_popup());
    CHECK_FALSE(s.app->has_unsaved_draft());
    CHECK(s.p().coding(id).memo.empty());
  }
}

namespace {
// Selects a code (no text selected: the inspector shows the code editor) and types over its name.
void type_code_name(Session& s, store::Id code, const std::string& name) {
  s.app->doc_view().clear_selection();
  s.app->workspace().select_code(code);
  s.h.frames(3, s.draw);
  auto* coding = dynamic_cast<ui::CodingView*>(s.app->view(ui::View::coding));
  REQUIRE(coding != nullptr);
  const auto r = coding->code_name_rect();
  REQUIRE(r.has_value());
  s.h.click(r->GetCenter(), s.draw);
  s.h.frames(2, s.draw);
  REQUIRE(ImGui::GetIO().WantTextInput);
  s.h.push_chord('A', true);  // all of the old name
  s.h.push_chord(test::kDelete);
  s.h.push_text(name);
  s.h.drain(s.draw);
}
}  // namespace

TEST_CASE(
    "no draft lost: the code editor's typed name is saved on Ctrl+Q, on closing, and when another code is chosen") {
  Session s;
  type_code_name(s, s.fx.code_a, "Legal basis");
  CHECK(s.p().code(s.fx.code_a).name == "Legal infrastructure");  // still in the box
  CHECK(s.app->has_unsaved_draft());
  SUBCASE("Ctrl+Q") {
    s.h.push_chord('Q', true);
    s.h.drain(s.draw);
    CHECK(s.app->wants_quit());
    CHECK(s.p().code(s.fx.code_a).name == "Legal basis");
  }
  SUBCASE("the window's close button") {
    const auto path = s.p().path();
    s.app.reset();
    auto p = store::Project::open(path);
    CHECK(p->code(s.fx.code_a).name == "Legal basis");
  }
  SUBCASE("another code chosen in the codebook") {
    s.app->workspace().select_code(s.fx.code_b);
    s.h.frames(3, s.draw);
    CHECK(s.p().code(s.fx.code_a).name == "Legal basis");
    CHECK_FALSE(s.app->has_unsaved_draft());
  }
}

TEST_CASE("no draft lost: a code name the project refuses keeps the window open on Ctrl+Q, with the reason") {
  Session s;
  type_code_name(s, s.fx.code_a, "Human resources");  // a sibling's name
  s.h.push_chord('Q', true);
  s.h.drain(s.draw);
  CHECK_FALSE(s.app->wants_quit());
  CHECK(s.app->status_is_error());
  CHECK(s.app->has_unsaved_draft());  // kept, to be fixed or reverted
  CHECK(s.p().code(s.fx.code_a).name == "Legal infrastructure");
}
