// The retrieval view, headless, on the sample project: tick a code, set
// filters, read the list; click a row and land in the coding view at the
// coding; click a matrix cell and get its codings in the list; export; errors
// in place.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "analysis/evidence.h"
#include "analysis/retrieval.h"
#include "gui/fixture.h"
#include "gui/headless.h"
#include "store/judgement.h"
#include "ui/retrieval/retrieval_export.h"
#include "ui/retrieval/view_retrieval.h"
#include "ui/shell/app.h"

using namespace telaah;
namespace fs = std::filesystem;

namespace {

// The App's own view is private; the test draws a second RetrievalView bound
// to the same App in a window over it (the App's window never comes to front).
struct Session : test::SampleWindow {
  std::unique_ptr<ui::RetrievalView> view;

  Session() : SampleWindow("gui-retrieval") {
    REQUIRE(open());
    app->set_view(ui::View::search);
    view = std::make_unique<ui::RetrievalView>(app->workspace());
    draw = [this] {
      app->frame();
      ImGui::SetNextWindowPos(ImVec2(0, 0));
      ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
      ImGui::Begin("retrieval-under-test", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
      view->draw();
      ImGui::End();
    };
    frames(3);
  }
  void click(const std::string& name, float fx = -1) {
    auto r = view->rect(name);
    REQUIRE_MESSAGE(r.has_value(), name);
    // Check boxes: their box, at the left; everything else: its middle.
    const float x = fx < 0 ? r->Min.x + std::min(r->GetHeight(), r->GetWidth()) * 0.5f : r->Min.x + r->GetWidth() * fx;
    SampleWindow::click(ImVec2(x, r->GetCenter().y));
    pause();
    frame();  // a tab chosen by the view shows one frame later
  }
  std::set<store::Id> expected(const store::CodingFilter& f) {
    std::set<store::Id> out;
    for (const auto& c : project().codings(f)) out.insert(c.id);
    return out;
  }
};

std::set<store::Id> as_set(const std::vector<store::Id>& v) {
  return {v.begin(), v.end()};
}

}  // namespace

TEST_CASE("retrieval view: tick O1, filter interviews and contradicts, open a row at its coding") {
  if (!test::have_sample()) return;
  Session s;
  // Nothing ticked: every coding.
  CHECK(s.view->listed().size() == s.project().codings().size());
  const store::Id o1 = s.project().resolve_code("Output/Trade goals reached");
  store::CodingFilter f;
  f.codes = s.project().code_descendants(o1);
  s.click("code:" + std::to_string(o1));
  CHECK(as_set(s.view->listed()) == s.expected(f));
  CHECK(s.view->listed().size() == 39);

  s.click("stance:contradicts");
  f.stance = store::Stance::contradicts;
  CHECK(as_set(s.view->listed()) == s.expected(f));
  s.click("type:interview");
  f.source_type = "interview";
  const auto want = s.expected(f);
  CHECK(as_set(s.view->listed()) == want);
  CHECK(want.size() == 11);  // the done-when: every contradicting interview passage on O1
  for (store::Id id : s.view->listed()) {
    const auto c = s.project().coding(id);
    CHECK(c.stance == store::Stance::contradicts);
    CHECK(s.project().document(c.doc).source_type == "interview");
  }

  // Without sub-codes only the codings on O1 itself remain.
  s.click("subcodes");
  f.codes = {o1};
  CHECK(as_set(s.view->listed()) == s.expected(f));
  CHECK(s.view->listed().size() == 2);
  s.click("subcodes");
  CHECK(s.view->listed().size() == 11);

  // Click the third row: the coding view opens the document at the coding, selected.
  const store::Id third = s.view->listed().at(2);
  const auto c = s.project().coding(third);
  s.click("row:2", 0.3f);
  CHECK(s.app->view() == ui::View::coding);
  REQUIRE(s.app->open_doc() != nullptr);
  CHECK(s.app->open_doc()->meta.id == c.doc);
  REQUIRE(s.app->doc_view().selected_coding().has_value());
  CHECK(*s.app->doc_view().selected_coding() == third);
  s.frames(3);
  CHECK(s.app->doc_view().top_cp() <= c.start);
  CHECK(s.app->doc_view().top_cp() > c.start - 400);  // the coding is at the top of the view, not far below
}

TEST_CASE("retrieval view: a matrix cell shows its codings in the list") {
  if (!test::have_sample()) return;
  Session s;
  store::Project& p = s.project();
  const store::Id i1 = p.resolve_code("Input/Legal infrastructure"), imp = p.resolve_code("Impediment");
  s.click("code:" + std::to_string(i1));
  s.click("code:" + std::to_string(imp));
  s.click("tab:matrices", 0.5f);
  s.frames(2);
  // The cell Legal infrastructure x Impediment: the codings of either that overlap one of the other.
  std::set<store::Id> want;
  const auto all = p.codings();
  const auto d1 = p.code_descendants(i1), d2 = p.code_descendants(imp);
  auto in = [](const std::vector<store::Id>& v, store::Id x) { return std::find(v.begin(), v.end(), x) != v.end(); };
  for (const auto& a : all)
    for (const auto& b : all)
      if (a.id != b.id && a.doc == b.doc && a.start < b.end && b.start < a.end && in(d1, a.code) && in(d2, b.code)) {
        want.insert(a.id);
        want.insert(b.id);
      }
  REQUIRE_FALSE(want.empty());  // the sample codes impediments inside legal-infrastructure passages
  s.click("cell:0:1", 0.5f);
  CHECK(as_set(s.view->listed()) == want);
  CHECK(s.view->rect("tab:list").has_value());
  CHECK(s.view->rect("back").has_value());  // the list says it shows a cell, with a way back

  // Code x source type: the cell of Impediment and the first type (interviews).
  s.click("tab:matrices", 0.5f);
  s.click("matrix:attr");
  s.frames(2);
  s.click("cell:1:0", 0.5f);
  store::CodingFilter f;
  f.codes = d2;
  f.source_type = "interview";
  CHECK(as_set(s.view->listed()) == s.expected(f));
  CHECK_FALSE(s.view->listed().empty());

  // Back to the query: both codes again.
  s.click("back", 0.5f);
  store::CodingFilter both;
  both.codes = d1;
  both.codes.insert(both.codes.end(), d2.begin(), d2.end());
  CHECK(as_set(s.view->listed()) == s.expected(both));
}

TEST_CASE("retrieval view: code queries, a bad date in place, export with clear errors") {
  if (!test::have_sample()) return;
  Session s;
  store::Project& p = s.project();
  const store::Id i1 = p.resolve_code("Input/Legal infrastructure");
  s.click("code:" + std::to_string(i1));
  const size_t all_i1 = s.view->listed().size();
  CHECK(all_i1 == static_cast<size_t>(p.coding_count(i1)));

  // A malformed date: the error is shown, the list is empty, nothing else changes.
  s.click("date_from", 0.5f);
  for (char ch : std::string("2015-13")) s.h.type(static_cast<unsigned>(ch));
  s.frames(2);
  CHECK(s.view->error().find("2015-13") != std::string::npos);
  CHECK(s.view->listed().empty());
  for (int i = 0; i < 7; ++i) {
    s.h.key(test::kBackspace);
    s.frames(2);
  }
  CHECK(s.view->error().empty());
  CHECK(s.view->listed().size() == all_i1);

  // Export the list as CSV: one line per coding after the header.
  const fs::path out = s.dir.path / "list.csv";
  s.view->set_export_path(out.string());
  s.frame();
  s.click("export", 0.5f);
  REQUIRE(fs::exists(out));
  std::ifstream in(out, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string csv = ss.str();
  CHECK(csv.find("quote") != std::string::npos);
  CHECK(csv.find(p.code_path(i1)) != std::string::npos);
  CHECK_FALSE(s.app->status_is_error());
  CHECK(s.app->status().find(out.filename().string()) != std::string::npos);
  // An export into a folder that does not exist: a clear error, no file.
  const fs::path bad = s.dir.path / "no-such-folder" / "list.csv";
  s.view->set_export_path(bad.string());
  s.frame();
  s.click("export", 0.5f);
  CHECK(s.app->status_is_error());
  CHECK(s.app->status().find("no-such-folder") != std::string::npos);
  CHECK_FALSE(fs::exists(bad));

  // HTML and XLSX through the same writer the button uses.
  auto t = analysis::EvidenceTable::load(p);
  analysis::RetrievalQuery q;
  q.codes_a = {i1};
  analysis::RowDescriber d(p, t);
  auto rows = d.describe_all(analysis::retrieve(t, p, q));
  REQUIRE(rows.size() == all_i1);
  rows[0].memo = "a <b> & \"c\"";
  const std::string html = ui::retrieval_html(rows, "Legal <infrastructure>");
  CHECK(html.find("a &lt;b&gt; &amp; &quot;c&quot;") != std::string::npos);
  CHECK(html.find("<h1>Legal &lt;infrastructure&gt;</h1>") != std::string::npos);
  ui::export_retrieval(rows, "x", ui::ExportFormat::xlsx, s.dir.path / "list.xlsx");
  CHECK(fs::file_size(s.dir.path / "list.xlsx") > 1000);
  const auto table = ui::retrieval_table(rows);
  CHECK(table.rows.size() == rows.size());
  CHECK(table.columns.at(1) == "quote");

  // A NOT B with B = Impediment: the list follows, and equals the library's set.
  const store::Id imp = p.resolve_code("Impediment");
  s.click("op", 0.5f);
  s.click("op:4", 0.5f);
  CHECK(s.view->listed().empty());  // no B chosen yet: nothing to list, and no error
  CHECK(s.view->error().empty());
  s.click("code_b", 0.5f);
  s.click("b:" + std::to_string(imp), 0.5f);
  q.op = analysis::CodeOp::not_;
  q.codes_b = {imp};
  std::vector<store::Id> want;
  for (const auto& h : analysis::retrieve(t, p, q)) want.push_back(h.coding);
  CHECK_MESSAGE(s.view->listed() == want, s.view->listed().size(), " listed, want ", want.size(), " ", s.view->error());
  CHECK(want.size() < all_i1);  // some legal-infrastructure passages carry an impediment
  CHECK_FALSE(want.empty());
}

TEST_CASE("retrieval view: counts take the singular for one (English and Indonesian)") {
  test::AppWindow w("gui-retrieval-plural");
  store::Id code_a = 0, code_b = 0;
  {
    auto f = test::make_fixture(w.dir.path, "Satu dua tiga empat lima enam tujuh delapan sembilan sepuluh.");
    code_a = f.code_a, code_b = f.code_b;
    store::Coding c;
    c.doc = f.doc;
    c.code = code_a;
    c.start = 0, c.end = 8;
    f.project->add_coding(c);
    c.code = code_b;
    f.project->add_coding(c);
    c.start = 20, c.end = 30;
    f.project->add_coding(c);
  }
  REQUIRE(w.app->open_project(w.dir.path / "t.telaah"));
  w.app->set_view(ui::View::search);
  ui::RetrievalView view(w.app->workspace());
  w.draw = [&] {
    w.app->frame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("retrieval-under-test", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
    view.draw();
    ImGui::End();
  };
  w.frames(3);
  auto tick = [&](store::Id code) {
    const auto r = view.rect("code:" + std::to_string(code));
    REQUIRE(r.has_value());
    w.pause();
    w.click(ImVec2(r->Min.x + r->GetHeight() * 0.5f, r->GetCenter().y));
    w.frames(3);
  };
  tick(code_a);
  REQUIRE(view.listed().size() == 1);
  CHECK(view.count_line() == "1 coding in 1 document");
  ui::set_language(ui::Lang::id);
  w.frames(3);  // the tabs' labels, and so their ids, change with the language
  CHECK(view.count_line() == "1 pengodean dalam 1 dokumen");
  ui::set_language(ui::Lang::en);
  w.frames(3);
  tick(code_a);
  tick(code_b);
  REQUIRE(view.listed().size() == 2);
  CHECK(view.count_line() == "2 codings in 1 document");
}

TEST_CASE("retrieval view: ticking a case lists the codings of that case, as the library retrieves them") {
  if (!test::have_sample()) return;
  Session s;
  // Two cases made in the window's project: the first two interviews whole in
  // "Jakarta", the third in "Surabaya".
  std::vector<store::Id> interviews;
  for (const auto& d : s.project().documents())
    if (d.source_type == "interview") interviews.push_back(d.id);
  REQUIRE(interviews.size() >= 3);
  REQUIRE(s.app->workspace().write([&](store::Project& p) {
    store::add_case(p, "Jakarta");
    store::add_case(p, "Surabaya");
    store::assign_to_case(p, "Jakarta", interviews[0]);
    store::assign_to_case(p, "Jakarta", interviews[1]);
    store::assign_to_case(p, "Surabaya", interviews[2]);
  }));
  s.frames(3);
  s.settle();
  const auto t = analysis::EvidenceTable::load(s.project());
  auto library = [&](std::vector<std::string> cases) {
    analysis::RetrievalQuery q;
    q.filter.cases = std::move(cases);
    std::set<store::Id> out;
    for (const auto& h : analysis::retrieve(t, s.project(), q)) out.insert(h.coding);
    return out;
  };
  const auto jakarta = library({"Jakarta"}), both = library({"Jakarta", "Surabaya"});
  REQUIRE_FALSE(jakarta.empty());
  CHECK(both.size() > jakarta.size());  // the third interview holds codings too
  for (store::Id id : jakarta) {
    const auto d = s.project().coding(id).doc;
    CHECK((d == interviews[0] || d == interviews[1]));
  }

  s.click("case:Jakarta");
  CHECK(as_set(s.view->listed()) == jakarta);
  s.click("case:Surabaya");
  CHECK(as_set(s.view->listed()) == both);
  s.click("case:Jakarta");
  s.click("case:Surabaya");
  CHECK(s.view->listed().size() == s.project().codings().size());  // none ticked: every coding
}
