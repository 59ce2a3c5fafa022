// The report's judgement sections (issue 21): per indicator its summary cells
// with the cited passages quoted (and a broken citation named), the
// impediment findings naming it with their evidence, the typed links with an
// end among its codings; section 7's list of findings, section 8's summary
// grid by source type and by case, section 9's cases with attributes, members
// and the indicator × case matrix. Checked in Markdown, HTML and DOCX (read
// back by pandoc) against hand-computed text, in both languages.
#include <doctest/doctest.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <regex>
#include <set>

#include "analysis/judgement.h"
#include "exchange/judgement.h"
#include "exchange/report.h"
#include "exchange/report_doc.h"
#include "exchange/report_text.h"
#include "helpers/report_fixture.h"
#include "helpers/run.h"
#include "ingest/zip.h"
#include "store/judgement.h"
#include "store/source_types.h"

using namespace telaah;
using namespace telaah::analysis;
using exchange::Lang;
using exchange::T;
using store::Stance;
namespace fs = std::filesystem;

namespace {

struct Study : test::ReportFixture {
  Id c1 = 0, c2 = 0, c3 = 0, c4 = 0, c5 = 0, c6 = 0, gone = 0;

  Study() {
    c1 = code(interview, legal, "Komunike kita tidak memuat objek kerja sama.", Stance::contradicts);
    c2 = code(news, legal, "Naskah 1984 tidak merinci kewajiban para pihak", Stance::contradicts);
    c3 = code(official, legal, "Komunike Bersama 1984 hanya memuat niat kerja sama.", Stance::contradicts);
    c4 = code(official, goals, "Seoul termasuk enam kota kembar paling aktif.", Stance::supports);
    c5 = code(interview, impediment, "Revisinya selalu tertunda.", Stance::neutral);
    c6 = code(interview, exports, "eksportir kecil tidak merasakan manfaatnya", Stance::contradicts);
    gone = code(news, legal, "Ekspor ke Seoul naik tiga kali lipat", Stance::neutral);
    // Links: legal has c1–c2 corroborates, c3 -> c1 explains and c2 -> c4 echoes (one end each);
    // goals (with its sub-code's c6) has c4–c6 contradicts and c2 -> c4 echoes.
    store::add_link(*p, c1, c2, "corroborates");
    store::add_link(*p, c3, c1, "explains");
    store::add_link(*p, c4, c6, "contradicts");
    store::add_link_type(*p, "echoes", true, "#336699");
    store::add_link(*p, c2, c4, "echoes");
    // Two impediment findings: one with evidence hindering legal, one without hindering legal and goals.
    store::add_impediment(*p, "Revision delayed", "The communique was never revised.", {legal}, {c5});
    store::add_impediment(*p, "No staff data", "", {legal, goals}, {});
    // Summaries: one citation, one citation plus a broken one (its coding removed), a case cell.
    store::set_summary(*p, legal, "type", "interview", "Informants deny the content [#" + std::to_string(c1) + "].");
    store::set_summary(*p, legal, "type", "news",
                       "The press agrees [#" + std::to_string(c2) + "] and [#" + std::to_string(gone) + "].");
    p->remove_coding(gone);
    // Two cases: Seoul (interview and LKPJ whole, an attribute) and Busan (the news and LKPJ's page-2 paragraph).
    store::add_case(*p, "Seoul", "Sister city", {{"population", "number", "9700000"}});
    store::add_case(*p, "Busan");
    store::assign_to_case(*p, "Seoul", interview);
    store::assign_to_case(*p, "Seoul", official);
    store::assign_to_case(*p, "Busan", news);
    const auto part = p->coding(c4);  // "Seoul termasuk enam kota kembar paling aktif.", on page 2
    store::assign_to_case(*p, "Busan", official, part.start, part.end);
    store::set_summary(*p, goals, "case", "Seoul", "Seoul is active [#" + std::to_string(c4) + "].");
  }

  exchange::ReportData report(Lang lang) {
    auto t = table();
    exchange::ReportOptions o;
    o.generated = "2026-03-09";
    o.lang = lang;
    o.agreement = false;
    return exchange::build_report(*p, t, o);
  }
  std::string id(Id c) const { return std::to_string(c); }
};

std::string slurp(const fs::path& f) {
  std::ifstream in(f, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

// The HTML's visible text: tags dropped, entities decoded, spaces collapsed.
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

// The part of `text` from `from` to `to` (exclusive); "" when `from` is missing.
std::string between(const std::string& text, const std::string& from, const std::string& to) {
  const auto a = text.find(from);
  if (a == std::string::npos) return "";
  const auto b = text.find(to, a + from.size());
  return text.substr(a, b == std::string::npos ? std::string::npos : b - a);
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

TEST_CASE("report judgement: the data gathered per indicator, for the grid and the cases") {
  Study f;
  const auto r = f.report(Lang::en);
  const auto& j = r.judgement;
  REQUIRE(r.indicators.size() == 3);  // legal, resources, goals
  REQUIRE(j.indicators.size() == 3);
  const auto& legal = j.indicators[0];
  REQUIRE(legal.summaries.size() == 2);
  CHECK(legal.summaries[0].column == "interview");
  REQUIRE(legal.summaries[0].cited.size() == 1);
  CHECK(legal.summaries[0].cited[0].coding_id == f.c1);
  CHECK(legal.summaries[0].cited[0].text == "Komunike kita tidak memuat objek kerja sama.");
  CHECK(legal.summaries[0].broken.empty());
  CHECK(legal.summaries[1].column == "news");
  CHECK(legal.summaries[1].cited.size() == 1);
  CHECK(legal.summaries[1].broken == std::vector<Id>{f.gone});
  CHECK(legal.findings == std::vector<size_t>{0, 1});
  CHECK(j.indicators[1].summaries.empty());
  CHECK(j.indicators[1].findings.empty());
  CHECK(j.indicators[1].links.empty());
  REQUIRE(j.indicators[2].summaries.size() == 1);
  CHECK(j.indicators[2].summaries[0].by_case);
  CHECK(j.indicators[2].findings == std::vector<size_t>{1});

  // Link counts per relation: built-ins in their order, then the project's own; the same rule as link_counts.
  struct LinkCase {
    size_t indicator;
    std::vector<std::pair<std::string, int>> want;
  };
  const LinkCase links[] = {
      {0, {{"corroborates", 1}, {"explains", 1}, {"echoes", 1}}}, {1, {}}, {2, {{"contradicts", 1}, {"echoes", 1}}}};
  const auto t = f.table();
  for (const auto& c : links) {
    CAPTURE(c.indicator);
    std::vector<std::pair<std::string, int>> got;
    for (const auto& l : j.indicators[c.indicator].links) got.push_back({l.relation, l.count});
    CHECK(got == c.want);
    const auto n = link_counts(*f.p, t, r.matrix, r.matrix.rows[c.indicator].code_id);
    int total = 0;
    for (const auto& [name, k] : c.want) total += k;
    CHECK(n.total() == total);
  }

  // The grid: rows are the indicators, columns the source types and the cases (by name).
  CHECK(j.type_columns == std::vector<std::string>{"interview", "news", "official"});
  CHECK(j.case_columns == std::vector<std::string>{"Busan", "Seoul"});
  CHECK(j.by_type[0][0] == "Informants deny the content [#" + f.id(f.c1) + "]. (1 cited)");
  CHECK(j.by_type[0][1] == "The press agrees [#" + f.id(f.c2) + "] and [#" + f.id(f.gone) + "]. (1 cited, 1 broken)");
  CHECK(j.by_type[0][2] == "");
  CHECK(j.by_case[2] == std::vector<std::string>{"", "Seoul is active [#" + f.id(f.c4) + "]. (1 cited)"});

  // The indicator × case matrix, by hand: legal Busan = news c2 (1 passage, 1 document, contradicting),
  // Seoul = c1 + c3; goals Busan = c4 (inside Busan's part of LKPJ), Seoul = c4 + c6 (the sub-code's).
  const Matrix& cm = j.case_matrix;
  REQUIRE(cm.columns.labels == std::vector<std::string>{"Busan", "Seoul"});
  struct CellCase {
    size_t row, col;
    int64_t codings, documents, supports, contradicts;
  };
  const CellCase cells[] = {{0, 0, 1, 1, 0, 1}, {0, 1, 2, 2, 0, 2}, {1, 0, 0, 0, 0, 0},
                            {1, 1, 0, 0, 0, 0}, {2, 0, 1, 1, 1, 0}, {2, 1, 2, 2, 1, 1}};
  for (const auto& c : cells) {
    CAPTURE(c.row);
    CAPTURE(c.col);
    const auto& cell = cm.rows[c.row].cells[c.col];
    CHECK(cell.codings == c.codings);
    CHECK(cell.documents == c.documents);
    CHECK(cell.supports == c.supports);
    CHECK(cell.contradicts == c.contradicts);
  }
  CHECK(cm.rows[0].effective == Status::triangulated);
  CHECK(cm.rows[1].effective == Status::gap);
  CHECK(cm.rows[2].effective == Status::triangulated);
  REQUIRE(j.cases.size() == 2);
  CHECK(j.cases[0].members == std::vector<std::string>{"Naskah 1984 dipersoalkan (whole document)",
                                                       "LKPJ 2015, p. 2 (part of the document)"});
  CHECK(j.cases[1].attributes == std::vector<std::vector<std::string>>{{"population", "9700000"}});
}

TEST_CASE("report judgement: the Markdown text of each section, in English and Indonesian") {
  Study f;
  const std::string md = exchange::render_markdown(f.report(Lang::en));
  // Under Legal infrastructure, after its rating and before its evidence.
  const std::string legal = between(md, "### Input / Legal infrastructure", "### Input / Resources");
  REQUIRE(!legal.empty());
  has_in_order(legal, {
                          "rating:",
                          "#### Summaries",
                          "**interview:** Informants deny the content [#" + f.id(f.c1) + "].",
                          "written by ayu, ",
                          "> “Komunike kita tidak memuat objek kerja sama.”\n>\n> — Wawancara Informan B, para. 2 · "
                          "contradicts · coder ayu · #" +
                              f.id(f.c1),
                          "**news:** The press agrees",
                          "> — Naskah 1984 dipersoalkan, para. 1 · contradicts · coder ayu · #" + f.id(f.c2),
                          "[#" + f.id(f.gone) + "] broken citation: the cited coding is no longer in the project.",
                          "#### Impediment findings hindering this indicator",
                          "**Revision delayed** — The communique was never revised.",
                          "> “Revisinya selalu tertunda.”\n>\n> — Wawancara Informan B, para. 2 · neutral · Hambatan · "
                          "coder ayu · #" +
                              f.id(f.c5),
                          "**No staff data**",
                          "No evidence coding is attached.",
                          "#### Typed links with its codings",
                          "- corroborates: 1\n- explains: 1\n- echoes: 1\n",
                          "#### Evidence",
                      });
  // Resources has none of the three: no heading at all.
  const std::string resources = between(md, "### Input / Resources", "### Output / Trade goals reached");
  REQUIRE(!resources.empty());
  for (const char* h : {"#### Summaries", "#### Impediment findings", "#### Typed links"}) {
    CAPTURE(h);
    CHECK(resources.find(h) == std::string::npos);
  }
  const std::string goals = between(md, "### Output / Trade goals reached", "## 7. Impediments");
  has_in_order(goals, {"#### Summaries", "**case Seoul:** Seoul is active", "LKPJ 2015, p. 2 · supports",
                       "#### Impediment findings hindering this indicator", "**No staff data**",
                       "- contradicts: 1\n- echoes: 1\n"});

  // Section 7 ends with the findings, then 8 the grid, 9 the cases, before 10 the verdict.
  has_in_order(md, {
                       "## 7. Impediments",
                       "### Impediment findings",
                       "**Revision delayed**",
                       "hinders: Input/Legal infrastructure\n",
                       "**No staff data**",
                       "hinders: Input/Legal infrastructure, Output/Trade goals reached",
                       "## 8. Summary grid",
                       "### By source type",
                       "| indicator | interview | news | official |",
                       "| Input/Legal infrastructure | Informants deny the content [#" + f.id(f.c1) +
                           "]. (1 cited) | The press agrees [#" + f.id(f.c2) + "] and [#" + f.id(f.gone) +
                           "]. (1 cited, 1 broken) | — |",
                       "| Input/Resources | — | — | — |",
                       "### By case",
                       "| indicator | Busan | Seoul |",
                       "| Output/Trade goals reached | — | Seoul is active [#" + f.id(f.c4) + "]. (1 cited) |",
                       "## 9. Cases",
                       "### Busan",
                       "#### Members",
                       "- Naskah 1984 dipersoalkan (whole document)\n- LKPJ 2015, p. 2 (part of the document)\n",
                       "### Seoul",
                       "*Sister city*",
                       "| attribute | value |\n|---|---|\n| population | 9700000 |",
                       "- Wawancara Informan B (whole document)\n- LKPJ 2015 (whole document)\n",
                       "### Triangulation across cases",
                       "| indicator | Busan | Seoul | status |",
                       "| Input/Legal infrastructure | 1 / 1 (0-1-0) | 2 / 2 (0-2-0) | triangulated |",
                       "| Input/Resources | — | — | gap |",
                       "| Output/Trade goals reached | 1 / 1 (1-0-0) | 2 / 2 (1-1-0) | triangulated |",
                       "## 10. Overall verdict",
                       "## 11. Audit trail",
                   });
  // The method section says what shows when.
  CHECK(md.find(exchange::tr(Lang::en, T::ms_judgement)) < md.find("## 2. Document inventory"));

  const std::string id = exchange::render_markdown(f.report(Lang::id));
  has_in_order(id, {"#### Ringkasan",
                    "**interview:** Informants deny",
                    "ditulis oleh ayu, ",
                    "[#" + f.id(f.gone) + "] rujukan rusak: koding yang dirujuk sudah tidak ada dalam proyek.",
                    "#### Temuan hambatan yang menghambat indikator ini",
                    "Belum ada koding bukti yang dilampirkan.",
                    "#### Tautan bertipe pada kodingnya",
                    "- menguatkan: 1\n- menjelaskan: 1\n- echoes: 1\n",
                    "**kasus Seoul:** Seoul is active",
                    "### Temuan hambatan",
                    "menghambat: Input/Legal infrastructure",
                    "## 8. Tabel ringkasan",
                    "### Menurut jenis sumber",
                    "(1 dirujuk, 1 rusak)",
                    "### Menurut kasus",
                    "## 9. Kasus",
                    "#### Anggota",
                    "(seluruh dokumen)",
                    "LKPJ 2015, hlm. 2 (bagian dokumen)",
                    "| atribut | nilai |",
                    "### Triangulasi antarkasus",
                    "| 1 / 1 (0-1-0) | 2 / 2 (0-2-0) | tertriangulasi |",
                    "## 10. Kesimpulan akhir"});
  // The labels of these sections never in the other language (the researcher's words stripped first).
  std::string en = md, ind = id;
  for (auto* s : {&en, &ind})
    for (const char* data : {"Informants deny the content", "The press agrees", "Seoul is active", "Revision delayed",
                             "The communique was never revised.", "No staff data", "Sister city", "echoes"}) {
      for (size_t at = s->find(data); at != std::string::npos; at = s->find(data)) s->replace(at, strlen(data), " ");
    }
  size_t checked = 0;
  for (const auto& l : exchange::report_labels()) {
    static const std::set<std::string> mine = {"sec_summaries",
                                               "sec_cases",
                                               "summaries",
                                               "summary_case",
                                               "written_by",
                                               "broken_citation",
                                               "no_citation",
                                               "findings_heading",
                                               "findings_here",
                                               "no_findings",
                                               "hinders",
                                               "hinders_none",
                                               "finding_no_evidence",
                                               "links_heading",
                                               "links_note",
                                               "rel_corroborates",
                                               "rel_contradicts",
                                               "rel_explains",
                                               "rel_impedes",
                                               "rel_other",
                                               "no_summaries",
                                               "grid_by_type",
                                               "grid_by_case",
                                               "grid_caption",
                                               "cited_n",
                                               "broken_n",
                                               "other_codes",
                                               "no_cases",
                                               "attribute",
                                               "members",
                                               "no_members",
                                               "part_of_document",
                                               "whole_document",
                                               "case_col",
                                               "tri_by_case",
                                               "tri_by_case_note",
                                               "ms_judgement"};
    const std::string key = l.key;
    if (!mine.count(key)) continue;
    CAPTURE(key);
    for (const bool english : {true, false}) {
      const std::string label = english ? l.en : l.id, other = english ? l.id : l.en;
      const std::string& out = english ? ind : en;  // where this label must not appear
      size_t at = 0;
      for (;;) {  // each literal piece between the {} placeholders
        const size_t ph = label.find("{}", at);
        std::string piece = label.substr(at, ph == std::string::npos ? std::string::npos : ph - at);
        piece = std::regex_replace(piece, std::regex("^[\\s\\[#\\]:,()]+|[\\s\\[#\\]:,()]+$"), "");
        if (piece.size() >= 4 && other.find(piece) == std::string::npos) {
          CAPTURE(piece);
          CHECK(out.find(piece) == std::string::npos);
          ++checked;
        }
        if (ph == std::string::npos) break;
        at = ph + 2;
      }
    }
  }
  CHECK(checked > 60);
}

TEST_CASE("report judgement: empty sections say so in one line; HTML and DOCX carry the same text") {
  SUBCASE("nothing written") {
    test::ReportFixture f;
    f.code_study();
    auto t = f.table();
    exchange::ReportOptions o;
    o.generated = "2026-03-09";
    o.agreement = false;
    const std::string md = exchange::render_markdown(exchange::build_report(*f.p, t, o));
    has_in_order(
        md, {"### Impediment findings\n\nNo impediment findings were recorded.\n\n## 8. Summary grid\n\n"
             "No summary has been written yet.\n\n## 9. Cases\n\nNo cases are defined.\n\n## 10. Overall verdict"});
    CHECK(md.find("#### Summaries") == std::string::npos);
  }
  SUBCASE("HTML and DOCX") {
    Study f;
    const auto data = f.report(Lang::en);
    const std::string html = html_text(exchange::render_html(data));
    const std::vector<std::string> want = {
        "Summaries",
        "interview: Informants deny the content [#" + f.id(f.c1) + "].",
        "“Komunike kita tidak memuat objek kerja sama.”",
        "[#" + f.id(f.gone) + "] broken citation: the cited coding is no longer in the project.",
        "Impediment findings hindering this indicator",
        "Revision delayed — The communique was never revised.",
        "Typed links with its codings",
        "corroborates: 1",
        "8. Summary grid",
        "By source type",
        "The press agrees [#" + f.id(f.c2) + "] and [#" + f.id(f.gone) + "]. (1 cited, 1 broken)",
        "9. Cases",
        "LKPJ 2015, p. 2 (part of the document)",
        "population",
        "9700000",
        "Triangulation across cases",
        "2 / 2 (1-1-0)"};
    has_in_order(html, want);
    REQUIRE_MESSAGE(std::system("pandoc --version >/dev/null 2>&1") == 0, "pandoc is needed");
    const fs::path docx = f.dir / "r.docx", out = f.dir / "r.html";
    std::ofstream(docx, std::ios::binary) << exchange::render_docx(data);
    const std::string cmd = "pandoc -f docx -t html --wrap=none '" + docx.string() + "' -o '" + out.string() + "'";
    REQUIRE(std::system(cmd.c_str()) == 0);
    has_in_order(html_text(slurp(out)), want);
  }
}

TEST_CASE("summary grid export: indicator × source type and × case with citations, CSV and XLSX") {
  Study f;
  const std::string c1 = f.id(f.c1), c2 = f.id(f.c2), c4 = f.id(f.c4), gone = f.id(f.gone);
  const auto by_type = exchange::summary_grid_table(*f.p, "type");
  CHECK(by_type.columns == std::vector<std::string>{"indicator", "interview", "interview citations", "news",
                                                    "news citations", "official", "official citations"});
  // Rows: the three indicators in codebook order (the sub-code and the impediment code have no summary).
  REQUIRE(by_type.rows.size() == 3);
  CHECK(by_type.rows[0] ==
        std::vector<std::string>{
            "Input/Legal infrastructure", "Informants deny the content [#" + c1 + "].",
            "#" + c1 + " Wawancara Informan B, para. 2", "The press agrees [#" + c2 + "] and [#" + gone + "].",
            "#" + c2 + " Naskah 1984 dipersoalkan, para. 1; #" + gone + " (broken: the coding is gone)", "", ""});
  CHECK(by_type.rows[1] == std::vector<std::string>{"Input/Resources", "", "", "", "", "", ""});
  CHECK(by_type.rows[2] == std::vector<std::string>{"Output/Trade goals reached", "", "", "", "", "", ""});
  const auto by_case = exchange::summary_grid_table(*f.p, "case");
  CHECK(by_case.columns ==
        std::vector<std::string>{"indicator", "Busan", "Busan citations", "Seoul", "Seoul citations"});
  REQUIRE(by_case.rows.size() == 3);
  CHECK(by_case.rows[2] == std::vector<std::string>{"Output/Trade goals reached", "", "",
                                                    "Seoul is active [#" + c4 + "].", "#" + c4 + " LKPJ 2015, p. 2"});
  CHECK_THROWS_AS(exchange::summary_grid_table(*f.p, "year"), ValidationError);
  const std::string expected_csv = exchange::to_csv(by_type), expected_case_csv = exchange::to_csv(by_case);
  CHECK(expected_csv.rfind("indicator,interview,interview citations,news,news citations,official,official "
                           "citations\r\n",
                           0) == 0);

  // Through the CLI.
  const fs::path file = f.dir / "study.telaah";
  f.p.reset();
  auto tl = [](std::vector<std::string> args) {
    args.insert(args.begin(), TELAAH_BINARY);
    return test::run(args, {"USER=tester"});
  };
  const auto csv = tl({"summaries", file.string(), "export", (f.dir / "grid.csv").string()});
  CHECK(csv.status == 0);
  CHECK(slurp(f.dir / "grid.csv") == expected_csv);
  CHECK(tl({"summaries", file.string(), "export", (f.dir / "cases.csv").string(), "--by", "case"}).status == 0);
  CHECK(slurp(f.dir / "cases.csv") == expected_case_csv);
  const auto xlsx = tl({"summaries", file.string(), "export", (f.dir / "grid.xlsx").string()});
  CHECK(xlsx.status == 0);
  const std::string bytes = slurp(f.dir / "grid.xlsx");
  ingest::ZipArchive zip(bytes, {}, "grid.xlsx");
  const std::string book = zip.read("xl/workbook.xml").value_or("");
  for (const char* sheet : {"Summary grid by source type", "Summary grid by case", "Summaries"}) {
    CAPTURE(sheet);
    CHECK(book.find(sheet) != std::string::npos);
  }
  std::string sheets;
  for (int i = 1; i <= 3; ++i)
    sheets += zip.read("xl/worksheets/sheet" + std::to_string(i) + ".xml").value_or("") +
              zip.read("xl/sharedStrings.xml").value_or("");
  CHECK(sheets.find("Seoul is active [#" + c4 + "].") != std::string::npos);
  CHECK(sheets.find("#" + gone + " (broken: the coding is gone)") != std::string::npos);
  // Refused: another file type, and an existing file without --force (exit 1, the file untouched).
  const auto bad = tl({"summaries", file.string(), "export", (f.dir / "grid.txt").string()});
  CHECK(bad.status == 1);
  CHECK(!fs::exists(f.dir / "grid.txt"));
  CHECK(tl({"summaries", file.string(), "export", (f.dir / "grid.csv").string(), "--by", "case"}).status == 1);
  CHECK(slurp(f.dir / "grid.csv") == expected_csv);
}

TEST_CASE("summary cells join when their source types or their codes merge (store::merge_summary_into)") {
  Study f;
  const std::string c1 = f.id(f.c1), c2 = f.id(f.c2), c4 = f.id(f.c4), gone = f.id(f.gone);
  // The interview cell cites c2 too, so that the merged cell must not cite it twice.
  store::set_summary(*f.p, f.legal, "type", "interview", "Informants deny the content [#" + c1 + "] [#" + c2 + "].");
  auto cell = [&](Id code, const std::string& column) {
    for (const auto& s : store::summaries(*f.p, code))
      if (s.column == column) return std::optional<store::Summary>(s);
    return std::optional<store::Summary>();
  };
  auto cited = [&](const store::Summary& s) {
    std::vector<std::pair<Id, bool>> out;
    for (const auto& c : store::citations(*f.p, s)) out.push_back({c.coding, c.valid});
    return out;
  };
  SUBCASE("news merged into interview") {
    store::merge_source_types(*f.p, "news", "interview");
    auto s = cell(f.legal, "interview");
    REQUIRE(s);
    CHECK(s->text == "Informants deny the content [#" + c1 + "] [#" + c2 + "].\n\nThe press agrees [#" + c2 +
                         "] and [#" + gone + "].");
    CHECK(cited(*s) == std::vector<std::pair<Id, bool>>{{f.c1, true}, {f.c2, true}, {f.gone, false}});
    CHECK(!cell(f.legal, "news"));
    f.p->undo();
    REQUIRE(cell(f.legal, "news"));
    CHECK(cell(f.legal, "interview")->text == "Informants deny the content [#" + c1 + "] [#" + c2 + "].");
    CHECK(cited(*cell(f.legal, "news")) == std::vector<std::pair<Id, bool>>{{f.c2, true}, {f.gone, false}});
  }
  SUBCASE("a code merged into another: its cells move, or join the target's") {
    store::set_summary(*f.p, f.resources, "type", "interview", "Staff are short [#" + c4 + "].");
    store::set_summary(*f.p, f.resources, "type", "official", "The budget is fine.");
    f.p->merge_codes(f.resources, f.legal);
    auto joined = cell(f.legal, "interview");
    REQUIRE(joined);
    CHECK(joined->text == "Informants deny the content [#" + c1 + "] [#" + c2 + "].\n\nStaff are short [#" + c4 + "].");
    CHECK(cited(*joined) == std::vector<std::pair<Id, bool>>{{f.c1, true}, {f.c2, true}, {f.c4, true}});
    REQUIRE(cell(f.legal, "official"));
    CHECK(cell(f.legal, "official")->text == "The budget is fine.");
    CHECK(store::summaries(*f.p, f.resources).empty());
    CHECK(f.p->check().empty());
  }
}
