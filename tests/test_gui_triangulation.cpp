// The triangulation view on the sample project, headless (no GL): the
// statuses and counts of corpus/README.md's intended pattern read from the
// view's model, the heatmap handed to a registered GPU renderer as an
// ImDrawList callback (and drawn with ImGui without one), a click on a cell
// listing its evidence, a quote opening the coding view, the compare view's
// columns, overrides and ratings saved as one undoable action each.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "analysis/evaluation.h"
#include "analysis/overrides.h"
#include "gui/fixture.h"
#include "gui/headless.h"
#include "store/judgement.h"
#include "store/rating_citations.h"
#include "ui/shell/app.h"
#include "ui/triangulation/triangulation_heatmap.h"
#include "ui/triangulation/view_triangulation.h"

using namespace telaah;
using analysis::Convergence;
using analysis::Status;

namespace {

struct Session : test::SampleWindow {
  explicit Session(float width = 1600, float height = 1000) : SampleWindow("gui-triangulation", width, height) {
    REQUIRE(open());
    app->set_view(ui::View::triangulation);
    frames(3);
  }
  ui::TriangulationView& view() { return ui::TriangulationView::of(*app); }
  using SampleWindow::click;
  void click(const std::string& key) {
    pause();
    click(view().item_rect(key), key);
    frames(2);
  }
  int row(const std::string& path) {
    const auto& rows = view().model().matrix().rows;
    for (size_t i = 0; i < rows.size(); ++i)
      if (rows[i].path == path) return static_cast<int>(i);
    FAIL("no row " << path);
    return -1;
  }
  int column(const std::string& label) {
    const auto& l = view().model().matrix().columns.labels;
    auto it = std::find(l.begin(), l.end(), label);
    REQUIRE(it != l.end());
    return static_cast<int>(it - l.begin());
  }
  const analysis::Row& row_data(const std::string& path) {
    return view().model().matrix().rows[static_cast<size_t>(row(path))];
  }
  Convergence pair(const std::string& path, const std::string& a, const std::string& b) {
    const int ca = column(a), cb = column(b);
    for (const auto& p : row_data(path).pairs)
      if ((p.a == ca && p.b == cb) || (p.a == cb && p.b == ca)) return p.effective;
    FAIL("no pair");
    return Convergence::none;
  }
};

const char* kLegal = "Input/Legal infrastructure";
const char* kTrade = "Output/Trade goals reached";

}  // namespace

TEST_CASE("the view shows every indicator's status and cells as in corpus/README.md's intended pattern") {
  Session s;
  const auto& m = s.view().model().matrix();
  REQUIRE(m.columns.dimension == "type");
  REQUIRE(m.rows.size() == 6);
  const std::map<std::string, Status> intended = {{"Input/Legal infrastructure", Status::triangulated},
                                                  {"Input/Human and natural resources", Status::triangulated},
                                                  {"Process/Programme continuity", Status::triangulated},
                                                  {"Process/Community involvement", Status::triangulated},
                                                  {"Output/Trade goals reached", Status::divergent},
                                                  {"Output/Continuity of cooperation", Status::triangulated}};
  for (const auto& [path, st] : intended) {
    CAPTURE(path);
    CHECK(s.row_data(path).effective == st);
    CHECK_FALSE(s.row_data(path).overridden());
  }
  // Cells: passages / documents (supports-contradicts-neutral) under the
  // default coder rule (every coder, the same passage once), as in the README.
  const auto& legal = s.row_data(kLegal).cells[static_cast<size_t>(s.column("official"))];
  CHECK(legal.codings == 10);
  CHECK(legal.documents == 4);
  CHECK(legal.contradicts == 8);
  CHECK(legal.neutral == 2);
  const auto& ci = s.row_data("Process/Community involvement").cells[static_cast<size_t>(s.column("interview"))];
  CHECK(ci.codings == 15);
  CHECK(ci.documents == 7);
  CHECK(s.pair(kTrade, "official", "interview") == Convergence::dissonance);
  CHECK(s.pair(kTrade, "official", "news") == Convergence::dissonance);
  CHECK(s.pair(kTrade, "interview", "news") == Convergence::agreement);
  CHECK(s.pair("Process/Community involvement", "interview", "news") == Convergence::agreement);       // 15 vs 5
  CHECK(s.pair("Output/Continuity of cooperation", "interview", "official") == Convergence::partial);  // 3 vs 10
  CHECK(s.pair("Process/Programme continuity", "interview", "news") == Convergence::silence);
  // Every cell was laid out, and without a GPU renderer the heatmap is drawn by ImGui.
  for (size_t r = 0; r < 6; ++r)
    for (size_t c = 0; c < 3; ++c)
      CHECK(s.view().item_rect("cell:" + std::to_string(r) + ":" + std::to_string(c)).has_value());
  CHECK_FALSE(s.view().heatmap_on_gpu());
  CHECK_FALSE(s.app->status_is_error());
}

namespace {
int g_calls = 0;
void fake_renderer(const ImDrawList*, const ImDrawCmd* cmd) {
  ++g_calls;
  const auto* b = static_cast<const ui::HeatmapBatch*>(cmd->UserCallbackData);
  CHECK(b != nullptr);
}
}  // namespace

TEST_CASE("with a GPU renderer registered, the cells go to it as a draw-list callback followed by a state reset") {
  Session s;
  ui::heatmap_renderer().draw = &fake_renderer;
  s.frame();
  ui::heatmap_renderer().draw = nullptr;
  CHECK(s.view().heatmap_on_gpu());
  // Find the callback in the frame's draw data; the next command resets the render state.
  const ImDrawData* dd = ImGui::GetDrawData();
  REQUIRE(dd != nullptr);
  const ui::HeatmapBatch* batch = nullptr;
  bool reset_follows = false;
  for (int l = 0; l < dd->CmdListsCount; ++l) {
    const auto& cmds = dd->CmdLists[l]->CmdBuffer;
    for (int i = 0; i < cmds.Size; ++i) {
      if (cmds[i].UserCallback != &fake_renderer) continue;
      const auto* b = static_cast<const ui::HeatmapBatch*>(cmds[i].UserCallbackData);
      if (!batch || b->cells.size() > batch->cells.size()) batch = b;
      reset_follows = i + 1 < cmds.Size && cmds[i + 1].UserCallback == ImDrawCallback_ResetRenderState;
    }
  }
  REQUIRE(batch != nullptr);
  CHECK(reset_follows);
  CHECK(batch->cells.size() == 18);  // 6 indicators x 3 source types
  const int empty = static_cast<int>(std::count_if(
      batch->cells.begin(), batch->cells.end(), [](const ui::HeatCell& c) { return (c.flags & ui::kHeatEmpty) != 0; }));
  CHECK(empty == 3);  // the dashes of README's table
  // A renderer that failed says why, once, on the status line.
  ui::heatmap_renderer().failure = "heatmap.frag does not compile: 0:12: 'x' : undeclared identifier";
  ui::heatmap_renderer().failure_shown = false;
  s.frame();
  CHECK(s.app->status_is_error());
  CHECK(s.app->status().find("undeclared identifier") != std::string::npos);
  CHECK(ui::heatmap_renderer().failure_shown);
  ui::heatmap_renderer().failure.clear();
}

TEST_CASE("a click on a cell lists its evidence; a click on a quote opens it in the coding view at the coding") {
  Session s;
  // One coder's evidence (each of her codings its own passage in the sample).
  s.view().filter().coders = ui::TriFilter::Coders::chosen;
  s.view().filter().chosen = {"ayu"};
  s.frames(2);
  const int r = s.row(kLegal), c = s.column("interview");
  s.click("cell:" + std::to_string(r) + ":" + std::to_string(c));
  CHECK(s.view().tab() == ui::TriangulationView::Tab::evidence);
  CHECK(s.view().selected_column() == c);
  const auto& ev = s.view().evidence();
  REQUIRE(ev.size() == 8);
  std::set<store::Id> docs;
  for (const auto& e : ev) {
    CHECK(e.column == c);
    CHECK(e.coder == "ayu");
    CHECK(e.stance == store::Stance::contradicts);
    CHECK_FALSE(e.quote.empty());
    CHECK((e.citation.find(", para. ") != std::string::npos || e.citation.find(", p. ") != std::string::npos));
    docs.insert(e.doc_id);
  }
  CHECK(docs.size() == 4);
  // The divergent indicator's official cell: twelve supporting codings.
  s.click("cell:" + std::to_string(s.row(kTrade)) + ":" + std::to_string(s.column("official")));
  CHECK(s.view().evidence().size() == 12);
  const ui::EvidenceItem first = s.view().evidence().front();
  s.click("evidence:0");
  CHECK(s.app->view() == ui::View::coding);
  REQUIRE(s.app->open_doc() != nullptr);
  CHECK(s.app->open_doc()->meta.id == first.doc_id);
  REQUIRE(s.app->doc_view().selected_coding().has_value());
  CHECK(*s.app->doc_view().selected_coding() == first.coding_id);
}

TEST_CASE("the compare view puts each source type's quotes in its own column") {
  Session s;
  s.view().filter().coders = ui::TriFilter::Coders::chosen;  // one coder: a quote per passage
  s.view().filter().chosen = {"ayu"};
  s.frames(2);
  s.click("row:" + std::to_string(s.row(kTrade)));
  CHECK(s.view().tab() == ui::TriangulationView::Tab::compare);
  const auto& cols = s.view().compare_columns();
  REQUIRE(cols.size() == 3);
  const auto& row = s.row_data(kTrade);
  for (size_t c = 0; c < 3; ++c) {
    CAPTURE(c);
    CHECK(static_cast<int64_t>(cols[c].size()) == row.cells[c].codings);
    int sup = 0, con = 0;
    for (const auto& e : cols[c]) {
      CHECK(e.column == static_cast<int>(c));
      sup += e.stance == store::Stance::supports;
      con += e.stance == store::Stance::contradicts;
    }
    CHECK(sup == row.cells[c].supports);
    CHECK(con == row.cells[c].contradicts);
    CHECK(s.view().item_rect("column:" + std::to_string(c)).has_value());
    CHECK(s.view().item_rect("quote:" + std::to_string(c) + ":0").has_value());
  }
  // Interviews mostly contradict, the official documents all support: the dissonance is readable.
  CHECK(cols[static_cast<size_t>(s.column("official"))].size() == 12);
  CHECK(cols[static_cast<size_t>(s.column("interview"))].size() == 10);
}

TEST_CASE("an override with a memo is one undoable action; without a memo nothing is saved; undo restores") {
  Session s;
  store::Project& p = s.project();
  s.click("row:" + std::to_string(s.row(kTrade)));
  // Without a memo: refused, nothing written.
  const int64_t rev0 = p.revision();
  s.click("override:pair:interview:official");
  s.click("override:save");
  CHECK(p.revision() == rev0);
  CHECK(analysis::load_overrides(p).empty());
  s.click("override:cancel");

  // Interview-official judged partial agreement, with a memo.
  s.click("override:pair:interview:official");
  s.click("override:label");
  s.click("override:label:1");  // partial agreement
  s.click("override:memo");
  s.type("Exporters dispute who benefited, not the figures.");
  s.click("override:save");
  CHECK(p.revision() == rev0 + 1);
  const auto ov = analysis::load_overrides(p);
  REQUIRE(ov.size() == 1);
  CHECK(ov[0].label == "partial agreement");
  CHECK(ov[0].memo == "Exporters dispute who benefited, not the figures.");
  CHECK(ov[0].dimension == "type");
  s.frames(2);
  CHECK(s.pair(kTrade, "interview", "official") == Convergence::partial);
  CHECK(s.row_data(kTrade).effective == Status::divergent);  // news-official is still dissonant
  const auto& pr = s.row_data(kTrade).pairs;
  const auto it = std::find_if(pr.begin(), pr.end(), [](const analysis::Pair& x) { return x.override.has_value(); });
  REQUIRE(it != pr.end());
  CHECK(it->automatic == Convergence::dissonance);  // the original is kept beside the override
  CHECK_FALSE(s.app->status_is_error());

  // The status too, then undo both, one step each.
  s.click("override:status");
  s.click("override:label");
  s.click("override:label:0");  // triangulated
  s.click("override:memo");
  s.type("Judged as triangulated.");
  s.click("override:save");
  CHECK(p.revision() == rev0 + 2);
  s.frames(2);
  CHECK(s.row_data(kTrade).effective == Status::triangulated);
  CHECK(s.row_data(kTrade).automatic == Status::divergent);
  s.h.key('Z', true);
  s.frames(2);
  CHECK(analysis::load_overrides(p).size() == 1);
  CHECK(s.row_data(kTrade).effective == Status::divergent);
  s.h.key('Z', true);
  s.frames(2);
  CHECK(analysis::load_overrides(p).empty());
  CHECK(s.pair(kTrade, "interview", "official") == Convergence::dissonance);
}

TEST_CASE("a rating with a justification and ticked quotes is recorded as one action and undone") {
  Session s;
  store::Project& p = s.project();
  s.click("row:" + std::to_string(s.row(kLegal)));
  const auto official = static_cast<size_t>(s.column("official"));
  const store::Id cited = s.view().compare_columns()[official].front().coding_id;
  s.click("quote:" + std::to_string(official) + ":0:cite");
  const int64_t rev0 = p.revision();
  s.click("rating:set");
  s.click("rating:combo");
  s.click("rating:combo:2");  // not achieved
  s.click("rating:justification");
  s.type("The 1984 communique lacks what the 2008 regulation requires.");
  s.click("rating:save");
  CHECK(p.revision() == rev0 + 1);
  const auto evs = analysis::load_evaluations(p);
  REQUIRE(evs.size() == 1);
  CHECK(evs[0].rating == analysis::Rating::not_achieved);
  CHECK(evs[0].evidence == std::vector<store::Id>{cited});
  s.frames(2);
  const auto& ind = s.view().model().evaluation().indicators[static_cast<size_t>(s.row(kLegal))];
  REQUIRE(ind.recorded.has_value());
  s.h.key('Z', true);
  s.frames(2);
  CHECK(analysis::load_evaluations(p).empty());
  CHECK_FALSE(s.view().model().evaluation().indicators[static_cast<size_t>(s.row(kLegal))].recorded.has_value());
}

TEST_CASE("the rating editor cites a summary cell of the indicator; a cell that goes shows as broken") {
  Session s;
  store::Project& p = s.project();
  const store::Id legal = s.row_data(kLegal).code_id;
  store::set_summary(p, legal, "type", "interview", "Informants deny the content.");
  store::Id cell = 0;
  for (const auto& sm : store::summaries(p, legal))
    if (sm.column == "interview") cell = sm.id;
  REQUIRE(cell != 0);
  s.frames(2);
  s.click("row:" + std::to_string(s.row(kLegal)));
  s.click("rating:set");
  s.click("rating:justification");
  s.type("Thin.");
  s.click("rating:cite_summary");
  s.click("rating:cite_summary:" + std::to_string(cell));
  const int64_t rev0 = p.revision();
  s.click("rating:save");
  CHECK(p.revision() == rev0 + 1);
  const auto evs = analysis::load_evaluations(p);
  REQUIRE(evs.size() == 1);
  CHECK(evs[0].justification == "Thin. " + store::summary_marker(cell));
  REQUIRE(store::rating_citations(p, legal).size() == 1);
  CHECK(store::rating_citations(p, legal)[0].valid);
  store::set_summary(p, legal, "type", "interview", "");  // the cell goes: the citation is broken
  CHECK_FALSE(store::rating_citations(p, legal)[0].valid);
  p.undo();
  CHECK(store::rating_citations(p, legal)[0].valid);
}

TEST_CASE("filters: every coder, an attribute as columns, and a bad date that keeps the last valid filter") {
  Session s;
  const int64_t by_default = s.view().model().matrix().codings;  // the sample sets no coder rule: every coder
  s.view().filter().coders = ui::TriFilter::Coders::chosen;
  s.view().filter().chosen = {"ayu"};
  s.frames(2);
  const int64_t ayu = s.view().model().matrix().codings;
  s.view().filter().coders = ui::TriFilter::Coders::all;
  s.frames(2);
  CHECK(s.view().model().coders().empty());
  CHECK(s.view().model().matrix().codings > ayu);  // bima's codings count too
  CHECK(s.view().model().matrix().codings == by_default);
  s.view().filter().coders = ui::TriFilter::Coders::project_default;
  s.view().filter().by = "year";
  s.frames(2);
  CHECK(s.view().model().matrix().columns.dimension == "year");
  CHECK(s.view().model().matrix().columns.labels.size() >= 2);
  for (const auto& l : s.view().model().matrix().columns.labels) CHECK(l.size() == 4);
  // A dimension that does not exist is an error on the status line; the last good matrix stays.
  s.view().filter().by = "no such attribute";
  s.frames(2);
  CHECK(s.app->status_is_error());
  CHECK(s.view().model().matrix().columns.dimension == "year");
  CHECK(s.view().filter().by == "year");
}

TEST_CASE("in a window 600 px high the matrix scrolls to its last indicator, clear of the legend") {
  Session s(1000, 600);
  const auto& rows = s.view().model().matrix().rows;
  REQUIRE(rows.size() > 3);
  const auto matrix = s.view().item_rect("matrix");
  REQUIRE(matrix.has_value());
  // The scroll height covers every row as laid out (a row advances by its height and the item
  // spacing), without first having to scroll down to draw them.
  ImGuiWindow* child = nullptr;
  for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows)
    if (std::string(w->Name).find("##tri_matrix") != std::string::npos) child = w;
  REQUIRE(child != nullptr);
  const float fs = ImGui::GetFontSize(), sp = ImGui::GetStyle().ItemSpacing.y;
  const float laid_out = fs * 1.5f + sp + static_cast<float>(rows.size()) * (std::round(fs * 2.8f) + sp) - sp;
  CHECK(child->ContentSize.y >= laid_out - 1);
  const std::string last = "row:" + std::to_string(rows.size() - 1);
  // Not all rows fit: the last one is not drawn (or not wholly inside) before scrolling.
  const auto before = s.view().item_rect(last);
  REQUIRE((!before || before->Max.y > matrix->Max.y));
  s.h.move(ImVec2(matrix->GetCenter()));
  for (int i = 0; i < 40; ++i) {
    s.h.wheel(-3);
    s.frame();
  }
  s.frames(2);
  const auto after = s.view().item_rect(last);
  REQUIRE(after.has_value());
  CHECK(after->Min.y >= matrix->Min.y);
  CHECK(after->Max.y <= matrix->Max.y + 1);
}
