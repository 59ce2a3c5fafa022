// A rating's justification citing summary cells (issue 21; schema 7's
// rating_citations, store/rating_citations.h): the marker [S#ID], one undoable
// action with the rating, a summary that goes (cleared, its case removed, its
// code deleted, its source type merged) leaves a broken citation that undo
// mends and redo breaks again, Project::check(), the CLI (`evaluate
// --summary`) and the report (Markdown in both languages, HTML and the DOCX
// read back by pandoc).
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

#include "analysis/evaluation.h"
#include "exchange/report.h"
#include "helpers/report_fixture.h"
#include "helpers/run.h"
#include "store/errors.h"
#include "store/judgement.h"
#include "store/rating_citations.h"
#include "store/source_types.h"

using namespace telaah;
using analysis::Rating;
using exchange::Lang;
using store::Id;
using store::Stance;
namespace fs = std::filesystem;

namespace {

struct Cited : test::ReportFixture {
  Id c1 = 0, c2 = 0;
  Id s_interview = 0, s_news = 0, s_case = 0, s_goals = 0;

  Cited() {
    c1 = code(interview, legal, "Komunike kita tidak memuat objek kerja sama.", Stance::contradicts);
    c2 = code(news, legal, "Naskah 1984 tidak merinci kewajiban para pihak", Stance::contradicts);
    store::set_summary(*p, legal, "type", "interview", "Informants deny the content [#" + std::to_string(c1) + "].");
    store::set_summary(*p, legal, "type", "news", "The press agrees.");
    store::add_case(*p, "Seoul");
    store::set_summary(*p, legal, "case", "Seoul", "Seoul's side is silent.");
    store::set_summary(*p, goals, "type", "official", "Goals reached on paper.");
    for (const auto& s : store::summaries(*p)) {
      if (s.code == goals)
        s_goals = s.id;
      else if (s.case_id)
        s_case = s.id;
      else if (s.column == "interview")
        s_interview = s.id;
      else
        s_news = s.id;
    }
  }
  std::string m(Id s) const { return store::summary_marker(s); }
  void rate(const std::string& justification) {
    analysis::set_evaluation(*p, legal, Rating::not_achieved, justification, {c1});
  }
  std::vector<std::pair<Id, bool>> cites(Id code = 0) const {
    std::vector<std::pair<Id, bool>> out;
    for (const auto& c : store::rating_citations(*p, code ? code : legal)) out.push_back({c.summary, c.valid});
    return out;
  }
  int rows() const { return p->db().execAndGet("SELECT count(*) FROM rating_citations").getInt(); }
};

using Cites = std::vector<std::pair<Id, bool>>;

}  // namespace

TEST_CASE("summary markers: [S#ID] only") {
  struct Row {
    std::string text;
    std::vector<Id> ids;
  };
  for (const auto& r : std::vector<Row>{{"", {}},
                                        {"see [S#12]", {12}},
                                        {"[S#3][S#4] and [S#3] again", {3, 4}},
                                        {"[#5] [S#] [S#x] [S# 6] [S#7", {}},
                                        {"[[S#8]]", {8}}}) {
    CAPTURE(r.text);
    CHECK(store::summary_markers(r.text) == r.ids);
  }
  CHECK(store::summary_marker(42) == "[S#42]");
}

TEST_CASE("rating citations: one action with the rating; a missing cell refuses and changes nothing") {
  Cited f;
  const int64_t rev = f.p->revision();
  f.rate("The law is thin " + f.m(f.s_interview) + " and the press agrees " + f.m(f.s_news) + ".");
  CHECK(f.p->revision() == rev + 1);  // one change-log row
  CHECK(f.cites() == Cites{{f.s_interview, true}, {f.s_news, true}});
  CHECK(f.rows() == 2);
  CHECK(f.p->check().empty());
  f.p->undo();  // the rating and its citations go together
  CHECK(f.rows() == 0);
  CHECK(f.cites().empty());
  f.p->redo();
  CHECK(f.rows() == 2);

  // A marker naming no summary cell: refused, nothing written.
  const int64_t before = f.p->revision();
  CHECK_THROWS_WITH_AS(f.rate("Thin [S#9999]."), doctest::Contains("[S#9999]"), ValidationError);
  CHECK(f.p->revision() == before);
  CHECK(f.rows() == 2);
  // Dropping a marker drops its row; citing another cell (of any indicator) adds one.
  f.rate("Only the interview " + f.m(f.s_interview) + ", and the goals " + f.m(f.s_goals) + ".");
  CHECK(f.cites() == Cites{{f.s_interview, true}, {f.s_goals, true}});
  CHECK(f.rows() == 2);
  CHECK(f.p->check().empty());
  // Removing the rating removes its rows in the same action.
  analysis::clear_evaluation(*f.p, f.legal);
  CHECK(f.rows() == 0);
  f.p->undo();
  CHECK(f.cites() == Cites{{f.s_interview, true}, {f.s_goals, true}});
}

TEST_CASE("rating citations survive the cited cell's removal as broken ones; undo mends, redo breaks") {
  Cited f;
  f.rate("See " + f.m(f.s_interview) + ", " + f.m(f.s_news) + " and " + f.m(f.s_case) + ".");
  // Clearing a summary cell.
  store::set_summary(*f.p, f.legal, "type", "news", "");
  CHECK(f.cites() == Cites{{f.s_interview, true}, {f.s_news, false}, {f.s_case, true}});
  CHECK(f.p->check().empty());
  f.p->undo();
  CHECK(f.cites() == Cites{{f.s_interview, true}, {f.s_news, true}, {f.s_case, true}});
  f.p->redo();
  CHECK(f.cites() == Cites{{f.s_interview, true}, {f.s_news, false}, {f.s_case, true}});
  // Removing the case takes its cell.
  store::remove_case(*f.p, "Seoul");
  CHECK(f.cites() == Cites{{f.s_interview, true}, {f.s_news, false}, {f.s_case, false}});
  CHECK(f.p->check().empty());
  f.p->undo();
  CHECK(f.cites() == Cites{{f.s_interview, true}, {f.s_news, false}, {f.s_case, true}});
  // Saving the rating again keeps a broken citation broken (no error), and a live one live.
  f.rate("Again " + f.m(f.s_interview) + ", " + f.m(f.s_news) + " and " + f.m(f.s_case) + ".");
  CHECK(f.cites() == Cites{{f.s_interview, true}, {f.s_news, false}, {f.s_case, true}});
  CHECK(f.p->check().empty());
  // Another indicator's rating cites a cell of legal; deleting legal breaks it and drops legal's own rows.
  analysis::set_evaluation(*f.p, f.goals, Rating::achieved, "As legal says " + f.m(f.s_interview) + ".", {});
  f.p->delete_code(f.legal);
  CHECK(f.cites(f.goals) == Cites{{f.s_interview, false}});
  CHECK(f.rows() == 0);
  CHECK(f.p->check().empty());
  f.p->undo();
  CHECK(f.cites(f.goals) == Cites{{f.s_interview, true}});
  CHECK(f.cites() == Cites{{f.s_interview, true}, {f.s_news, false}, {f.s_case, true}});
  CHECK(f.p->check().empty());
}

TEST_CASE("rating citations follow merges: a merged source type's cell, a merged code's rating") {
  Cited f;
  // news merges into interview: legal's news cell joins its interview cell; the marker is rewritten.
  f.rate("News " + f.m(f.s_news) + " only.");
  store::merge_source_types(*f.p, "news", "interview");
  const std::string just = analysis::load_evaluations(*f.p)[0].justification;
  CHECK(just == "News " + f.m(f.s_interview) + " only.");
  CHECK(f.cites() == Cites{{f.s_interview, true}});
  CHECK(f.p->check().empty());
  f.p->undo();
  CHECK(analysis::load_evaluations(*f.p)[0].justification == "News " + f.m(f.s_news) + " only.");
  CHECK(f.cites() == Cites{{f.s_news, true}});
  CHECK(f.p->check().empty());
  // legal (rated, citing) merges into resources (not rated): the rating and its citations move.
  f.p->merge_codes(f.legal, f.resources);
  CHECK(f.cites(f.resources) == Cites{{f.s_news, true}});
  CHECK(f.p->check().empty());
  f.p->undo();
  CHECK(f.cites() == Cites{{f.s_news, true}});
  // legal merges into goals (rated): goals keeps its own rating; legal's citations go.
  analysis::set_evaluation(*f.p, f.goals, Rating::achieved, "Own " + f.m(f.s_goals) + ".", {});
  f.p->merge_codes(f.legal, f.goals);
  CHECK(f.cites(f.goals) == Cites{{f.s_goals, true}});
  CHECK(f.rows() == 1);
  CHECK(f.p->check().empty());
}

TEST_CASE("check(): a citation row without a rating or without its marker is reported") {
  Cited f;
  f.rate("See " + f.m(f.s_interview) + ".");
  CHECK(f.p->check().empty());
  f.p->db().exec("UPDATE evaluations SET justification='No marker here.'");
  auto problems = f.p->check();
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].find(f.m(f.s_interview)) != std::string::npos);
  f.p->db().exec("DELETE FROM evaluations");
  problems = f.p->check();
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].find("has no rating") != std::string::npos);
}

TEST_CASE("CLI: evaluate --summary cites summary cells; a missing one exits 1 and changes nothing") {
  Cited f;
  const Id s_interview = f.s_interview, s_news = f.s_news;
  const std::string file = (f.dir / "study.telaah").string();
  f.p.reset();
  const std::string bin = TELAAH_BINARY;
  auto r = test::run({bin, "evaluate", file, "--indicator", "Legal infrastructure", "--rating", "not achieved",
                      "--justification", "Thin.", "--summary", "9999"});
  CHECK(r.status == 1);
  CHECK(r.err.find("[S#9999]") != std::string::npos);
  r = test::run({bin, "evaluate", file, "--indicator", "Legal infrastructure", "--rating", "not achieved",
                 "--justification", "Thin " + store::summary_marker(s_interview) + ".", "--summary",
                 std::to_string(s_interview) + "," + std::to_string(s_news)});
  CHECK(r.status == 0);
  r = test::run({bin, "evaluate", file, "--json"});
  REQUIRE(r.status == 0);
  const auto j = nlohmann::json::parse(r.out);
  nlohmann::json rec;
  for (const auto& ind : j["indicators"])
    if (ind["path"] == "Input/Legal infrastructure") rec = ind["recorded"];
  REQUIRE(rec.is_object());
  CHECK(rec["justification"] == "Thin " + store::summary_marker(s_interview) + ". " + store::summary_marker(s_news));
  CHECK(rec["summaries"] ==
        nlohmann::json::array({{{"summary", s_interview}, {"valid", true}}, {{"summary", s_news}, {"valid", true}}}));
  CHECK(test::run({bin, "summaries", file, "set", "--indicator", "Legal infrastructure", "--type", "news", "--clear"})
            .status == 0);
  r = test::run({bin, "evaluate", file});
  CHECK(r.status == 0);
  CHECK(r.out.find("summaries: " + store::summary_marker(s_interview) + " " + store::summary_marker(s_news) +
                   " (broken: the summary cell is gone)") != std::string::npos);
  CHECK(test::run({bin, "check", file}).status == 0);
}

namespace {

std::string html_text(std::string h) {
  const auto a = h.find("<style>"), b = h.find("</style>");
  if (a != std::string::npos && b != std::string::npos) h.erase(a, b + 8 - a);
  h = std::regex_replace(h, std::regex("<[^>]*>"), " ");
  for (auto [from, to] : std::vector<std::pair<std::string, std::string>>{
           {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}})
    for (size_t at = h.find(from); at != std::string::npos; at = h.find(from, at + to.size()))
      h.replace(at, from.size(), to);
  return std::regex_replace(h, std::regex("\\s+"), " ");
}

void has_in_order(const std::string& text, const std::vector<std::string>& want) {
  size_t at = 0;
  for (const auto& w : want) {
    CAPTURE(w);
    const auto found = text.find(w, at);
    CHECK(found != std::string::npos);
    if (found != std::string::npos) at = found + w.size();
  }
}

}  // namespace

TEST_CASE("report: the summary cells a rating cites, under its justification, in both languages and formats") {
  Cited f;
  f.rate("Thin " + f.m(f.s_interview) + " " + f.m(f.s_news) + ".");
  store::set_summary(*f.p, f.legal, "type", "news", "");  // the news cell goes: a broken citation
  auto build = [&](Lang l) {
    auto t = f.table();
    exchange::ReportOptions o;
    o.generated = "2026-03-09";
    o.lang = l;
    o.agreement = false;
    return exchange::build_report(*f.p, t, o);
  };
  const auto en = build(Lang::en);
  REQUIRE(en.judgement.indicators.size() == 3);
  const auto& legal = en.judgement.indicators[0];
  REQUIRE(legal.rating_summaries.size() == 1);
  CHECK(legal.rating_summaries[0].first == f.s_interview);
  CHECK(legal.rating_summaries[0].second.column == "interview");
  CHECK(legal.rating_summaries[0].second.cited.size() == 1);
  CHECK(legal.rating_broken == std::vector<Id>{f.s_news});
  CHECK(en.judgement.indicators[1].rating_summaries.empty());

  const std::string si = f.m(f.s_interview), sn = std::to_string(f.s_news);
  const std::string md = exchange::render_markdown(en);
  has_in_order(md, {"### Input / Legal infrastructure", "**Justification:** Thin " + si,
                    "#### Summary cells the justification cites",
                    "**" + si + " interview:** Informants deny the content [#" + std::to_string(f.c1) + "].",
                    "> “Komunike kita tidak memuat objek kerja sama.”",
                    "[S#" + sn + "] broken citation: the cited summary cell is no longer in the project.",
                    "#### Summaries", "### Input / Resources"});
  const std::string id = exchange::render_markdown(build(Lang::id));
  has_in_order(id, {"#### Sel ringkasan yang dirujuk alasan", "**" + si + " interview:**",
                    "[S#" + sn + "] rujukan rusak: sel ringkasan yang dirujuk sudah tidak ada dalam proyek."});
  CHECK(id.find("Summary cells the justification cites") == std::string::npos);
  CHECK(id.find("broken citation: the cited summary cell") == std::string::npos);

  const std::vector<std::string> want = {"Summary cells the justification cites",
                                         si + " interview: Informants deny the content",
                                         "[S#" + sn + "] broken citation: the cited summary cell is no longer"};
  has_in_order(html_text(exchange::render_html(en)), want);
  REQUIRE_MESSAGE(std::system("pandoc --version >/dev/null 2>&1") == 0, "pandoc is needed");
  const fs::path docx = f.dir / "r.docx", out = f.dir / "r.html";
  std::ofstream(docx, std::ios::binary) << exchange::render_docx(en);
  const std::string cmd = "pandoc -f docx -t html --wrap=none '" + docx.string() + "' -o '" + out.string() + "'";
  REQUIRE(std::system(cmd.c_str()) == 0);
  std::ifstream in(out, std::ios::binary);
  has_in_order(html_text(std::string((std::istreambuf_iterator<char>(in)), {})), want);
}
