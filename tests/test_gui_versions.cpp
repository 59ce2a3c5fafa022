// Document › Replace with a new version… in the window (issue 24): the new
// file read on a worker, written as one undoable action, the codings whose
// text changed or vanished listed for review, a click on one shows it.
#include <doctest/doctest.h>

#include <fstream>
#include <thread>

#include "gui/fixture.h"
#include "ui/coding/view_coding.h"

using namespace telaah;

namespace {

const char* kOld =
    "Ekspor ke Seoul naik tiga kali lipat.\n\n"
    "Komunike 1984 tidak memuat objek kerja sama.\n\n"
    "Data diklat pegawai tidak dipublikasikan.\n";
// The second sentence edited inside its coding, the third paragraph gone, a line added before.
const char* kNew =
    "Laporan yang diperbaiki.\n\n"
    "Ekspor ke Seoul naik tiga kali lipat.\n\n"
    "Komunike 1984 sama sekali tidak memuat objek kerja sama.\n";

}  // namespace

TEST_CASE("Replace with a new version: a worker reads it, one undoable action, changed and vanished codings listed") {
  test::DocSession s("versions", kOld);
  auto& p = s.p();
  auto code = [&](const std::string& quote, store::Id k) {
    store::Coding c;
    c.doc = s.fx.doc;
    c.code = k;
    c.start = test::cp_of(kOld, quote);
    c.end = c.start + static_cast<int64_t>(quote.size());
    return p.add_coding(c);
  };
  const store::Id kept = code("Ekspor ke Seoul naik tiga kali lipat.", s.fx.code_a);
  const store::Id changed = code("Komunike 1984 tidak memuat objek kerja sama.", s.fx.code_b);
  const store::Id gone = code("Data diklat pegawai tidak dipublikasikan.", s.fx.code_c);
  s.h.frames(2, s.draw);
  const auto file = s.dir.path / "laporan-v2.txt";
  std::ofstream(file, std::ios::binary) << kNew;

  auto& cv = dynamic_cast<ui::CodingView&>(*s.app->view(ui::View::coding));
  auto& rv = cv.replace_version();
  REQUIRE(rv.can_open());
  const int64_t rev = p.revision();
  rv.start(file);
  CHECK(rv.running());
  CHECK(s.app->workspace().busy());  // exclusive: no other write meanwhile
  for (int i = 0; i < 20000 && (rv.running() || !rv.review_open()); ++i) {
    s.h.frame(s.draw);
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  REQUIRE(!rv.running());
  REQUIRE(rv.review_open());
  CHECK(p.revision() == rev + 1);  // one action
  CHECK(p.text(s.fx.doc) == kNew);
  REQUIRE(p.document_versions(s.fx.doc).size() == 1);
  CHECK(p.version_text(s.fx.doc, 1) == kOld);
  // The kept coding moved with its sentence; the review lists the other two, in the codings' order.
  CHECK(p.coding(kept).start == test::cp_of(kNew, "Ekspor"));
  REQUIRE(rv.review().size() == 2);
  CHECK(rv.review()[0].coding == changed);
  CHECK(rv.review()[0].how == ingest::Carry::changed);
  CHECK(rv.review()[0].quote.find("sama sekali") != std::string::npos);
  CHECK(rv.review()[0].code.find("Human resources") != std::string::npos);
  CHECK(rv.review()[1].coding == gone);
  CHECK(rv.review()[1].how == ingest::Carry::vanished);
  CHECK(s.app->workspace().status().text.find("laporan-v2.txt") != std::string::npos);

  // A click on the changed coding shows it in the document, selected.
  s.app->workspace().doc_view().select_coding(std::nullopt);
  s.h.frame(s.draw);
  const auto r0 = rv.row_rect(0);
  REQUIRE(r0);
  s.h.click(r0->GetCenter(), s.draw);
  s.h.frames(2, s.draw);
  CHECK(s.app->workspace().doc_view().selected_coding() == changed);

  // Undo brings the old text and the old spans back.
  s.app->workspace().undo();
  s.h.frames(2, s.draw);
  CHECK(p.text(s.fx.doc) == kOld);
  CHECK(p.coding(changed).start == test::cp_of(kOld, "Komunike"));
  CHECK(p.document_versions(s.fx.doc).empty());
}

TEST_CASE("Replace with a new version: the same text is refused with a reason, nothing changes") {
  test::DocSession s("versions-same", kOld);
  const auto file = s.dir.path / "same.txt";
  std::ofstream(file, std::ios::binary) << kOld;
  auto& rv = dynamic_cast<ui::CodingView&>(*s.app->view(ui::View::coding)).replace_version();
  const int64_t rev = s.p().revision();
  rv.start(file);
  for (int i = 0; i < 20000 && rv.running(); ++i) {
    s.h.frame(s.draw);
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  s.h.frames(2, s.draw);
  CHECK(!rv.review_open());
  CHECK(s.p().revision() == rev);
  CHECK(s.app->workspace().status().error);
  CHECK(s.app->workspace().status().text.find("nothing to replace") != std::string::npos);
}
