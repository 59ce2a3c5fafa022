// The window's background import keeps reviewers' comments as `telaah
// import` does (issue 19, item 10; src/ingest/comments.h): codings of
// "Imported comments" with the comment as memo, in the import's one action.
#include <doctest/doctest.h>

#include <filesystem>

#include "gui/fixture.h"
#include "ingest/comments.h"
#include "ui/shell/import_job.h"

using namespace telaah;

TEST_CASE("background import: a DOCX's Word comments become codings with the comment as memo, in one action") {
  test::ScratchDir dir("gui-comments");
  auto fx = test::make_fixture(dir.path, "Isi awal.\n");
  const auto docx = dir.path / "comments.docx";
  std::filesystem::copy_file(std::filesystem::path(TELAAH_SOURCE_DIR) / "tests/fixtures/ingest/comments.docx", docx);
  ui::ImportRequest req;
  req.paths = {docx};
  ui::TaskProgress progress;
  auto prepared = ui::prepare_import(req, progress);
  REQUIRE(prepared.size() == 1);
  CHECK(prepared[0].comments.size() == 5);
  const int64_t rev = fx.project->revision();
  const size_t codes = fx.project->codes().size();
  auto out = ui::commit_import(*fx.project, std::move(prepared));
  REQUIRE(out.ids.size() == 1);
  CHECK(fx.project->revision() == rev + 1);  // one action
  CHECK(fx.project->codes().size() == codes + 1);
  store::CodingFilter f;
  f.doc = out.ids[0];
  f.codes = {fx.project->resolve_code(ingest::kCommentsCode)};
  const auto cs = fx.project->codings(f);
  REQUIRE(cs.size() == 5);
  CHECK(cs[0].memo == "Word comment by Rina (2016-04-22): Perlu data 2016.");
  bool noted = false;
  for (const auto& n : out.notes) noted |= n == "comments.docx: 5 comment(s) kept as codings of 'Imported comments'";
  CHECK(noted);
  fx.project->undo();
  CHECK(fx.project->codes().size() == codes);
  CHECK(fx.project->codings().empty());
}
