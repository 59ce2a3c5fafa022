// Document and project memos in the documents view (issue 22 item 1),
// headless on the sample project: a document's memo typed in place and saved
// as ONE undoable action (undo takes it away and the box follows, redo brings
// it back); a memo typed and left unsaved is saved when another document is
// selected, and the project memo when the view is switched or on Ctrl+Q —
// never lost.
#include <doctest/doctest.h>

#include "gui/fixture.h"
#include "ui/documents/view_documents.h"
#include "ui/shell/app.h"

using namespace telaah;

namespace {

struct Session : test::SampleWindow {
  Session() : SampleWindow("gui-docmemos", 1600, 1600) {
    REQUIRE(open());
    REQUIRE(settle());
    app->set_view(ui::View::documents);
    frames(3);
  }
  ui::DocumentsView& view() { return ui::DocumentsView::of(*app); }
  using SampleWindow::click;
  void click(const std::string& key) {
    pause();
    click(view().item_rect(key), key);
    frames(2);
  }
  void click_row(store::Id id) { click("row:" + std::to_string(id)); }
  std::string memo(const std::string& kind, store::Id target) {
    const auto ms = project().memos(kind, target);
    return ms.empty() ? std::string("<none>") : ms.front().body;
  }
};

}  // namespace

TEST_CASE("a document's memo typed in place: one action, undone and redone; the box follows") {
  if (!test::have_sample()) return;
  Session s;
  store::Project& p = s.project();
  const store::Id id = s.view().rows().at(0);
  s.click_row(id);
  REQUIRE(s.memo("document", id) == "<none>");
  const int64_t rev = p.revision();
  s.click("memo:doc");
  s.type("Kutipan kunci");
  CHECK(s.app->has_unsaved_draft());
  s.click("memo:doc:save");
  CHECK(p.revision() == rev + 1);
  CHECK(s.memo("document", id) == "Kutipan kunci");
  CHECK_FALSE(s.app->has_unsaved_draft());
  // Edited: the same memo row, one more action.
  s.click("memo:doc");
  s.type("!");
  s.click("memo:doc:save");
  CHECK(p.revision() == rev + 2);
  CHECK(p.memos("document", id).size() == 1);
  CHECK(s.memo("document", id) == "Kutipan kunci!");
  s.app->undo();
  s.frames(3);
  CHECK(s.memo("document", id) == "Kutipan kunci");
  CHECK(s.view().document_memo_text() == "Kutipan kunci");
  s.app->undo();
  s.frames(3);
  CHECK(s.memo("document", id) == "<none>");
  CHECK(s.view().document_memo_text().empty());
  s.app->redo();
  s.frames(3);
  CHECK(s.view().document_memo_text() == "Kutipan kunci");
}

TEST_CASE("a memo typed and not saved: saved when another document is selected; the project memo on a view switch") {
  if (!test::have_sample()) return;
  Session s;
  store::Project& p = s.project();
  const store::Id a = s.view().rows().at(0), b = s.view().rows().at(1);
  s.click_row(a);
  const int64_t rev = p.revision();
  s.click("memo:doc");
  s.type("ragu");
  s.click_row(b);
  CHECK(p.revision() == rev + 1);
  CHECK(s.memo("document", a) == "ragu");
  CHECK(s.memo("document", b) == "<none>");
  CHECK(s.view().document_memo_text().empty());  // b's memo now

  s.click("memo:project");
  s.type("Fokus: Seoul");
  CHECK(s.app->has_unsaved_draft());
  s.app->set_view(ui::View::coding);
  s.frames(2);
  CHECK(p.revision() == rev + 2);
  CHECK(s.memo("project", 0) == "Fokus: Seoul");
  CHECK_FALSE(s.app->has_unsaved_draft());
  CHECK(p.undo_label().value_or("").size() > 0);
}

TEST_CASE("the project memo typed and not saved survives Ctrl+Q") {
  if (!test::have_sample()) return;
  Session s;
  store::Project& p = s.project();
  const int64_t rev = p.revision();
  s.click("memo:project");
  s.type("akhir");
  s.h.push_chord('Q', true);
  s.h.drain(s.draw);
  CHECK(s.app->wants_quit());
  CHECK(p.revision() == rev + 1);
  CHECK(s.memo("project", 0) == "akhir");
}
