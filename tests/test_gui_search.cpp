// The search view on the sample project, driven headless with synthetic
// keyboard and mouse input (issue 9): typing a query (searches run off the
// UI thread, debounced), facets as filters, opening a hit at its place in
// the coding view, code from search (review, accept some, one undoable
// action), malformed queries, paging through many hits, and the facet
// filters in the query text.
#include <doctest/doctest.h>

#include <algorithm>
#include <tuple>

#include "gui/fixture.h"
#include "gui/headless.h"
#include "index/search.h"
#include "ui/search/search_filters.h"
#include "ui/search/view_search.h"
#include "ui/shell/app.h"

using namespace telaah;

namespace {

struct Session : test::SampleWindow {
  Session() : SampleWindow("gui-search") {
    REQUIRE(open());
    app->set_view(ui::View::search);
    settle();
    REQUIRE_MESSAGE(view().index_problem().empty(), view().index_problem());
    REQUIRE(view().index_revision() == app->project()->revision());
  }
  ui::SearchView& view() { return ui::SearchView::of(*app); }

  // Runs frames until the view has nothing pending (index sync, search, plan).
  void settle() {
    if (!SampleWindow::settle([this] { return view().idle(); })) FAIL("the search view did not settle");
  }
  using SampleWindow::click;
  void click(const std::string& key) { click(view().rect(key), key); }
  // Focus the query box (Ctrl+Shift+F), clear it, and type `q` one key per frame.
  void type_query(const std::string& q, bool enter) {
    h.key('F', true, true);
    frame();
    frame();
    h.key('A', true);  // select all, then typing replaces it
    frame();
    h.key(test::kBackspace);
    frame();
    type(q);
    if (enter) {
      h.key(test::kEnter);
      frame();
    }
  }
  index::Results expect(const std::string& q) {
    auto idx = index::Index::open(file);
    index::Query query;
    query.text = q;
    query.facets = true;
    query.limit = 1000;
    return idx->search(query);
  }
  int64_t facet_count(const std::vector<index::FacetValue>& f, const std::string& value) {
    for (const auto& v : f)
      if (v.value == value) return v.count;
    return -1;
  }
};

}  // namespace

TEST_CASE(
    "typing a query searches in the background; a facet narrows it; a hit opens in the coding view at its place") {
  Session s;
  CHECK(s.app->view() == ui::View::search);
  const int64_t runs = s.view().searches_run();
  s.type_query("perdagangan", false);  // no Enter: the debounce searches once typing stops
  s.settle();
  CHECK(s.view().query() == "perdagangan");
  REQUIRE(s.view().has_results());
  CHECK(s.view().error().empty());
  CHECK(s.view().searches_run() == runs + 1);  // one search for eleven keystrokes
  const index::Results want = s.expect("perdagangan");
  CHECK(s.view().total() == want.total);
  REQUIRE(s.view().total() > 3);

  // The news facet: the list narrows to exactly its count, and the query says why.
  const int64_t news = s.facet_count(s.view().facets().source_type, "news");
  REQUIRE(news > 0);
  REQUIRE(news < s.view().total());
  s.click("facet:type:news");
  s.settle();
  CHECK(s.view().query() == "perdagangan type:news");
  CHECK(s.view().total() == news);
  for (int64_t i = 0; i < s.view().total(); ++i) {
    const index::Hit* hit = s.view().hit(i);
    REQUIRE(hit != nullptr);
    CHECK(hit->source_type == "news");
  }
  // Clicking it again removes the filter.
  s.click("facet:type:news");
  s.settle();
  CHECK(s.view().query() == "perdagangan");
  CHECK(s.view().total() == want.total);

  // A result: the coding view opens its document with the match selected and on screen.
  s.click("facet:type:news");
  s.settle();
  const index::Hit hit = *s.view().hit(1);
  REQUIRE_FALSE(hit.matches.empty());
  s.click("hit:1");
  s.frames(4);
  CHECK(s.app->view() == ui::View::coding);
  REQUIRE(s.app->open_doc() != nullptr);
  CHECK(s.app->open_doc()->meta.id == hit.doc);
  const text::Span sel = s.app->doc_view().selection();
  CHECK(sel.start == hit.matches.front().start);
  CHECK(sel.end == hit.matches.front().end);
  const std::string word = ui::lower_ascii(s.app->open_doc()->slice(sel.start, sel.end));
  CHECK(word.find("dagang") != std::string::npos);  // perdagangan, pedagang, dagang: one stem
  const int64_t top = s.app->doc_view().top_cp();
  CHECK(top <= sel.start);
  CHECK(s.app->doc_view().screen_pos(sel.start).has_value());  // laid out in the visible range
  auto p = s.app->doc_view().screen_pos(sel.start);
  const ImRect tr = s.app->doc_view().text_rect();
  CHECK(p->y >= tr.Min.y);
  CHECK(p->y + s.app->doc_view().line_height() <= tr.Max.y);
}

TEST_CASE("done when: perdagangan AND type:news, narrowed by year, a hit opened at its place") {
  Session s;
  s.type_query("perdagangan AND type:news", true);
  s.settle();
  REQUIRE(s.view().error().empty());
  const index::Results want = s.expect("perdagangan AND type:news");
  CHECK(s.view().total() == want.total);
  for (int64_t i = 0; i < s.view().total(); ++i) CHECK(s.view().hit(i)->source_type == "news");
  // Every year offered has its count; pick the one with the most documents.
  REQUIRE_FALSE(s.view().facets().year.empty());
  const index::FacetValue year = s.view().facets().year.front();
  REQUIRE(year.count < s.view().total());
  s.click("facet:year:" + year.value);
  s.settle();
  CHECK(s.view().query() == "perdagangan AND type:news year:" + year.value);
  CHECK(s.view().total() == year.count);
  const index::Hit* h = s.view().hit(0);
  REQUIRE(h != nullptr);
  CHECK(h->date.substr(0, 4) == year.value);
  const index::Hit hit = *h;
  s.click("hit:0");
  s.frames(4);
  REQUIRE(s.app->open_doc() != nullptr);
  CHECK(s.app->open_doc()->meta.id == hit.doc);
  CHECK(s.app->doc_view().selection().start == hit.matches.front().start);
}

TEST_CASE("a malformed query says what is wrong in place; nothing crashes and the next query works") {
  Session s;
  s.type_query("perdagangan AND", true);
  s.settle();
  CHECK_FALSE(s.view().error().empty());
  CHECK(s.view().error().find("AND") != std::string::npos);
  CHECK_FALSE(s.view().has_results());
  s.type_query("year:20x1 ekspor", true);
  s.settle();
  CHECK(s.view().error().find("year") != std::string::npos);
  s.type_query("\"kerja sama", true);
  s.settle();
  CHECK_FALSE(s.view().error().empty());
  s.type_query("ekspor", true);
  s.settle();
  CHECK(s.view().error().empty());
  CHECK(s.view().total() > 0);
}

TEST_CASE("history: Up brings back the previous searches of the session") {
  Session s;
  s.type_query("ekspor", true);
  s.settle();
  s.type_query("pelatihan", true);
  s.settle();
  s.h.key(test::kUp);
  s.frame();
  CHECK(s.view().query() == "pelatihan");  // the box was emptied and retyped: Up shows the last search first
  s.h.key(test::kUp);
  s.frame();
  CHECK(s.view().query() == "ekspor");
  s.settle();
  CHECK(s.view().total() == s.expect("ekspor").total);
}

namespace {

// Opens the review for the current query at `scope`, chooses `code`, accepts
// exactly the rows `rows` and applies. Returns the plan that was shown.
std::vector<index::AutocodeSpan> code_rows(Session& s, const std::string& scope, store::Id code,
                                           const std::vector<int>& rows) {
  s.click("button:code_hits");
  s.settle();
  REQUIRE(s.view().review_open());
  if (scope != "hit") {
    s.click("scope:" + scope);
    s.settle();
  }
  s.click("code_combo");
  s.frames(2);
  s.click("code:" + std::to_string(code));
  s.settle();
  const auto plan = s.view().review_plan();
  REQUIRE(plan.size() >= rows.size());
  s.click("button:none");
  for (int r : rows) s.click("review:" + std::to_string(r));
  const auto acc = s.view().review_accepted();
  for (size_t i = 0; i < acc.size(); ++i)
    CHECK(acc[i] == (std::find(rows.begin(), rows.end(), static_cast<int>(i)) != rows.end()));
  s.click("button:apply");
  s.frames(2);
  CHECK_FALSE(s.view().review_open());
  return plan;
}

store::Id code_named(ui::App& app, const std::string& path) {
  for (const auto& c : app.cache().codes)
    if (c.path == path) return c.code.id;
  FAIL("no code " << path);
  return 0;
}

}  // namespace

TEST_CASE("code from search: accept two of three reviewed hits, exactly two codings in one action, Ctrl+Z undoes it") {
  Session s;
  store::Project& p = *s.app->project();
  s.type_query("\"misi dagang\"", true);
  s.settle();
  REQUIRE(s.view().total() > 0);
  const store::Id code = code_named(*s.app, "Output/Trade goals reached");
  const size_t before = p.codings().size();
  const int64_t rev = p.revision();
  const auto plan = code_rows(s, "hit", code, {0, 2});
  REQUIRE(plan.size() >= 3);
  const auto after = p.codings();
  REQUIRE(after.size() == before + 2);
  CHECK(p.revision() == rev + 1);  // one action
  std::vector<store::Coding> fresh;
  for (const auto& c : after)
    if (c.origin == "search: \"misi dagang\"") fresh.push_back(c);
  REQUIRE(fresh.size() == 2);
  std::sort(fresh.begin(), fresh.end(),
            [](const auto& a, const auto& b) { return std::tie(a.doc, a.start) < std::tie(b.doc, b.start); });
  for (int k = 0; k < 2; ++k) {
    const auto& want = plan[k == 0 ? 0 : 2];
    CHECK(fresh[k].doc == want.doc);
    CHECK(fresh[k].start == want.start);
    CHECK(fresh[k].end == want.end);
    CHECK(fresh[k].code == code);
    const std::string q = ui::lower_ascii(want.quote);
    CHECK((q.find("misi") != std::string::npos || q.find("dagang") != std::string::npos));
  }
  CHECK(s.app->status().find("2") != std::string::npos);
  // Undo as for everything else (once the index has caught up: shortcuts wait for tasks).
  s.settle();
  s.app->set_view(ui::View::coding);
  s.frames(2);
  s.h.key('Z', true);
  s.frame();
  CHECK(p.codings().size() == before);
}

TEST_CASE("done when: code three reviewed hits of perdagangan AND type:news in one step, by sentence") {
  Session s;
  store::Project& p = *s.app->project();
  s.type_query("perdagangan AND type:news", true);
  s.settle();
  const store::Id code = code_named(*s.app, "Output/Trade goals reached");
  const size_t before = p.codings().size();
  const auto plan = code_rows(s, "sentence", code, {0, 1, 3});
  const auto after = p.codings();
  REQUIRE(after.size() == before + 3);
  for (int r : {0, 1, 3}) {
    bool found = false;
    for (const auto& c : after)
      found = found || (c.doc == plan[r].doc && c.start == plan[r].start && c.end == plan[r].end && c.code == code);
    CHECK_MESSAGE(found, "row " << r);
    CHECK(plan[r].end - plan[r].start > 11);  // a sentence, not the word
  }
  // The search sees the new codings once the index caught up: code: filters find them.
  s.settle();
  CHECK(s.view().index_revision() == p.revision());
  CHECK(s.view().index_problem().empty());
  s.type_query("perdagangan AND type:news code:\"Trade goals reached\"", true);
  s.settle();
  CHECK(s.view().error().empty());
  CHECK(s.view().total() >= 1);
  p.undo();
  CHECK(p.codings().size() == before);
}

TEST_CASE("many hits: the list asks only for the pages it shows, also after a jump to the end") {
  test::AppWindow w("gui-search-many");
  store::OpenOptions o;
  o.create = true;
  o.coder = "tester";
  auto proj = store::Project::create(w.dir.path / "many.telaah", o);
  constexpr int kDocs = 3000;
  {
    auto action = proj->begin_action("import");
    for (int i = 0; i < kDocs; ++i) {
      store::NewDocument d;
      d.title = "Berita " + std::to_string(i);
      d.source_type = "news";
      d.language = "id";
      d.date = "2014-0" + std::to_string(1 + i % 9) + "-01";
      d.text = "Paragraf tentang perdagangan dan ekspor ke Seoul nomor " + std::to_string(i) + ".\n\nPenutup.\n";
      d.original_name = "b" + std::to_string(i) + ".txt";
      d.original_bytes = d.text;
      proj->add_document(d);
    }
    action.commit();
  }
  w.app->adopt_project(std::move(proj));
  w.app->set_view(ui::View::search);
  auto& v = ui::SearchView::of(*w.app);
  auto settle = [&] { w.settle([&] { return v.idle(); }, 20000, 0); };
  settle();
  v.set_query("perdagangan");
  settle();
  REQUIRE(v.total() == kDocs);
  const int64_t pages = v.pages_requested();
  CHECK(pages <= 1);  // the first page came with the search; at most one more ahead
  // Grab the scrollbar and pull it to the bottom: only the pages shown on the way are asked for.
  auto list = v.rect("list");
  REQUIRE(list.has_value());
  const float x = list->Max.x - ImGui::GetStyle().ScrollbarSize * 0.5f;
  w.h.drag(ImVec2(x, list->Min.y + 8), ImVec2(x, list->Max.y + 200), w.draw, 3);
  settle();
  CHECK(v.hit(kDocs - 1) != nullptr);
  CHECK(v.rect("hit:" + std::to_string(kDocs - 1)).has_value());
  CHECK(v.pages_requested() <= pages + 8);
  CHECK(v.hit(kDocs / 2) == nullptr);  // never shown, never fetched
  CHECK(test::Headless::max_vertices() < 65536);
}

TEST_CASE("facet filters live in the query text") {
  using ui::toggle_filter;
  CHECK(ui::filter_token("type", "news") == "type:news");
  CHECK(ui::filter_token("outlet", "Warta Niaga") == "outlet:\"Warta Niaga\"");
  CHECK(toggle_filter("", "type", "news") == "type:news");
  CHECK(toggle_filter("perdagangan", "type", "news") == "perdagangan type:news");
  CHECK(toggle_filter("perdagangan type:news", "type", "news") == "perdagangan");
  CHECK(toggle_filter("perdagangan AND type:news", "type", "news") == "perdagangan");
  CHECK(toggle_filter("type:news AND perdagangan", "type", "NEWS") == "perdagangan");
  CHECK(toggle_filter("perdagangan AND type:news", "year", "2013") == "perdagangan AND type:news year:2013");
  CHECK(toggle_filter("ekspor OR impor", "lang", "id") == "(ekspor OR impor) lang:id");
  CHECK(toggle_filter("(ekspor OR impor) lang:id", "lang", "id") == "(ekspor OR impor)");
  CHECK(toggle_filter("seoul outlet:\"warta niaga\"", "outlet", "Warta Niaga") == "seoul");
  CHECK(toggle_filter("a NOT b", "type", "news") == "a NOT b type:news");
  CHECK(toggle_filter("a NOT b type:news", "type", "news") == "a NOT b");
  CHECK(toggle_filter("perdagangan AND", "type", "news") == "perdagangan AND type:news");  // malformed: appended
  CHECK(ui::has_filter("x type:news", "type", "news"));
  CHECK_FALSE(ui::has_filter("x type:newsy", "type", "news"));
  CHECK_FALSE(ui::has_filter("x OR type:news", "type", "news"));  // not a filter of the whole query
}

namespace {

// The snippet layout of a text in the window's font, inside a frame.
ui::SearchView::SnippetLayout layout(test::AppWindow& w, float width, int lines, const std::string& text,
                                     const std::vector<index::Match>& marks, bool lead = false) {
  ui::SearchView::SnippetLayout out;
  w.h.frame([&] {
    out = ui::SearchView::layout_snippet(ImGui::GetFont(), ImGui::GetFontSize(), width, lines, text, marks, lead);
  });
  return out;
}

float text_w(test::AppWindow& w, const std::string& s) {
  float out = 0;
  w.h.frame([&] { out = ImGui::CalcTextSize(s.c_str()).x; });
  return out;
}

}  // namespace

TEST_CASE("snippets: the ellipsis has room of its own after the last word; nothing runs past the width") {
  test::AppWindow w("gui-search-snippet");
  const std::string text =
      "Kerja sama kota kembar Jakarta dan Seoul menghasilkan misi dagang yang membuka pasar baru bagi usaha kecil "
      "dan menengah di kedua kota, tetapi tindak lanjutnya belum terukur dengan jelas oleh para pihak.";
  const float ell = text_w(w, "\xE2\x80\xA6");
  for (float width : {180.0f, 233.0f, 301.0f, 420.0f}) {
    CAPTURE(width);
    const auto l = layout(w, width, 2, text, {{54, 65}});
    REQUIRE(l.ellipsis_x >= 0);  // the text is longer than two lines
    CHECK(l.ellipsis_line == 1);
    float last_end = 0;
    for (const auto& r : l.runs) {
      CHECK(r.x + r.width <= width + 0.5f);
      CHECK(r.line <= 1);
      if (r.line == l.ellipsis_line) last_end = std::max(last_end, r.x + r.width);
    }
    CHECK(l.ellipsis_x >= last_end - 0.01f);  // after the text, not over it
    CHECK(l.ellipsis_x + ell <= width + 0.5f);
  }
  // A text that fits has no ellipsis.
  CHECK(layout(w, 2000, 2, "misi dagang", {}).ellipsis_x < 0);
  // A word longer than the line is cut inside, still with its ellipsis in the width.
  const auto lone = layout(w, 60, 1, "Pemberdayaanmasyarakatberkelanjutan dan", {});
  REQUIRE(lone.ellipsis_x >= 0);
  REQUIRE_FALSE(lone.runs.empty());
  CHECK(lone.runs.back().x + lone.runs.back().width <= lone.ellipsis_x + 0.01f);
  CHECK(lone.ellipsis_x + ell <= 60.5f);
}

TEST_CASE("snippets: a marked stretch of several words is one highlight per line, not a box per word") {
  test::AppWindow w("gui-search-snippet-marks");
  const std::string text = "sebelum misi dagang ke Seoul sesudah";
  // "misi dagang ke Seoul" marked as one span (code points 8..28), as an already coded sentence is.
  const auto l = layout(w, 2000, 2, text, {{8, 28}});
  REQUIRE(l.marks.size() == 1);
  const float start = text_w(w, "sebelum "), span = text_w(w, "misi dagang ke Seoul");
  CHECK(l.marks[0].x0 == doctest::Approx(start).epsilon(0.02));
  CHECK(l.marks[0].x1 - l.marks[0].x0 == doctest::Approx(span).epsilon(0.02));
  // Two separate matches stay two boxes; the space between them is not marked.
  const auto two = layout(w, 2000, 2, text, {{8, 12}, {13, 19}});
  CHECK(two.marks.size() == 2);
  // Wrapped over two lines: one box on each.
  const float narrow = text_w(w, "sebelum misi dagang") + 2;
  const auto wrapped = layout(w, narrow, 3, text, {{8, 28}});
  REQUIRE(wrapped.marks.size() == 2);
  CHECK(wrapped.marks[0].line == 0);
  CHECK(wrapped.marks[1].line == 1);
}

TEST_CASE("code from search: the code combo shows the chosen code's whole path when there is room") {
  Session s;
  s.type_query("perdagangan", true);
  s.settle();
  REQUIRE(s.view().total() > 0);
  // The longest path of the codebook.
  store::Id code = 0;
  std::string path;
  for (const auto& c : s.app->cache().codes)
    if (c.path.size() > path.size()) path = c.path, code = c.code.id;
  s.click("button:code_hits");
  s.settle();
  REQUIRE(s.view().review_open());
  s.click("code_combo");
  s.frames(2);
  s.click("code:" + std::to_string(code));
  s.settle();
  s.frames(2);
  const auto combo = s.view().rect("code_combo");
  REQUIRE(combo.has_value());
  float text = 0, arrow = 0;
  s.h.frame([&] {
    s.app->frame();
    text = ImGui::CalcTextSize(path.c_str()).x;
    arrow = ImGui::GetFrameHeight();
  });
  CHECK(combo->GetWidth() >= text + arrow);  // a 1400 px window has room for it
  CHECK_FALSE(s.view().review_code_cut());
}

TEST_CASE("the Exact words toggle searches the typed words exactly; the query box keeps what was typed") {
  Session s;
  s.type_query("perdagangan type:news", true);
  s.settle();
  REQUIRE(s.view().has_results());
  const int64_t stemmed = s.view().total();
  CHECK(stemmed == s.expect("perdagangan type:news").total);
  const index::Results exact = s.expect("=perdagangan type:news");
  REQUIRE(exact.total > 0);
  REQUIRE(exact.total < stemmed);  // the sample also has pedagang, dagang, ... in news

  REQUIRE_FALSE(s.view().exact_words());
  s.click("exact_words");
  s.settle();
  CHECK(s.view().exact_words());
  CHECK(s.view().query() == "perdagangan type:news");  // the box is not rewritten
  CHECK(s.view().searched() == "=perdagangan type:news");
  CHECK(s.view().total() == exact.total);
  for (int64_t i = 0; i < s.view().total(); ++i) {
    const index::Hit* hit = s.view().hit(i);
    REQUIRE(hit != nullptr);
    CHECK(hit->source_type == "news");
  }
  // A facet clicked meanwhile edits the typed query, not its exact form.
  s.click("facet:type:news");
  s.settle();
  CHECK(s.view().query() == "perdagangan");
  CHECK(s.view().searched() == "=perdagangan");
  CHECK(s.view().total() == s.expect("=perdagangan").total);

  // Off again: the stemmed search.
  s.click("exact_words");
  s.settle();
  CHECK_FALSE(s.view().exact_words());
  CHECK(s.view().searched() == "perdagangan");
  CHECK(s.view().total() == s.expect("perdagangan").total);
}
