// The documents view (issue 22 item 1), headless on the sample project:
// a date edited through the real box (an importer's form saved as ISO, one
// action) and a bad date refused in place with nothing written; an attribute
// set on three documents selected with click and Shift+click as ONE undo
// step; a coded document deleted after a confirmation that counts its
// codings, and undone; a document set made from the selection filtering the
// table; properties typed and not saved surviving Ctrl+Q; Ctrl+A and sorting.
#include <doctest/doctest.h>

#include <algorithm>

#include "gui/fixture.h"
#include "helpers/run.h"
#include "helpers/temp_dir.h"
#include "store/doc_sets.h"
#include "ui/documents/view_documents.h"
#include "ui/export/dialog_output.h"
#include "ui/shell/app.h"

using namespace telaah;

namespace {

constexpr int kEnter = 257, kDelete = 261;

struct Session : test::SampleWindow {
  explicit Session(float width = 1400, float height = 900) : SampleWindow("gui-docs", width, height) {
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
  void click_row(store::Id id, bool ctrl = false, bool shift = false) {
    pause();
    auto r = view().item_rect("row:" + std::to_string(id));
    REQUIRE_MESSAGE(r.has_value(), "row " << id);
    h.modifiers(ctrl, shift);
    h.move(ImVec2(r->Min.x + 20, r->GetCenter().y));
    frame();
    h.modifiers(ctrl, shift);
    h.down();
    frame();
    h.modifiers(ctrl, shift);
    h.up();
    frame();
    h.modifiers(false, false);
    frames(2);
  }
  // Replaces the text of a box: click, Ctrl+A, type.
  void retype(const std::string& key, const std::string& text) {
    click(key);
    h.key('A', true);
    frame();
    type(text);
    frames(1);
  }
  void enter() {
    h.key(kEnter);
    frames(3);
  }
  store::Id coded_document() {
    for (const auto& d : app->workspace().cache().docs)
      if (d.codings > 0) return d.doc.id;
    FAIL("no coded document");
    return 0;
  }
};

}  // namespace

TEST_CASE(
    "a date typed in the properties: an importer's form saved as ISO in one action; a bad date refused in place") {
  if (!test::have_sample()) return;
  Session s;
  store::Project& p = s.project();
  const store::Id id = s.view().rows().at(0);
  s.click_row(id);
  REQUIRE(s.view().selection() == std::set<store::Id>{id});
  const std::string before = p.document(id).date;
  const int64_t rev = p.revision();
  s.retype("date", "3 Juni 2019");
  s.enter();
  CHECK(p.revision() == rev + 1);
  CHECK(p.document(id).date == "2019-06-03");
  CHECK(s.view().date_error().empty());
  CHECK(p.undo_label().value_or("").find("Edit document") == 0);
  // Refused in place: the message under the box, nothing written, the text kept.
  s.retype("date", "31/31/2011");
  s.enter();
  CHECK(p.revision() == rev + 1);
  CHECK(p.document(id).date == "2019-06-03");
  CHECK(s.view().date_error().find("Not a date") == 0);
  CHECK(s.app->has_unsaved_draft());
  // A calendar date that does not exist: the model's sentence, in place too.
  s.retype("date", "2011-02-30");
  s.enter();
  CHECK(p.revision() == rev + 1);
  CHECK(s.view().date_error().find("2011-02-30") != std::string::npos);
  s.click("revert");
  CHECK_FALSE(s.app->has_unsaved_draft());
  s.app->undo();
  s.frames(2);
  CHECK(p.document(id).date == before);
}

TEST_CASE("an attribute set on three documents selected with click and Shift+click is one undo step") {
  if (!test::have_sample()) return;
  Session s;
  store::Project& p = s.project();
  const auto rows = s.view().rows();
  REQUIRE(rows.size() >= 5);
  s.click_row(rows[1]);
  s.click_row(rows[3], false, true);  // Shift: the range
  CHECK(s.view().selection() == std::set<store::Id>{rows[1], rows[2], rows[3]});
  s.click_row(rows[4], true);  // Ctrl: one more, then off again
  CHECK(s.view().selection().size() == 4);
  s.click_row(rows[4], true);
  REQUIRE(s.view().selection().size() == 3);
  const int64_t rev = p.revision();
  s.retype("bulk:attr:name", "batch");
  s.retype("bulk:attr:value", "second wave");
  s.click("bulk:attr:apply");
  CHECK(p.revision() == rev + 1);
  for (int i = 1; i <= 3; ++i) {
    bool has = false;
    for (const auto& a : p.attributes(rows[static_cast<size_t>(i)]))
      has |= a.name == "batch" && a.value == "second wave";
    CHECK(has);
  }
  for (const auto& a : p.attributes(rows[4])) CHECK(a.name != "batch");
  s.h.key('Z', true);  // Ctrl+Z: one step takes all three back
  s.frames(3);
  for (int i = 1; i <= 3; ++i)
    for (const auto& a : p.attributes(rows[static_cast<size_t>(i)])) CHECK(a.name != "batch");
  // Ctrl+A selects every row shown.
  s.pause();
  s.h.key('A', true);
  s.frames(2);
  CHECK(s.view().selection().size() == s.view().rows().size());
}

TEST_CASE("Delete asks with the number of codings; the document and its codings go in one action; undo") {
  if (!test::have_sample()) return;
  Session s;
  store::Project& p = s.project();
  const store::Id id = s.coded_document();
  const int64_t n = static_cast<int64_t>(p.codings(store::CodingFilter{id, {}, {}, {}, {}}).size());
  REQUIRE(n > 0);
  const size_t docs = p.documents().size();
  s.click_row(id);
  s.pause();
  s.h.key(kDelete);
  s.frames(3);
  REQUIRE(test::DocSession::any_popup());
  CHECK(p.documents().size() == docs);  // nothing yet
  s.click("delete:confirm");
  CHECK(p.documents().size() == docs - 1);
  CHECK(store::codings_on_documents(p, {id}) == 0);
  CHECK(std::find(s.view().rows().begin(), s.view().rows().end(), id) == s.view().rows().end());
  s.app->undo();
  s.frames(3);
  CHECK(p.documents().size() == docs);
  CHECK(static_cast<int64_t>(p.codings(store::CodingFilter{id, {}, {}, {}, {}}).size()) == n);
  CHECK(std::find(s.view().rows().begin(), s.view().rows().end(), id) != s.view().rows().end());
}

TEST_CASE("a set made from the selection filters the table; All documents shows every row again") {
  if (!test::have_sample()) return;
  Session s;
  store::Project& p = s.project();
  const auto rows = s.view().rows();
  const size_t all = rows.size();
  s.click_row(rows[0]);
  s.click_row(rows[2], true);
  s.click("sets");
  s.click("sets:new");
  s.frames(2);
  s.type("Seoul side");
  s.click("sets:new:ok");
  const auto sets = store::doc_sets(p);
  REQUIRE(sets.size() == 1);
  CHECK(sets[0].name == "Seoul side");
  CHECK(sets[0].size == 2);
  CHECK(s.view().set_filter() == sets[0].id);
  CHECK(s.view().rows().size() == 2);
  p.undo_label();
  CHECK(p.undo_label().value_or("") == "Create document set Seoul side");  // the set and its members: one action
  s.click("set:combo");
  s.click("set:all");
  CHECK_FALSE(s.view().set_filter().has_value());
  CHECK(s.view().rows().size() == all);
  s.click("set:combo");
  s.click("set:item:Seoul side");
  CHECK(s.view().rows().size() == 2);
}

TEST_CASE("properties typed and not saved survive Ctrl+Q: saved as Save would, one action") {
  if (!test::have_sample()) return;
  Session s;
  store::Project& p = s.project();
  const store::Id id = s.view().rows().at(0);
  s.click_row(id);
  s.retype("author", "Harian Kompas");  // the box still has the keyboard
  CHECK(s.app->has_unsaved_draft());
  const int64_t rev = p.revision();
  s.h.push_chord('Q', true);
  s.h.drain(s.draw);
  CHECK(s.app->wants_quit());
  CHECK(p.revision() == rev + 1);
  CHECK(p.document(id).author == "Harian Kompas");
  CHECK_FALSE(s.app->has_unsaved_draft());
}

TEST_CASE("sorting by a column orders the rows; the filter box narrows them") {
  if (!test::have_sample()) return;
  Session s;
  const auto& cache = s.app->workspace().cache();
  s.click_row(s.view().rows().at(0));
  s.retype("filter", "news");
  const auto rows = s.view().rows();
  REQUIRE(!rows.empty());
  CHECK(rows.size() < cache.docs.size());
  for (store::Id id : rows) {
    const auto* d = cache.doc(id);
    std::string all = d->doc.title + d->doc.author + d->doc.source_type + d->doc.date + d->doc.language;
    for (const auto& a : d->attributes) all += a.value;
    CHECK(ui::lower_ascii(all).find("news") != std::string::npos);
  }
  CHECK(s.view().rows_drawn() > 0);
}

TEST_CASE("Project › Report… runs as a task, the window stays usable, the file equals the CLI's; Export… too") {
  if (!test::have_sample()) return;
  Session s;
  s.pause();
  s.h.key('R', true);  // Ctrl+R, the key the Project menu shows beside Report…
  s.frames(3);
  ui::OutputDialog& d = s.app->output_dialog();
  REQUIRE(d.item_rect("path").has_value());
  const auto md = (s.dir.path / "out-report.md").string();
  s.click(d.item_rect("kind:1"), "Markdown");
  s.frames(2);
  d.set_path(md);
  s.click(d.item_rect("lang:en"), "English");
  s.click(d.item_rect("run"), "Write");
  CHECK(d.running());
  s.frame();  // the window draws while the task runs
  REQUIRE(s.settle([&] { return !d.running(); }));
  CAPTURE(d.result());
  CHECK_FALSE(d.result_error());
  REQUIRE(std::filesystem::exists(md));
  const auto cli = (s.dir.path / "cli-report.md").string();
  auto r = test::run({TELAAH_BINARY, "report", s.file.string(), "--format", "md", "--lang", "en", "--out", cli});
  REQUIRE(r.status == 0);
  CHECK(test::read_file(md) == test::read_file(cli));
  s.click(d.item_rect("done:ok"), "OK");
  // Export… a CSV of the codings, equal to `telaah export --csv`.
  s.pause();
  s.h.key('E', true);
  s.frames(3);
  REQUIRE(d.item_rect("kind:2").has_value());
  s.click(d.item_rect("kind:2"), "CSV codings");
  const auto csv = (s.dir.path / "codings.csv").string();
  d.set_path(csv);
  s.frames(1);
  s.click(d.item_rect("run"), "Write");
  REQUIRE(s.settle([&] { return !d.running(); }));
  CHECK_FALSE(d.result_error());
  const auto cli_csv = (s.dir.path / "cli.csv").string();
  REQUIRE(test::run({TELAAH_BINARY, "export", s.file.string(), "--csv", cli_csv}).status == 0);
  CHECK(test::read_file(csv) == test::read_file(cli_csv));
  s.click(d.item_rect("done:ok"), "OK");
  // An error is named: a folder that does not exist.
  s.pause();
  s.h.key('E', true);
  s.frames(3);
  d.set_path((s.dir.path / "no-such-folder" / "x.qdpx").string());
  s.click(d.item_rect("run"), "Write");
  REQUIRE(s.settle([&] { return !d.running(); }));
  CHECK(d.result_error());
  CHECK(d.result().find("Nothing was written") == 0);
}
