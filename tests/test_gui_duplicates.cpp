// Project › Find near-duplicates… in the window (issue 23 item 2): the
// detector runs on a worker (the frame never waits), the groups are listed,
// M marks the chosen group and K keeps one apart (keys in one burst between
// two frames), each one undoable action; "Mark all new" is one action; the
// matrix then counts the group as one document; Esc closes the dialog.
#include <doctest/doctest.h>

#include "analysis/evidence.h"
#include "analysis/triangulation.h"
#include "gui/fixture.h"
#include "store/duplicates.h"

using namespace telaah;

namespace {

std::unique_ptr<store::Project> project_with_copies(const std::filesystem::path& dir) {
  store::OpenOptions o;
  o.create = true;
  o.coder = "tester";
  auto p = store::Project::create(dir / "d.telaah", o);
  const std::string story =
      "The provincial government signed the sister province agreement and the trade office opened in the capital.";
  const std::string other =
      "An unrelated report on rainfall in the highlands during the dry season and the harvest that followed it.";
  for (const auto& [title, text] : std::vector<std::pair<std::string, std::string>>{
           {"Story (outlet A)", story},
           {"Story (outlet B)", story},
           {"Rain", other},
           {"Rain again", other},
           {"Alone", "Nothing like the others, a short note on a meeting held on Tuesday morning in town."}}) {
    store::NewDocument d;
    d.title = title;
    d.source_type = "news";
    d.text = text;
    p->add_document(d);
  }
  return p;
}

}  // namespace

TEST_CASE("near-duplicates in the window: found on a worker, decided by keys, undone in one step each") {
  test::AppWindow w("gui-dups");
  w.app->adopt_project(project_with_copies(w.dir.path));
  w.frames(3);
  auto& d = w.app->duplicates();
  d.open();
  w.frames(2);
  REQUIRE(d.is_open());
  w.click(d.item_rect("find"), "the Find button");
  REQUIRE(w.settle([&] { return !d.running(); }));
  REQUIRE(d.report().has_value());
  REQUIRE(d.report()->groups.size() == 2);
  CHECK(d.report()->groups[0].docs == std::vector<store::Id>{1, 2});
  CHECK(d.report()->groups[1].docs == std::vector<store::Id>{3, 4});
  w.frames(2);
  // M marks the first group; Down then K keeps the second apart: one burst.
  w.h.push_chord('M');
  w.h.push_chord(test::kDown);
  w.h.push_chord('K');
  w.h.drain(w.draw);
  CHECK(d.decision(0) == "marked");
  CHECK(d.decision(1) == "apart");
  auto groups = store::duplicate_groups(w.project());
  REQUIRE(groups.size() == 2);
  CHECK(groups[0].duplicates);
  CHECK(groups[0].docs == std::vector<store::Id>{1, 2});
  CHECK_FALSE(groups[1].duplicates);
  // The matrix's document count follows: the code is absent, so ask the table.
  auto t = analysis::EvidenceTable::load(w.project());
  CHECK(t.doc_group[static_cast<size_t>(t.doc_index(1))] == groups[0].id);
  CHECK(t.doc_group[static_cast<size_t>(t.doc_index(3))] == 0);
  // Each decision is one undo step.
  w.project().undo();
  CHECK(store::duplicate_groups(w.project()).size() == 1);
  w.project().undo();
  CHECK(store::duplicate_groups(w.project()).empty());
  // Find again: both groups new; "Mark all new" records both as one action.
  w.click(d.item_rect("find"), "the Find button");
  REQUIRE(w.settle([&] { return !d.running(); }));
  w.frames(2);
  w.click(d.item_rect("mark-all"), "Mark all new groups");
  CHECK(store::duplicate_groups(w.project()).size() == 2);
  w.project().undo();
  CHECK(store::duplicate_groups(w.project()).empty());
  // Esc closes the dialog.
  w.h.push_chord(test::kEscape);
  w.h.drain(w.draw);
  w.frames(2);
  CHECK_FALSE(d.is_open());
}
