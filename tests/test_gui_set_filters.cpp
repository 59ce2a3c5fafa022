// A document set chosen in the filter bar of the Search, Retrieval,
// Triangulation and Agreement views (issue 22 item 1), headless on the
// sample project: the set is picked with the mouse from the view's "Set"
// combo, and what the view shows is the library's answer for the same query
// with the set's members (a filter of the query, so totals, matrices and
// agreement tables are the set's, not rows hidden afterwards) — and differs
// from the answer over every document, so the choice really narrows.
// Deleting the set falls back to all documents.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "analysis/agreement.h"
#include "analysis/evidence.h"
#include "analysis/retrieval.h"
#include "analysis/triangulation.h"
#include "gui/fixture.h"
#include "gui/headless.h"
#include "index/search.h"
#include "store/doc_sets.h"
#include "ui/agreement/view_agreement.h"
#include "ui/retrieval/view_retrieval.h"
#include "ui/search/view_search.h"
#include "ui/shell/app.h"
#include "ui/triangulation/view_triangulation.h"

using namespace telaah;

namespace {

constexpr const char* kSet = "Every other";

// Every other document of the project (by id) in a set named kSet: one action.
std::vector<store::Id> make_set(store::Project& p) {
  std::vector<store::Id> members;
  const auto docs = p.documents();
  for (size_t i = 0; i < docs.size(); i += 2) members.push_back(docs[i].id);
  const store::Id s = store::create_doc_set(p, kSet);
  store::add_to_doc_set(p, s, members);
  std::sort(members.begin(), members.end());
  return members;
}

struct Window : test::SampleWindow {
  explicit Window(ui::ViewKey v) : SampleWindow("gui-setfilter", 1600, 1000) {
    REQUIRE(open());
    members = make_set(project());
    app->set_view(v);
    frames(3);
  }
  std::vector<store::Id> members;
  // Opens the combo at `combo`, then clicks the item `item` finds (both rects of the last frame).
  void choose(const std::function<std::optional<ImRect>(const std::string&)>& rect, const std::string& item) {
    pause();
    click(rect("set:combo"), "set:combo");
    frames(2);
    pause();
    click(rect(item), item);
    frames(2);
  }
};

}  // namespace

TEST_CASE("triangulation: a set chosen in the filter bar gives the matrix of its documents") {
  if (!test::have_sample()) return;
  Window w(ui::View::triangulation);
  auto& v = ui::TriangulationView::of(*w.app);
  REQUIRE(w.settle([&] { return v.model().ready(); }));
  const auto t = analysis::EvidenceTable::load(w.project());
  analysis::Query q;
  q.coders = analysis::default_coders(w.project(), t);
  const auto all = analysis::triangulate(t, q, analysis::settings_from_project(w.project()));
  q.docs = w.members;
  const auto want = analysis::triangulate(t, q, analysis::settings_from_project(w.project()));
  REQUIRE(want.codings < all.codings);  // the set narrows the evidence

  w.choose([&](const std::string& k) { return v.item_rect(k); }, std::string("set:item:") + kSet);
  REQUIRE(w.settle([&] { return v.model().ready() && v.model().applied().set != 0; }));
  const auto& m = v.model().matrix();
  CHECK(m.codings == want.codings);
  CHECK(m.unassigned == want.unassigned);
  REQUIRE(m.rows.size() == want.rows.size());
  for (size_t r = 0; r < m.rows.size(); ++r) {
    CAPTURE(m.rows[r].path);
    CHECK(m.rows[r].automatic == want.rows[r].automatic);
    for (size_t c = 0; c < m.rows[r].cells.size(); ++c) {
      CHECK(m.rows[r].cells[c].codings == want.rows[r].cells[c].codings);
      CHECK(m.rows[r].cells[c].documents == want.rows[r].cells[c].documents);
    }
  }
  // The set deleted (one action): the view falls back to every document.
  store::delete_doc_set(w.project(), store::doc_set(w.project(), kSet).id);
  REQUIRE(w.settle([&] { return v.model().ready() && v.model().applied().set == 0; }));
  CHECK(v.model().matrix().codings == all.codings);
}

TEST_CASE("retrieval: a set chosen among the filters lists only its documents' codings") {
  if (!test::have_sample()) return;
  Window w(ui::View::search);
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
  const size_t all = view.listed().size();
  CHECK(all == w.project().codings().size());
  w.choose([&](const std::string& k) { return view.rect(k); }, std::string("set:item:") + kSet);
  w.frames(2);
  std::set<store::Id> want;
  const std::set<store::Id> in(w.members.begin(), w.members.end());
  for (const auto& c : w.project().codings())
    if (in.count(c.doc)) want.insert(c.id);
  const auto listed = view.listed();
  CHECK(std::set<store::Id>(listed.begin(), listed.end()) == want);
  CHECK(listed.size() < all);
  // "Reset filters" takes the set off too.
  w.pause();
  w.click(view.rect("set:combo"), "set:combo");
  w.frames(2);
  w.pause();
  w.click(view.rect("set:all"), "set:all");
  w.frames(3);
  CHECK(view.listed().size() == all);
}

TEST_CASE("search: a set chosen beside the query counts and lists only its documents") {
  if (!test::have_sample()) return;
  Window w(ui::View::search);
  auto& v = ui::SearchView::of(*w.app);
  auto settle = [&] { REQUIRE(w.settle([&] { return v.idle(); })); };
  settle();
  v.set_query("perdagangan");
  settle();
  const int64_t all = v.total();
  auto idx = index::Index::open(w.file);
  index::Query q;
  q.text = "perdagangan";
  q.limit = 1000;
  q.docs = w.members;
  const auto want = idx->search(q);
  REQUIRE(want.total > 0);
  REQUIRE(want.total < all);
  w.choose([&](const std::string& k) { return v.rect(k); }, std::string("set:item:") + kSet);
  settle();
  CHECK(v.chosen_set() != 0);
  CHECK(v.total() == want.total);
  const std::set<store::Id> in(w.members.begin(), w.members.end());
  for (int64_t i = 0; i < std::min<int64_t>(v.total(), 10); ++i) {
    const index::Hit* h = v.hit(i);
    REQUIRE(h != nullptr);
    CHECK(in.count(h->doc) == 1);
  }
}

TEST_CASE("agreement: a set chosen under the documents gives the table of its documents") {
  if (!test::have_sample()) return;
  Window w(ui::View::agreement);
  auto& v = ui::AgreementView::of(*w.app);
  auto settle = [&] {
    w.settle([&] { return !v.computing() && v.has_result(); }, 20000, 3);
    w.frame();
    REQUIRE(v.has_result());
  };
  settle();
  const auto all = v.report()->documents;  // those both coders coded
  REQUIRE(all.size() >= 2);
  // A set of the first of them and every document neither coder shares: the table is that one document's.
  std::vector<store::Id> one{all.front()};
  for (const auto& d : w.project().documents())
    if (!std::binary_search(all.begin(), all.end(), d.id)) one.push_back(d.id);
  store::add_to_doc_set(w.project(), store::create_doc_set(w.project(), "One shared"), one);
  w.frames(2);
  w.choose([&](const std::string& k) { return v.set_rect(k); }, "set:item:One shared");
  settle();
  REQUIRE(v.choice().set != 0);
  CHECK(v.report()->documents == std::vector<store::Id>{all.front()});
  auto o = *v.options();
  std::sort(one.begin(), one.end());
  o.sel.within = one;
  const auto want = analysis::compute_agreement(w.project(), o);
  CHECK(want.documents == std::vector<store::Id>{all.front()});
  REQUIRE(v.rows().size() == want.codes.size() + 1);
  CHECK(v.rows().back().documents == "1");
  CHECK(v.rows().back().percent == ui::AgreementView::format_percent(want.overall.pairs.at(0).percent.value));
}
