// A large project in the window (issue 20): the project's lists on opening
// and the tables of the Triangulation, Retrieval and Agreement views are read
// on workers through their own snapshots; the window draws a usable frame
// with a placeholder meanwhile, then the same answers as when they are
// computed in the frame. The sample project stands in for a large one by
// setting the size limit to 0.
//
// "No frame waits for a worker" is shown without timing: the workers are
// held at their start (ui::Offload::hold) while the test draws frames; a
// frame that waited for one could not end until the worker gave up waiting
// after 30 s and said so (Offload::waited_too_long()), which fails the test.
#include <doctest/doctest.h>

#include "gui/fixture.h"
#include "ui/agreement/view_agreement.h"
#include "ui/retrieval/view_retrieval.h"
#include "ui/shell/per_revision.h"
#include "ui/triangulation/view_triangulation.h"

using namespace telaah;

namespace {

// The limit (0: everything on workers) for one test; workers released at the end.
struct Offloaded {
  int64_t was = ui::Offload::limit;
  explicit Offloaded(int64_t limit) { ui::Offload::limit = limit; }
  ~Offloaded() {
    ui::Offload::hold(false);
    ui::Offload::limit = was;
  }
};

struct Window : test::SampleWindow {
  explicit Window(const std::string& name) : SampleWindow(name) {}
  ui::Workspace& ws() { return app->workspace(); }
  bool wait(const std::function<bool()>& done) { return settle(done, 3000, 1); }
};

// The matrix as the tests compare it: each row's path, status and cells.
std::vector<std::string> matrix_of(ui::TriangulationView& v) {
  std::vector<std::string> out;
  for (const auto& r : v.model().matrix().rows) {
    std::string s = r.path + ":" + std::to_string(static_cast<int>(r.effective));
    for (const auto& c : r.cells)
      s += " " + std::to_string(c.codings) + "/" + std::to_string(c.documents) + "/" + std::to_string(c.supports);
    out.push_back(s);
  }
  return out;
}

std::vector<std::string> agreement_of(ui::AgreementView& v) {
  std::vector<std::string> out;
  for (const auto& r : v.rows())
    out.push_back(r.label + " " + r.units + " " + r.percent + " " + r.kappa + " " + r.alpha);
  return out;
}

}  // namespace

TEST_CASE("a large project opens at once: the first frame draws while its lists are read on a worker") {
  if (!test::have_sample()) return;
  Offloaded off(0);
  Window w("gui-offload-open");
  ui::Offload::hold(true);
  REQUIRE(w.open());
  w.frames(3);  // frames end while the worker is held
  CHECK(w.ws().loading());
  CHECK(w.ws().cache().docs.empty());
  CHECK(w.app->tasks().active());
  CHECK_FALSE(w.app->tasks().busy());  // reading: the window is not blocked for writes
  ui::Offload::hold(false);
  REQUIRE(w.wait([&] { return !w.ws().loading(); }));
  CHECK_FALSE(ui::Offload::waited_too_long());

  // The same lists as a reload in the frame.
  ui::ProjectCache full;
  full.reload(w.project());
  REQUIRE(w.ws().cache().docs.size() == full.docs.size());
  CHECK(w.ws().cache().revision == full.revision);
  for (size_t i = 0; i < full.docs.size(); ++i) {
    CHECK(w.ws().cache().docs[i].doc.id == full.docs[i].doc.id);
    CHECK(w.ws().cache().docs[i].codings == full.docs[i].codings);
  }
  REQUIRE(w.ws().cache().codes.size() == full.codes.size());
  for (size_t i = 0; i < full.codes.size(); ++i) CHECK(w.ws().cache().codes[i].total == full.codes[i].total);
  CHECK(w.app->open_doc() != nullptr);  // something to read, as when it loads in the frame

  // Coding goes on as usual, through the change log.
  const store::Id doc = w.app->open_doc()->meta.id;
  const store::Id code = w.ws().cache().codes.back().code.id;
  const int64_t before = w.ws().cache().code(code)->count;
  w.app->code_span(doc, 0, 5, code);
  w.frame();
  CHECK(w.ws().cache().code(code)->count == before + 1);
}

TEST_CASE("a view switch on a large project shows a placeholder, then the same table as computed in the frame") {
  if (!test::have_sample()) return;
  // What each view shows when computed in the frame (a small project).
  std::vector<std::string> tri_inline, agr_inline;
  std::vector<store::Id> ret_inline;
  {
    Window w("gui-offload-inline");
    REQUIRE(w.open());
    w.app->set_view(ui::View::triangulation);
    w.frames(3);
    auto& tv = ui::TriangulationView::of(*w.app);
    REQUIRE(tv.model().ready());
    tri_inline = matrix_of(tv);
    w.app->set_view(ui::View::retrieval);
    w.frames(3);
    ret_inline = ui::RetrievalView::of(*w.app).listed();
    w.app->set_view(ui::View::agreement);
    auto& av = ui::AgreementView::of(*w.app);
    REQUIRE(w.wait([&] { return !av.computing() && av.has_result(); }));
    agr_inline = agreement_of(av);
  }
  REQUIRE_FALSE(tri_inline.empty());
  REQUIRE_FALSE(ret_inline.empty());
  REQUIRE_FALSE(agr_inline.empty());

  Offloaded off(0);
  Window w("gui-offload-views");
  REQUIRE(w.open());
  REQUIRE(w.wait([&] { return !w.ws().loading(); }));

  SUBCASE("triangulation") {
    auto& v = ui::TriangulationView::of(*w.app);
    ui::Offload::hold(true);
    w.app->set_view(ui::View::triangulation);
    w.frames(3);
    CHECK_FALSE(v.model().ready());  // the placeholder
    CHECK(v.model().pending());
    ui::Offload::hold(false);
    REQUIRE(w.wait([&] { return v.model().ready(); }));
    CHECK(matrix_of(v) == tri_inline);
    // A coding moves the revision: the last matrix stays shown while the next one computes.
    ui::Offload::hold(true);
    w.app->code_span(w.app->open_doc()->meta.id, 0, 5, v.model().matrix().rows.front().code_id);
    w.frames(2);
    CHECK(v.model().ready());
    CHECK(v.model().pending());
    ui::Offload::hold(false);
    REQUIRE(w.wait([&] { return !v.model().pending() && v.model().revision() == w.project().revision(); }));
  }
  SUBCASE("retrieval") {
    auto& v = ui::RetrievalView::of(*w.app);
    ui::Offload::hold(true);
    w.app->set_view(ui::View::retrieval);
    w.frames(3);
    CHECK(v.listed().empty());  // the placeholder
    ui::Offload::hold(false);
    REQUIRE(w.wait([&] { return !v.listed().empty(); }));
    CHECK(v.listed() == ret_inline);
  }
  SUBCASE("agreement") {
    auto& v = ui::AgreementView::of(*w.app);
    ui::Offload::hold(true);
    w.app->set_view(ui::View::agreement);
    w.frames(3);
    CHECK_FALSE(v.has_result());  // the placeholder: the default coders are being counted
    CHECK(v.choice().coder_a.empty());
    ui::Offload::hold(false);
    REQUIRE(w.wait([&] { return !v.computing() && v.has_result(); }));
    CHECK(agreement_of(v) == agr_inline);
  }
  CHECK_FALSE(ui::Offload::waited_too_long());
}
