// Issue 21, cases beyond triangulation: retrieval and its matrices split by
// case (a case filter; code x case; code x source type within a case) on a
// hand-made two-case project with every cell worked out below, and case
// attributes imported from XLSX (one row per case; a bad row names itself
// and nothing is imported, in the store and through the CLI).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "analysis/evidence.h"
#include "analysis/retrieval.h"
#include "exchange/exchange.h"
#include "exchange/judgement.h"
#include "helpers/run.h"
#include "helpers/temp_dir.h"
#include "store/errors.h"
#include "store/judgement.h"
#include "store/project.h"

namespace fs = std::filesystem;
using namespace telaah;
using analysis::AttributeMatrix;
using analysis::EvidenceTable;
using analysis::RetrievalFilter;
using analysis::RetrievalQuery;
using store::Id;
using store::Stance;

namespace {

// Documents of 20 paragraphs; two indicators, Legal and Resources.
//   D1 interview, whole in Jakarta:            c1 Legal [0,10)   c2 Legal [47,57)
//   D2 news, whole in Jakarta AND Seoul:       c3 Legal [0,10)
//   D3 interview, [0,100) Seoul, [100,200) Jakarta:
//      c4 Legal [20,30)       -> Seoul (inside its part)
//      c5 Legal [95,115)      -> Jakarta (15 of 20 inside), not Seoul (5 of 20)
//      c6 Resources [90,110)  -> both (exactly half in each)
//   D4 news, in no case:                       c7 Legal [0,10)
struct TwoCases {
  test::TempDir dir{"telaah-cases-split"};
  std::unique_ptr<store::Project> p;
  Id legal = 0, resources = 0;
  Id d1 = 0, d2 = 0, d3 = 0, d4 = 0;
  Id c1 = 0, c2 = 0, c3 = 0, c4 = 0, c5 = 0, c6 = 0, c7 = 0;

  TwoCases() {
    store::OpenOptions o;
    o.coder = "ayu";
    p = store::Project::create(dir / "t.telaah", o);
    p->load_codebook(nlohmann::json::parse(R"({"codes":[
      {"name":"Input","kind":"variable","children":[
        {"name":"Legal","kind":"indicator"},
        {"name":"Resources","kind":"indicator"}]}]})"));
    legal = p->resolve_code("Input/Legal");
    resources = p->resolve_code("Input/Resources");
    auto doc = [&](const std::string& type, const std::string& title) {
      store::NewDocument d;
      d.title = title;
      d.source_type = type;
      for (int i = 0; i < 20; ++i)
        d.text += "Paragraph " + std::to_string(i) + " says something worth coding here.\n\n";
      return p->add_document(d);
    };
    auto code = [&](Id doc, Id k, int64_t s, int64_t e) {
      store::Coding c;
      c.doc = doc;
      c.code = k;
      c.start = s;
      c.end = e;
      c.stance = Stance::supports;
      return p->add_coding(c);
    };
    d1 = doc("interview", "D1");
    d2 = doc("news", "D2");
    d3 = doc("interview", "D3");
    d4 = doc("news", "D4");
    c1 = code(d1, legal, 0, 10);
    c2 = code(d1, legal, 47, 57);
    c3 = code(d2, legal, 0, 10);
    c4 = code(d3, legal, 20, 30);
    c5 = code(d3, legal, 95, 115);
    c6 = code(d3, resources, 90, 110);
    c7 = code(d4, legal, 0, 10);
    store::add_case(*p, "Jakarta");
    store::add_case(*p, "Seoul");
    store::assign_to_case(*p, "Jakarta", d1);
    store::assign_to_case(*p, "Jakarta", d2);
    store::assign_to_case(*p, "Seoul", d2);
    store::assign_to_case(*p, "Seoul", d3, 0, 100);
    store::assign_to_case(*p, "Jakarta", d3, 100, 200);
  }

  std::vector<Id> retrieve(std::vector<Id> codes, std::vector<std::string> cases) const {
    const auto t = EvidenceTable::load(*p);
    RetrievalQuery q;
    q.codes_a = std::move(codes);
    q.filter.cases = std::move(cases);
    std::vector<Id> out;
    for (const auto& h : analysis::retrieve(t, *p, q)) out.push_back(h.coding);
    return out;
  }
  AttributeMatrix matrix(const std::string& by, std::vector<std::string> cases) const {
    const auto t = EvidenceTable::load(*p);
    RetrievalFilter f;
    f.cases = std::move(cases);
    return analysis::attribute_matrix(t, *p, {legal, resources}, true, by, f);
  }
};

struct CellWant {
  size_t row;
  std::string column;
  int64_t count, documents;
  std::vector<Id> codings;
};

void check_matrix(const AttributeMatrix& m, const std::vector<std::string>& columns,
                  const std::vector<CellWant>& want) {
  REQUIRE(m.columns == columns);
  REQUIRE(m.cells.size() == m.rows.size() * m.columns.size());
  for (const auto& w : want) {
    CAPTURE(w.row);
    CAPTURE(w.column);
    const size_t c = static_cast<size_t>(std::find(columns.begin(), columns.end(), w.column) - columns.begin());
    const auto& cell = m.at(w.row, c);
    CHECK(cell.count == w.count);
    CHECK(cell.documents == w.documents);
    std::vector<Id> ids;
    for (const auto& h : cell.codings) ids.push_back(h.coding);
    CHECK(ids == w.codings);
  }
}

}  // namespace

TEST_CASE("retrieval filtered by case: the codings that belong to the chosen cases (hand-computed)") {
  TwoCases f;
  CHECK(f.retrieve({f.legal}, {}) == std::vector<Id>{f.c1, f.c2, f.c3, f.c4, f.c5, f.c7});
  CHECK(f.retrieve({f.legal}, {"Jakarta"}) == std::vector<Id>{f.c1, f.c2, f.c3, f.c5});
  CHECK(f.retrieve({f.legal}, {"Seoul"}) == std::vector<Id>{f.c3, f.c4});
  CHECK(f.retrieve({f.legal}, {"Jakarta", "Seoul"}) == std::vector<Id>{f.c1, f.c2, f.c3, f.c4, f.c5});
  CHECK(f.retrieve({f.resources}, {"Seoul"}) == std::vector<Id>{f.c6});
  CHECK(f.retrieve({f.resources}, {"Jakarta"}) == std::vector<Id>{f.c6});
  // A case named by its id, and a case that does not exist.
  const Id seoul = store::find_case(*f.p, "Seoul").id;
  CHECK(f.retrieve({f.legal}, {std::to_string(seoul)}) == std::vector<Id>{f.c3, f.c4});
  CHECK_THROWS_AS(f.retrieve({f.legal}, {"Busan"}), NotFound);
  // AND (overlapping) within a case: c5 overlaps c6, but c5 is not Seoul's.
  const auto t = EvidenceTable::load(*f.p);
  RetrievalQuery q;
  q.codes_a = {f.legal};
  q.op = analysis::CodeOp::and_overlap;
  q.codes_b = {f.resources};
  for (const auto& [cases, want] : std::vector<std::pair<std::vector<std::string>, std::vector<Id>>>{
           {{}, {f.c5}}, {{"Jakarta"}, {f.c5}}, {{"Seoul"}, {}}}) {
    q.filter.cases = cases;
    std::vector<Id> got;
    for (const auto& h : analysis::retrieve(t, *f.p, q)) got.push_back(h.coding);
    CHECK(got == want);
  }
  // Co-occurrence within each case: the c5-c6 pair is Jakarta's only.
  RetrievalFilter jak, seo;
  jak.cases = {"Jakarta"};
  seo.cases = {"Seoul"};
  CHECK(analysis::cooccurrence_matrix(t, *f.p, {f.legal, f.resources}, true, {}).at(0, 1).count == 1);
  CHECK(analysis::cooccurrence_matrix(t, *f.p, {f.legal, f.resources}, true, jak).at(0, 1).count == 1);
  CHECK(analysis::cooccurrence_matrix(t, *f.p, {f.legal, f.resources}, true, seo).at(0, 1).count == 0);
}

TEST_CASE("code x case matrix, and code x source type within a case (hand-computed cells)") {
  TwoCases f;
  // By case: a coding in two cases is in both columns; D4's c7 is in no case ("" column, last).
  check_matrix(f.matrix(analysis::kByCase, {}), {"Jakarta", "Seoul", ""},
               {{0, "Jakarta", 4, 3, {f.c1, f.c2, f.c3, f.c5}},
                {0, "Seoul", 2, 2, {f.c3, f.c4}},
                {0, "", 1, 1, {f.c7}},
                {1, "Jakarta", 1, 1, {f.c6}},
                {1, "Seoul", 1, 1, {f.c6}},
                {1, "", 0, 0, {}}});
  // Only the filter's cases are columns; nothing is left over for "".
  check_matrix(f.matrix(analysis::kByCase, {"Seoul"}), {"Seoul"},
               {{0, "Seoul", 2, 2, {f.c3, f.c4}}, {1, "Seoul", 1, 1, {f.c6}}});
  // By source type within Jakarta (D1, D2, D3's second part) and within Seoul (D2, D3's first part).
  check_matrix(f.matrix(analysis::kBySourceType, {"Jakarta"}), {"interview", "news"},
               {{0, "interview", 3, 2, {f.c1, f.c2, f.c5}},
                {0, "news", 1, 1, {f.c3}},
                {1, "interview", 1, 1, {f.c6}},
                {1, "news", 0, 0, {}}});
  check_matrix(f.matrix(analysis::kBySourceType, {"Seoul"}), {"interview", "news"},
               {{0, "interview", 1, 1, {f.c4}},
                {0, "news", 1, 1, {f.c3}},
                {1, "interview", 1, 1, {f.c6}},
                {1, "news", 0, 0, {}}});
  // Without cases the matrix by case has only the "" column.
  store::remove_case(*f.p, "Jakarta");
  store::remove_case(*f.p, "Seoul");
  check_matrix(f.matrix(analysis::kByCase, {}), {""}, {{0, "", 6, 4, {f.c1, f.c2, f.c3, f.c4, f.c5, f.c7}}});
}

namespace {

exchange::Table sheet(std::vector<std::string> columns, std::vector<std::vector<std::string>> rows,
                      std::vector<size_t> numeric = {}) {
  exchange::Table t;
  t.name = "Cases";
  t.columns = std::move(columns);
  t.rows = std::move(rows);
  t.numeric = std::move(numeric);
  return t;
}

std::string slurp(const fs::path& f) {
  std::ifstream in(f, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_CASE("cases from XLSX: typed columns, Excel day numbers as dates; a bad row is named and nothing imported") {
  TwoCases f;
  store::remove_case(*f.p, "Jakarta");
  store::remove_case(*f.p, "Seoul");
  // 30795 is Excel's day number of 1984-04-23.
  exchange::write_xlsx(
      {sheet({"name", "description", "population:number", "joined:date", "active:boolean", "region"},
             {{"Jakarta", "the capital, DKI", "10.6", "30795", "true", "Java"}, {"Seoul", "", "9.7", "", "false", ""}},
             {2, 3})},
      f.dir / "good.xlsx");
  auto rows = exchange::parse_cases_file((f.dir / "good.xlsx").string(), slurp(f.dir / "good.xlsx"));
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].line == 2);
  CHECK(rows[0].name == "Jakarta");
  CHECK(rows[0].description == "the capital, DKI");
  CHECK(rows[1].attributes.size() == 2);  // empty cells stay unset
  CHECK(store::import_cases(*f.p, rows, "") == 2);
  std::map<std::string, std::string> a;
  for (const auto& at : store::find_case(*f.p, "Jakarta").attributes) a[at.name] = at.type + ":" + at.value;
  CHECK(a == std::map<std::string, std::string>{{"active", "boolean:true"},
                                                {"joined", "date:1984-04-23"},
                                                {"population", "number:10.6"},
                                                {"region", "text:Java"}});
  f.p->undo();
  CHECK(store::cases(*f.p).empty());

  struct Bad {
    exchange::Table t;
    std::string row;
  };
  for (const auto& b :
       std::vector<Bad>{{sheet({"name", "population:number"}, {{"Jakarta", "10"}, {"Seoul", "many"}}), "row 3"},
                        {sheet({"name", "joined:date"}, {{"Jakarta", "2015-02-30"}}), "row 2"},
                        {sheet({"name"}, {{"Jakarta"}, {"Jakarta"}}), "row 3"},
                        {sheet({"city"}, {{"Jakarta"}}), "row 1"},
                        {sheet({"name", "x:colour"}, {{"Jakarta", "red"}}), "row 1"},
                        {sheet({"name", "active:boolean"}, {{"Jakarta", "yes"}}), "row 2"}}) {
    CAPTURE(b.row);
    exchange::write_xlsx({b.t}, f.dir / "bad.xlsx");
    try {
      store::import_cases(*f.p, exchange::parse_cases_xlsx(slurp(f.dir / "bad.xlsx")), "");
      FAIL("accepted");
    } catch (const ValidationError& e) {
      CHECK(std::string(e.what()).find(b.row + ":") != std::string::npos);
    }
    CHECK(store::cases(*f.p).empty());
  }
  CHECK_THROWS(exchange::parse_cases_xlsx("not a zip"));
}

TEST_CASE("CLI: cases import FILE.xlsx; a bad row exits 1, names the row and imports nothing") {
  TwoCases f;
  store::remove_case(*f.p, "Jakarta");
  store::remove_case(*f.p, "Seoul");
  const std::string file = (f.dir / "t.telaah").string();
  f.p.reset();
  const std::string bin = TELAAH_BINARY;
  exchange::write_xlsx({sheet({"name", "population:number"}, {{"Jakarta", "10.6"}, {"Seoul", "banyak"}})},
                       f.dir / "bad.xlsx");
  auto r = test::run({bin, "cases", file, "import", (f.dir / "bad.xlsx").string()});
  CHECK(r.status == 1);
  CHECK(r.err.find("row 3") != std::string::npos);
  r = test::run({bin, "cases", file, "ls", "--json"});
  CHECK(r.status == 0);
  CHECK(nlohmann::json::parse(r.out)["cases"].empty());
  exchange::write_xlsx({sheet({"name", "population:number"}, {{"Jakarta", "10.6"}, {"Seoul", "9.7"}}, {1})},
                       f.dir / "good.xlsx");
  r = test::run({bin, "cases", file, "import-csv", (f.dir / "good.xlsx").string()});
  CHECK(r.status == 0);
  r = test::run({bin, "cases", file, "ls", "--json"});
  CHECK(nlohmann::json::parse(r.out)["cases"].size() == 2);
}

TEST_CASE("the matrix export by case and within a case (export --what matrix --by case | --case NAME)") {
  TwoCases f;
  auto cells = [](const exchange::Table& t, const std::string& indicator, const std::string& column) {
    std::vector<std::string> out;
    for (const auto& r : t.rows)
      if (r[0] == indicator)
        for (const char* k : {" codings", " documents", " supports", " contradicts", " neutral"}) {
          auto it = std::find(t.columns.begin(), t.columns.end(), column + k);
          REQUIRE(it != t.columns.end());
          out.push_back(r[static_cast<size_t>(it - t.columns.begin())]);
        }
    return out;
  };
  using V = std::vector<std::string>;
  const auto by = exchange::triangulation_table(*f.p, "case");
  CHECK(cells(by, "Input/Legal", "Jakarta") == V{"4", "3", "4", "0", "0"});
  CHECK(cells(by, "Input/Legal", "Seoul") == V{"2", "2", "2", "0", "0"});
  CHECK(cells(by, "Input/Resources", "Jakarta") == V{"1", "1", "1", "0", "0"});
  CHECK(cells(by, "Input/Resources", "Seoul") == V{"1", "1", "1", "0", "0"});
  const auto jak = exchange::triangulation_table(*f.p, "type", {}, "Jakarta");
  CHECK(cells(jak, "Input/Legal", "interview") == V{"3", "2", "3", "0", "0"});
  CHECK(cells(jak, "Input/Legal", "news") == V{"1", "1", "1", "0", "0"});
  CHECK_THROWS_AS(exchange::triangulation_table(*f.p, "case", {}, "Jakarta"), ValidationError);
  CHECK_THROWS_AS(exchange::triangulation_table(*f.p, "type", {}, "Busan"), NotFound);
}
