// A REFI-QDA project from another tool, brought to the window: `telaah gui
// FILE.qdpx` (a double-click in the file manager), a drop, the Open dialog
// and the start screen all offer to import it as a new project beside it;
// Import makes the project on a worker, opens it and shows the report; a bad
// file names what is wrong and leaves no project behind; Cancel changes nothing.
#include <doctest/doctest.h>

#include <fstream>

#include "exchange/exchange.h"
#include "gui/fixture.h"
#include "ui/shell/app.h"

using namespace telaah;
namespace fs = std::filesystem;

namespace {

// A .qdpx made by our own export of a one-document project with one coding.
fs::path make_qdpx(const fs::path& dir, const std::string& name) {
  fs::create_directories(dir / "src");
  auto fx = test::make_fixture(dir / "src", "Informan B: Komunike bersama tahun 1984.\n\nPewawancara: Terima kasih.\n");
  store::Coding c;
  c.doc = fx.doc;
  c.code = fx.code_a;
  c.start = 0;
  c.end = 10;
  fx.project->add_coding(c);
  const fs::path out = dir / name;
  exchange::export_qdpx(*fx.project, out);
  return out;
}

}  // namespace

TEST_CASE("a .qdpx opened in the window is offered for import, imported as a new project beside it and opened") {
  test::AppWindow w("gui-intake");
  const fs::path qdpx = make_qdpx(w.dir.path, "colleague.qdpx");
  fs::path taken = w.dir.path / "colleague.telaah";
  { std::ofstream(taken) << "not ours"; }  // the obvious name is taken: the next free one is offered

  CHECK(w.app->open_project(qdpx));  // what `telaah gui colleague.qdpx` calls
  w.frames(2);
  REQUIRE(w.app->qdpx_intake().has_value());
  CHECK(w.app->qdpx_intake()->target == (w.dir.path / "colleague (2).telaah").string());
  CHECK(w.app->project() == nullptr);  // nothing opened before the researcher confirms

  w.click(w.app->qdpx_import_button(), "the dialog's Import button");
  REQUIRE(w.settle([&] { return w.app->project() != nullptr; }));
  CHECK(fs::is_regular_file(w.dir.path / "colleague (2).telaah"));
  CHECK(w.project().documents().size() == 1);
  CHECK(w.project().codings().size() == 1);
  CHECK(w.app->qdpx_report().find("colleague.qdpx") != std::string::npos);
  CHECK(std::ifstream(taken).rdbuf() != nullptr);
  std::string kept;
  std::getline(std::ifstream(taken), kept);
  CHECK(kept == "not ours");  // the file in the way was never touched
}

TEST_CASE("Cancel, a name that is taken and a broken .qdpx: nothing is created, the reason is shown") {
  test::AppWindow w("gui-intake-bad");
  const fs::path qdpx = make_qdpx(w.dir.path, "study.qdpx");
  // The new project's name, typed over the offered one (the box has the keyboard focus).
  auto retype = [&](const std::string& text) {
    w.h.push_chord('A', true);
    w.h.push_text(text);
    w.h.drain(w.draw);
    w.frames(2);
    CHECK(w.app->qdpx_intake()->target == text);
  };

  SUBCASE("cancel") {
    w.app->on_files_dropped({qdpx});  // a drop offers the same
    w.frames(2);
    REQUIRE(w.app->qdpx_intake().has_value());
    w.h.push_chord(test::kEscape);
    w.frames(2);
    CHECK_FALSE(w.app->qdpx_intake().has_value());
    CHECK_FALSE(fs::exists(w.dir.path / "study.telaah"));
  }
  SUBCASE("a taken name refuses Import") {
    w.app->open_project(qdpx);
    w.frames(2);
    { std::ofstream(w.dir.path / "other.telaah") << "x"; }
    retype((w.dir.path / "other.telaah").string());
    CHECK_FALSE(w.app->qdpx_intake()->error.empty());
    w.click(w.app->qdpx_import_button(), "Import");
    w.frames(3);
    CHECK(w.app->qdpx_intake().has_value());  // still asking
    CHECK_FALSE(w.app->tasks().busy());
    retype((w.dir.path / "other").string());  // no .telaah
    CHECK_FALSE(w.app->qdpx_intake()->error.empty());
  }
  SUBCASE("a broken file") {
    const fs::path bad = w.dir.path / "broken.qdpx";
    { std::ofstream(bad) << "PK\x03\x04 this is no zip archive"; }
    w.app->open_project(bad);
    w.frames(2);
    w.click(w.app->qdpx_import_button(), "Import");
    REQUIRE(w.settle());
    CHECK(w.app->project() == nullptr);
    CHECK_FALSE(w.app->workspace().alert_text().empty());
    CHECK_FALSE(fs::exists(w.dir.path / "broken.telaah"));
    for (const auto& e : fs::directory_iterator(w.dir.path))  // no temporary left either
      CHECK(e.path().filename().string().find("import") == std::string::npos);
  }
  SUBCASE("a file that is not there") {
    CHECK_FALSE(w.app->open_project(w.dir.path / "gone.qdpx"));
    CHECK_FALSE(w.app->qdpx_intake().has_value());
    CHECK_FALSE(w.app->workspace().alert_text().empty());
  }
}
