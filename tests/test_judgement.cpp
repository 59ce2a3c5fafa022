// From evidence to judgement (issue 21, schema 4): typed links between
// codings (across documents, undo/redo, cascade on removal, REFI-QDA round
// trip), impediments attached explicitly and by overlap and as findings (and
// the verdict rule reading them), summary citations through undo and redo,
// triangulation split by case on a hand-made two-case project, and the case
// CSV import with a bad row.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "analysis/evaluation.h"
#include "analysis/evidence.h"
#include "analysis/judgement.h"
#include "analysis/triangulation.h"
#include "exchange/exchange.h"
#include "exchange/judgement.h"
#include "fixtures/exchange/helpers.h"
#include "helpers/run.h"
#include "store/judgement.h"
#include "store/project.h"
#include "store/schema.h"

namespace fs = std::filesystem;
using namespace telaah;
using namespace telaah::analysis;
using store::Id;
using store::Stance;

namespace {

// A throw-away project: two indicators under Input, one under Output, and an
// Impediment code; documents of 20 paragraphs "Paragraph N says something
// worth coding here." (paragraph 0 is [0, 45), paragraph k < 10 starts at 47k).
struct Fixture {
  fs::path dir;
  std::unique_ptr<store::Project> p;
  Id legal = 0, resources = 0, goals = 0, impediment = 0, coder = 0;
  static inline int serial = 0;

  Fixture() {
    dir = fs::temp_directory_path() / ("telaah-judg-" + std::to_string(::getpid()) + "-" + std::to_string(serial++));
    fs::remove_all(dir);
    fs::create_directories(dir);
    store::OpenOptions o;
    o.coder = "ayu";
    p = store::Project::create(dir / "t.telaah", o);
    p->load_codebook(nlohmann::json::parse(R"({"codes":[
      {"name":"Input","kind":"variable","children":[
        {"name":"Legal infrastructure","kind":"indicator"},
        {"name":"Resources","kind":"indicator"}]},
      {"name":"Output","kind":"variable","children":[{"name":"Trade goals reached","kind":"indicator"}]},
      {"name":"Impediment","aliases":["Hambatan"]}]})"));
    legal = p->resolve_code("Input/Legal infrastructure");
    resources = p->resolve_code("Input/Resources");
    goals = p->resolve_code("Output/Trade goals reached");
    impediment = p->resolve_code("Impediment");
    coder = p->ensure_coder("ayu");
  }
  ~Fixture() {
    p.reset();
    fs::remove_all(dir);
  }

  Id doc(const std::string& type, const std::string& title) {
    store::NewDocument d;
    d.title = title;
    d.source_type = type;
    for (int i = 0; i < 20; ++i) d.text += "Paragraph " + std::to_string(i) + " says something worth coding here.\n\n";
    return p->add_document(d);
  }
  Id code(Id doc, Id code, int64_t start, int64_t end, Stance s = Stance::neutral) {
    store::Coding c;
    c.doc = doc;
    c.code = code;
    c.coder = coder;
    c.start = start;
    c.end = end;
    c.stance = s;
    return p->add_coding(c);
  }
  int rows(const std::string& table) const { return p->db().execAndGet("SELECT count(*) FROM " + table).getInt(); }
};

const Row& row(const Matrix& m, Id code) {
  const Row* r = m.find(code);
  REQUIRE(r != nullptr);
  return *r;
}

int column(const Matrix& m, const std::string& label) {
  for (size_t i = 0; i < m.columns.labels.size(); ++i)
    if (m.columns.labels[i] == label) return static_cast<int>(i);
  FAIL("no column " << label);
  return -1;
}

}  // namespace

TEST_CASE("schema 4: a new project has the judgement tables and the four built-in relations") {
  Fixture f;
  CHECK(f.p->db().execAndGet("PRAGMA user_version").getInt() == store::kSchemaVersion);
  CHECK(store::kSchemaVersion >= 4);
  std::vector<std::string> names;
  for (const auto& t : store::link_types(*f.p)) names.push_back(t.name + (t.directed ? ">" : "-"));
  CHECK(names == std::vector<std::string>{"corroborates-", "contradicts-", "explains>", "impedes>"});
  CHECK(f.p->check().empty());
}

TEST_CASE("schema 4: a schema-3 project is copied, then migrated, and keeps its data") {
  const fs::path dir = fs::temp_directory_path() / ("telaah-judg-mig-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path file = dir / "old.telaah";
  {
    SQLite::Database db(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    for (int v = 0; v < 3; ++v) db.exec(store::migrations()[static_cast<size_t>(v)]);
    db.exec("INSERT INTO meta VALUES ('project_id', '00000000-0000-4000-8000-000000000004')");
    db.exec("INSERT INTO codes(id, name, colour, kind) VALUES (1, 'Goals', '#123456', 'indicator')");
    db.exec("PRAGMA user_version=3");
  }
  {
    auto p = store::Project::open(file);
    CHECK(p->db().execAndGet("PRAGMA user_version").getInt() == store::kSchemaVersion);
    CHECK(p->code(1).name == "Goals");
    CHECK(store::link_types(*p).size() == 4);
    CHECK(p->check().empty());
  }
  CHECK(fs::exists(dir / "old.telaah.pre-v4.bak"));
  {
    // A schema-4 file with an extra object is refused by the schema comparison.
    SQLite::Database db(file.string(), SQLite::OPEN_READWRITE);
    db.exec("CREATE INDEX sneaky ON links(memo)");
  }
  CHECK_THROWS_AS(store::Project::open(file), CorruptProject);
  fs::remove_all(dir);
}

TEST_CASE("links: across documents, one action each, undo/redo, rules of direction") {
  Fixture f;
  const Id news = f.doc("news", "Berita"), inter = f.doc("interview", "Wawancara B");
  const Id a = f.code(news, f.legal, 0, 10, Stance::supports);
  const Id b = f.code(inter, f.legal, 47, 60, Stance::supports);
  const Id c = f.code(inter, f.resources, 94, 100);
  const int64_t rev = f.p->revision();
  const Id l = store::add_link(*f.p, a, b, "corroborates", "same claim");
  CHECK(f.p->revision() == rev + 1);
  auto la = store::links_of_coding(*f.p, a), lb = store::links_of_coding(*f.p, b);
  REQUIRE(la.size() == 1);
  REQUIRE(lb.size() == 1);
  CHECK(la[0].id == l);
  CHECK(la[0].type_name == "corroborates");
  CHECK(la[0].memo == "same claim");
  CHECK(la[0].coder == "ayu");
  CHECK_FALSE(la[0].directed);

  // Refusals change nothing: table of bad links.
  struct Bad {
    Id from, to;
    std::string type;
  };
  for (const auto& x : std::vector<Bad>{{b, a, "corroborates"},  // undirected: b-a is a-b
                                        {a, b, "corroborates"},  // twice
                                        {a, a, "explains"},      // itself
                                        {a, 9999, "explains"},   // no such coding
                                        {a, c, "supports"}}) {   // no such relation
    CAPTURE(x.type);
    CHECK_THROWS_AS(store::add_link(*f.p, x.from, x.to, x.type), UserError);
  }
  CHECK(f.p->revision() == rev + 1);
  // Directed relations: a explains b and b explains a are two links.
  store::add_link(*f.p, a, c, "explains");
  store::add_link(*f.p, c, a, "explains");
  CHECK(store::links_of_coding(*f.p, a).size() == 3);
  // A relation of the project's own.
  CHECK_THROWS_AS(store::add_link_type(*f.p, "contradicts", true, "#112233"), ValidationError);
  CHECK_THROWS_AS(store::add_link_type(*f.p, "follows", true, "red"), ValidationError);
  store::add_link_type(*f.p, "follows", true, "#112233");
  store::add_link(*f.p, b, c, "follows");
  CHECK_THROWS_AS(store::remove_link_type(*f.p, "follows"), ValidationError);       // in use
  CHECK_THROWS_AS(store::remove_link_type(*f.p, "corroborates"), ValidationError);  // built in
  CHECK(store::all_links(*f.p).size() == 4);

  // Undo and redo, one action at a time.
  f.p->undo();  // the 'follows' link
  CHECK(store::all_links(*f.p).size() == 3);
  f.p->undo();  // the relation
  CHECK(store::link_types(*f.p).size() == 4);
  f.p->redo();
  f.p->redo();
  CHECK(store::all_links(*f.p).size() == 4);
  store::remove_link(*f.p, l);
  CHECK(store::links_of_coding(*f.p, b).size() == 1);
  f.p->undo();
  CHECK(store::links_of_coding(*f.p, b).size() == 2);
  CHECK(f.p->check().empty());
}

TEST_CASE("links: removing a coding takes its links along; undo brings both back, redo removes both") {
  Fixture f;
  const Id news = f.doc("news", "Berita"), inter = f.doc("interview", "Wawancara B");
  const Id a = f.code(news, f.legal, 0, 10, Stance::supports);
  const Id b = f.code(inter, f.legal, 47, 60, Stance::contradicts);
  const Id c = f.code(inter, f.impediment, 94, 100);
  store::add_link(*f.p, a, b, "contradicts");
  store::add_link(*f.p, c, b, "impedes");
  const Id imp = store::add_impediment(*f.p, "No training data", "", {f.legal}, {c});
  store::attach_coding(*f.p, c, f.resources);
  const int64_t rev = f.p->revision();
  f.p->remove_coding(b);
  CHECK(f.p->revision() == rev + 1);  // one action
  CHECK(f.rows("links") == 0);
  CHECK(store::links_of_coding(*f.p, a).empty());
  f.p->undo();
  CHECK(f.p->coding(b).stance == Stance::contradicts);
  CHECK(store::links_of_coding(*f.p, b).size() == 2);
  f.p->redo();
  CHECK(f.rows("links") == 0);
  f.p->undo();
  // The impediment coding: its link, its evidence row and its attachment go with it.
  f.p->remove_coding(c);
  CHECK(store::links_of_coding(*f.p, b).size() == 1);
  CHECK(store::impediment(*f.p, imp).evidence.empty());
  CHECK(store::coding_attachments(*f.p).empty());
  f.p->undo();
  CHECK(store::impediment(*f.p, imp).evidence == std::vector<Id>{c});
  CHECK(store::coding_attachments(*f.p).size() == 1);
  // Deleting the code takes its codings and everything pointing at them and at the code.
  f.p->delete_code(f.legal);
  CHECK(f.rows("links") == 0);
  CHECK(store::impediment(*f.p, imp).indicators.empty());
  f.p->undo();
  CHECK(f.rows("links") == 2);
  CHECK(store::impediment(*f.p, imp).indicators == std::vector<Id>{f.legal});
  CHECK(f.p->check().empty());
}

TEST_CASE("impediments: attached explicitly, by overlap and as findings, per indicator; the verdict reads them") {
  Fixture f;
  const Id d = f.doc("interview", "Wawancara B"), n = f.doc("news", "Berita");
  f.code(d, f.legal, 0, 10, Stance::supports);         // paragraph 0
  f.code(d, f.legal, 50, 60, Stance::supports);        // paragraph 1
  f.code(n, f.legal, 0, 10, Stance::supports);         // corroborated
  f.code(d, f.resources, 329, 339, Stance::supports);  // paragraph 7
  f.code(n, f.resources, 329, 339, Stance::supports);
  f.code(d, f.goals, 423, 433, Stance::supports);  // paragraph 9
  f.code(n, f.goals, 423, 433, Stance::supports);
  const Id overlap = f.code(d, f.impediment, 52, 58);  // inside the second Legal coding
  const Id apart = f.code(d, f.impediment, 200, 210);  // paragraph 4: no indicator there
  auto per = [&] {
    auto t = EvidenceTable::load(*f.p);
    auto m = triangulate(t, {}, {});
    return evaluate(*f.p, t, m);
  };
  {
    auto e = per();
    auto legal = impediments_of(e, f.legal);
    CHECK(legal.by_overlap == std::vector<Id>{overlap});
    CHECK(legal.attached.empty());
    CHECK_FALSE(impediments_of(e, f.resources).impeded());
    CHECK_FALSE(impediments_of(e, f.goals).impeded());
  }
  // The lone impediment attached to Resources by hand; a finding names Trade goals.
  CHECK_THROWS_AS(store::attach_coding(*f.p, apart, f.impediment), ValidationError);  // coded there already
  store::attach_coding(*f.p, apart, f.resources);
  CHECK_THROWS_AS(store::attach_coding(*f.p, apart, f.resources), ValidationError);
  const Id finding = store::add_impediment(*f.p, "Agreement lacks Permendagri 3/2008 content",
                                           "rights and obligations missing", {f.goals}, {apart});
  auto e = per();
  struct Want {
    Id code;
    std::vector<Id> attached, by_overlap, findings;
  };
  for (const auto& w :
       std::vector<Want>{{f.legal, {}, {overlap}, {}}, {f.resources, {apart}, {}, {}}, {f.goals, {}, {}, {finding}}}) {
    auto x = impediments_of(e, w.code);
    CAPTURE(x.path);
    CHECK(x.attached == w.attached);
    CHECK(x.by_overlap == w.by_overlap);
    CHECK(x.findings == w.findings);
    CHECK(x.impeded());
  }
  // Every indicator is triangulated and all evidence supports: achieved (1) each,
  // minus the penalty 0.5 for the impediment: score 0.5 -> fairly effective.
  for (const auto& s : e.scored()) CHECK(s.impeded);
  CHECK(e.verdict.impeded == 3);
  CHECK(e.verdict.score == doctest::Approx(0.5));
  CHECK(e.verdict.automatic == Verdict::fairly_effective);
  // Removing the finding and detaching: only Legal (overlap) stays impeded: (0.5 + 1 + 1) / 3.
  store::remove_impediment(*f.p, finding);
  store::detach_coding(*f.p, apart, f.resources);
  e = per();
  CHECK(e.verdict.impeded == 1);
  CHECK(e.verdict.score == doctest::Approx(2.5 / 3));
  CHECK(e.verdict.automatic == Verdict::effective);
  f.p->undo();  // attached again
  CHECK(per().verdict.impeded == 2);
}

TEST_CASE("impediment findings: edit and remove are single actions; bad input changes nothing") {
  Fixture f;
  const Id d = f.doc("interview", "Wawancara B");
  const Id c = f.code(d, f.impediment, 0, 10);
  CHECK_THROWS_AS(store::add_impediment(*f.p, "  ", "", {}, {}), ValidationError);
  CHECK_THROWS_AS(store::add_impediment(*f.p, "x", "", {999}, {}), NotFound);
  CHECK_THROWS_AS(store::add_impediment(*f.p, "x", "", {}, {999}), NotFound);
  CHECK(f.rows("impediments") == 0);
  const Id id = store::add_impediment(*f.p, "No public data", "", {}, {});
  store::ImpedimentEdit e;
  e.description = "training figures are not published";
  e.add_indicators = {f.legal, f.resources};
  e.add_evidence = {c};
  store::edit_impediment(*f.p, id, e);
  auto m = store::impediment(*f.p, id);
  CHECK(m.description == "training figures are not published");
  CHECK(m.indicators == std::vector<Id>{f.legal, f.resources});
  CHECK(m.evidence == std::vector<Id>{c});
  store::ImpedimentEdit bad;
  bad.remove_indicators = {f.goals};
  CHECK_THROWS_AS(store::edit_impediment(*f.p, id, bad), NotFound);
  f.p->undo();
  m = store::impediment(*f.p, id);
  CHECK(m.indicators.empty());
  CHECK(m.description.empty());
  store::remove_impediment(*f.p, id);
  CHECK(store::impediments(*f.p).empty());
  f.p->undo();
  CHECK(store::impediments(*f.p).size() == 1);
}

TEST_CASE("summaries: citations survive edits; an undone cited coding is a broken citation, redo restores it") {
  Fixture f;
  const Id d = f.doc("interview", "Wawancara B");
  const Id keep = f.code(d, f.legal, 0, 10, Stance::supports);
  const Id cited = f.code(d, f.legal, 47, 60, Stance::supports);
  store::set_summary(*f.p, f.legal, "type", "interview",
                     "Both informants confirm [#" + std::to_string(cited) + "] and [#" + std::to_string(keep) + "].");
  auto cell = [&] {
    auto cells = summary_cells(*f.p, f.legal);
    REQUIRE(cells.size() == 1);
    return cells[0];
  };
  auto states = [&] {
    std::vector<std::pair<Id, bool>> out;
    for (const auto& c : cell().citations) out.push_back({c.coding, c.valid});
    return out;
  };
  using V = std::vector<std::pair<Id, bool>>;
  CHECK(states() == V{{cited, true}, {keep, true}});
  CHECK_THROWS_AS(store::set_summary(*f.p, f.legal, "type", "interview", "see [#999]"), ValidationError);
  CHECK_THROWS_AS(store::set_summary(*f.p, f.legal, "type", "survey", "x"), NotFound);
  CHECK_THROWS_AS(store::set_summary(*f.p, f.legal, "case", "Nowhere", "x"), NotFound);

  f.p->remove_coding(cited);
  CHECK(states() == V{{cited, false}, {keep, true}});
  CHECK(cell().broken() == 1);
  f.p->undo();  // the coding is back: so is the citation
  CHECK(states() == V{{cited, true}, {keep, true}});
  f.p->redo();
  CHECK(states() == V{{cited, false}, {keep, true}});
  // Editing the text keeps the broken citation broken; a new coding that takes
  // the freed id is not silently cited.
  const std::string text = cell().summary.text + " Edited.";
  store::set_summary(*f.p, f.legal, "type", "interview", text);
  const Id fresh = f.code(d, f.legal, 94, 100);
  CHECK(states() == V{{cited, false}, {keep, true}});
  (void)fresh;
  f.p->undo();  // the new coding
  f.p->undo();  // the edit
  f.p->undo();  // the removal: the coding and its citation are back
  CHECK(states() == V{{cited, true}, {keep, true}});
  // Undo of the summary itself: the cell is empty again.
  f.p->undo();
  CHECK(summary_cells(*f.p, f.legal).empty());
  f.p->redo();
  CHECK(states() == V{{cited, true}, {keep, true}});
  // Clearing empties the cell and its citation rows; a case cell sits beside the type cell.
  store::add_case(*f.p, "Jakarta");
  store::set_summary(*f.p, f.legal, "case", "Jakarta", "Jakarta side: [#" + std::to_string(keep) + "]");
  auto table = exchange::summaries_table(*f.p);
  REQUIRE(table.rows.size() == 2);
  CHECK(table.rows[0][1] == "type");
  CHECK(table.rows[0][4] == std::to_string(cited) + " " + std::to_string(keep));
  CHECK(table.rows[1][1] == "case");
  CHECK(table.rows[1][2] == "Jakarta");
  store::set_summary(*f.p, f.legal, "type", "interview", "");
  CHECK(summary_cells(*f.p, f.legal).size() == 1);
  CHECK(f.rows("summary_citations") == 1);
  store::remove_case(*f.p, "Jakarta");  // its cells go with it
  CHECK(f.rows("summaries") == 0);
  f.p->undo();
  CHECK(f.rows("summaries") == 1);
  CHECK(f.p->check().empty());
}

TEST_CASE("citation markers: [#ID] only") {
  struct Row {
    std::string text;
    std::vector<Id> ids;
  };
  for (const auto& r : std::vector<Row>{{"", {}},
                                        {"see [#12]", {12}},
                                        {"[#3][#4] and [#3] again", {3, 4}},
                                        {"[#] [#x] [# 5] [#6", {}},
                                        {"[[#7]]", {7}}}) {
    CAPTURE(r.text);
    CHECK(store::citation_markers(r.text) == r.ids);
  }
}

// Two cases on five documents' worth of evidence, cells computed by hand:
//   D1 interview, whole in Jakarta: Legal + [0,10) + [47,57)
//   D2 news, whole in Jakarta AND Seoul: Legal - [0,10)
//   D3 interview, [0,100) in Seoul, [100,200) in Jakarta:
//      Legal + [20,30)            -> Seoul (inside)
//      Legal - [95,115)           -> Jakarta (15 of 20 inside), not Seoul (5 of 20)
//      Resources 0 [90,110)       -> both (exactly half in each)
//   D4 news, in no case: Legal + [0,10) -> counted nowhere by case
TEST_CASE("cases: triangulation split by case, and by source type within a case (hand-computed cells)") {
  Fixture f;
  const Id d1 = f.doc("interview", "D1"), d2 = f.doc("news", "D2"), d3 = f.doc("interview", "D3"),
           d4 = f.doc("news", "D4");
  f.code(d1, f.legal, 0, 10, Stance::supports);
  f.code(d1, f.legal, 47, 57, Stance::supports);
  f.code(d2, f.legal, 0, 10, Stance::contradicts);
  f.code(d3, f.legal, 20, 30, Stance::supports);
  f.code(d3, f.legal, 95, 115, Stance::contradicts);
  f.code(d3, f.resources, 90, 110, Stance::neutral);
  f.code(d4, f.legal, 0, 10, Stance::supports);
  store::add_case(*f.p, "Jakarta", "the city", {{"population", "number", "10.6"}});
  store::add_case(*f.p, "Seoul");
  store::assign_to_case(*f.p, "Jakarta", d1);
  store::assign_to_case(*f.p, "Jakarta", d2);
  store::assign_to_case(*f.p, "Seoul", d2);
  store::assign_to_case(*f.p, "Seoul", d3, 0, 100);
  store::assign_to_case(*f.p, "Jakarta", d3, 100, 200);
  CHECK_THROWS_AS(store::assign_to_case(*f.p, "Seoul", d2), ValidationError);  // there already
  CHECK_THROWS_AS(store::assign_to_case(*f.p, "Seoul", d3, 100, 5000), ValidationError);
  CHECK_THROWS_AS(store::assign_to_case(*f.p, "Busan", d3), NotFound);

  struct CellWant {
    std::string column;
    Id code;
    int64_t units, docs, supports, contradicts, neutral;
  };
  auto check_cells = [](const Matrix& m, const std::vector<CellWant>& want) {
    for (const auto& w : want) {
      CAPTURE(w.column);
      CAPTURE(w.code);
      const Cell& c = row(m, w.code).cells[static_cast<size_t>(column(m, w.column))];
      CHECK(c.codings == w.units);
      CHECK(c.documents == w.docs);
      CHECK(c.supports == w.supports);
      CHECK(c.contradicts == w.contradicts);
      CHECK(c.neutral == w.neutral);
    }
  };
  auto t = EvidenceTable::load(*f.p);
  const auto cases = store::cases(*f.p);  // by name: Jakarta, Seoul
  REQUIRE(cases.size() == 2);
  Settings s;  // k = 2, m = 1, prominence 3

  // Indicator x source type within each case.
  Matrix jak = triangulate_case(t, cases[0], {}, s);
  check_cells(jak, {{"interview", f.legal, 3, 2, 2, 1, 0},
                    {"news", f.legal, 1, 1, 0, 1, 0},
                    {"interview", f.resources, 1, 1, 0, 0, 1},
                    {"news", f.resources, 0, 0, 0, 0, 0}});
  CHECK(row(jak, f.legal).effective == Status::divergent);  // + against -
  CHECK(row(jak, f.resources).effective == Status::single_source);
  Matrix seo = triangulate_case(t, cases[1], {}, s);
  check_cells(seo, {{"interview", f.legal, 1, 1, 1, 0, 0},
                    {"news", f.legal, 1, 1, 0, 1, 0},
                    {"interview", f.resources, 1, 1, 0, 0, 1}});
  CHECK(row(seo, f.legal).effective == Status::divergent);
  CHECK(row(seo, f.resources).effective == Status::single_source);

  // Indicator x case.
  Matrix by = triangulate_by_case(t, cases, {}, s);
  CHECK(by.columns.dimension == "case");
  CHECK(by.columns.labels == std::vector<std::string>{"Jakarta", "Seoul"});
  check_cells(by, {{"Jakarta", f.legal, 4, 3, 2, 2, 0},
                   {"Seoul", f.legal, 2, 2, 1, 1, 0},
                   {"Jakarta", f.resources, 1, 1, 0, 0, 1},
                   {"Seoul", f.resources, 1, 1, 0, 0, 1},
                   {"Jakarta", f.goals, 0, 0, 0, 0, 0}});
  // Net 0 against net 0 with 4 <= 3 x 2: agreement; two cases with a document each: triangulated.
  REQUIRE(row(by, f.legal).pairs.size() == 1);
  CHECK(row(by, f.legal).pairs[0].effective == Convergence::agreement);
  CHECK(row(by, f.legal).effective == Status::triangulated);
  CHECK(row(by, f.resources).effective == Status::triangulated);
  CHECK(row(by, f.goals).effective == Status::gap);
  // The total is every case's evidence once (D2 in both cases counts once; D4 in none is left out):
  // Legal D1 2 + D2 1 + D3 2 = 5 units, Resources 1.
  CHECK(row(by, f.legal).total.codings == 5);
  CHECK(by.codings == 6);

  // A case without members has empty cells; removing a case and undoing it brings its members back.
  store::remove_case(*f.p, "Seoul");
  CHECK(store::cases(*f.p).size() == 1);
  f.p->undo();
  CHECK(store::find_case(*f.p, "Seoul").members.size() == 2);
  CHECK(store::unassign_from_case(*f.p, "Seoul", d3) == 1);
  CHECK(store::find_case(*f.p, "Seoul").members.size() == 1);
}

TEST_CASE("coding_in_part: at least half of the coding inside the part") {
  struct R {
    int64_t cs, ce, ps, pe;
    bool in;
  };
  for (const auto& r : std::vector<R>{{0, 10, 0, 10, true},
                                      {0, 10, 5, 20, true},   // exactly half
                                      {0, 10, 6, 20, false},  // 4 of 10
                                      {95, 115, 100, 200, true},
                                      {95, 115, 0, 100, false},
                                      {10, 20, 20, 30, false},  // touching
                                      {0, 100, 40, 50, false}}) {
    CAPTURE(r.cs);
    CAPTURE(r.ps);
    CHECK(coding_in_part(r.cs, r.ce, r.ps, r.pe) == r.in);
  }
}

TEST_CASE("cases CSV: typed columns; a bad row names the row and nothing is imported") {
  Fixture f;
  const std::string good =
      "\xEF\xBB\xBFname,description,population:number,joined:date,active:boolean,region\r\n"
      "Jakarta,\"the capital, DKI\",10.6,1984-04-23,true,Java\r\n"
      "Seoul,,9.7,,false,\r\n";
  auto rows = exchange::parse_cases_csv(good);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].line == 2);
  CHECK(rows[0].description == "the capital, DKI");
  REQUIRE(rows[0].attributes.size() == 4);
  CHECK(rows[0].attributes[0].type == "number");
  CHECK(rows[1].attributes.size() == 2);  // empty cells stay unset
  CHECK(store::import_cases(*f.p, rows, "") == 2);
  auto jak = store::find_case(*f.p, "Jakarta");
  std::map<std::string, std::string> a;
  for (const auto& at : jak.attributes) a[at.name] = at.type + ":" + at.value;
  CHECK(a == std::map<std::string, std::string>{{"active", "boolean:true"},
                                                {"joined", "date:1984-04-23"},
                                                {"population", "number:10.6"},
                                                {"region", "text:Java"}});
  f.p->undo();
  CHECK(store::cases(*f.p).empty());

  struct Bad {
    std::string csv, row;
  };
  for (const auto& b : std::vector<Bad>{{"name,population:number\nJakarta,10\nSeoul,many\n", "row 3"},
                                        {"name,joined:date\nJakarta,2015-02-30\n", "row 2"},
                                        {"name,x\nJakarta,1\nSeoul\n", "row 3"},
                                        {"name\nJakarta\nJakarta\n", "row 3"},
                                        {"name\nJakarta\n  \n", ""},  // a row of blanks is a case without a name
                                        {"city\nJakarta\n", "row 1"},
                                        {"name,x:colour\nJakarta,red\n", "row 1"},
                                        {"name,active:boolean\nJakarta,yes\n", "row 2"}}) {
    CAPTURE(b.csv);
    if (b.row.empty()) {
      CHECK(exchange::parse_cases_csv(b.csv).size() == 2);
      CHECK_THROWS_WITH_AS(store::import_cases(*f.p, exchange::parse_cases_csv(b.csv), ""), doctest::Contains("row 3"),
                           ValidationError);
      continue;
    }
    try {
      store::import_cases(*f.p, exchange::parse_cases_csv(b.csv), "");
      FAIL("accepted");
    } catch (const ValidationError& e) {
      CHECK(std::string(e.what()).find(b.row + ":") != std::string::npos);
    }
    CHECK(store::cases(*f.p).empty());
  }
}

TEST_CASE("CLI: cases import-csv with a bad row exits 1, names the row and imports nothing; links and summaries") {
  Fixture f;
  const Id d = f.doc("interview", "Wawancara B"), n = f.doc("news", "Berita");
  const Id a = f.code(d, f.legal, 0, 10, Stance::supports), b = f.code(n, f.legal, 0, 10, Stance::supports);
  const std::string file = (f.dir / "t.telaah").string();
  f.p.reset();
  const std::string bin = TELAAH_BINARY;
  exchange_test::spit(f.dir / "bad.csv", "name,population:number\nJakarta,10.6\nSeoul,banyak\n");
  auto r = test::run({bin, "cases", file, "import-csv", (f.dir / "bad.csv").string()});
  CHECK(r.status == 1);
  CHECK(r.err.find("row 3") != std::string::npos);
  r = test::run({bin, "cases", file, "ls", "--json"});
  CHECK(r.status == 0);
  CHECK(nlohmann::json::parse(r.out)["cases"].empty());
  exchange_test::spit(f.dir / "good.csv", "name,population:number\nJakarta,10.6\nSeoul,9.7\n");
  CHECK(test::run({bin, "cases", file, "import-csv", (f.dir / "good.csv").string()}).status == 0);
  CHECK(test::run({bin, "cases", file, "assign", "Jakarta", "Wawancara B"}).status == 0);
  r = test::run({bin, "triangulate", file, "--by-case", "--json"});
  CHECK(r.status == 0);
  r = test::run({bin, "links", file, "add", std::to_string(a), std::to_string(b), "--type", "corroborates", "--json"});
  CHECK(r.status == 0);
  CHECK(nlohmann::json::parse(r.out)["link"]["type"] == "corroborates");
  r = test::run({bin, "links", file, "add", std::to_string(b), std::to_string(a)});
  CHECK(r.status == 1);  // the same undirected link
  r = test::run({bin, "summaries", file, "set", "--indicator", "Legal infrastructure", "--type", "news", "--text",
                 "News agrees", "--cite", std::to_string(b), "--json"});
  CHECK(r.status == 0);
  CHECK(nlohmann::json::parse(r.out)["summary"]["citations"][0]["valid"] == true);
  r = test::run({bin, "summaries", file, "ls", "--format", "csv"});
  CHECK(r.status == 0);
  CHECK(r.out.find("News agrees [#" + std::to_string(b) + "]") != std::string::npos);
  r = test::run({bin, "impediments", file, "ls", "--json"});
  CHECK(r.status == 0);
  r = test::run({bin, "impediments", file, "attach", std::to_string(a), "--indicator", "Resources"});
  CHECK(r.status == 1);  // not an impediment coding
}

TEST_CASE("REFI-QDA: links and cases round trip, and the export validates") {
  Fixture f;
  const Id d = f.doc("interview", "Wawancara B"), n = f.doc("news", "Berita");
  const Id a = f.code(d, f.legal, 0, 10, Stance::supports), b = f.code(n, f.legal, 0, 10, Stance::supports);
  const Id c = f.code(d, f.impediment, 47, 60);
  store::add_link(*f.p, a, b, "corroborates", "same figure");
  store::add_link(*f.p, c, a, "impedes");
  store::add_link_type(*f.p, "follows up", true, "#123456");
  store::add_link(*f.p, b, c, "follows up");
  store::add_case(*f.p, "Jakarta", "the capital",
                  {{"population", "number", "10.6"}, {"joined", "date", "1984-04-23"}, {"active", "boolean", "true"}});
  store::add_case(*f.p, "Informant B");
  store::assign_to_case(*f.p, "Jakarta", n);
  store::assign_to_case(*f.p, "Informant B", d, 0, 100);
  store::assign_to_case(*f.p, "Jakarta", d, 47, 140);

  const auto t = f.dir / "x.qdpx";
  exchange::export_qdpx(*f.p, t);
  if (exchange_test::shared_present() && exchange_test::have_xmllint()) {
    exchange_test::spit(f.dir / "project.qde", exchange_test::zip_entry(t, "project.qde"));
    CHECK(exchange_test::xsd_validate(f.dir / "project.qde", "Project.xsd") == 0);
  }
  auto report = exchange::import_refi(t, f.dir / "y.telaah");
  MESSAGE(report.to_text());
  auto q = store::Project::open(f.dir / "y.telaah");
  // Codings map by (document title, start, code name).
  auto key = [](const store::Project& p, Id coding) {
    auto c = p.coding(coding);
    return p.document(c.doc).title + "@" + std::to_string(c.start) + ":" + p.code(c.code).name;
  };
  auto links = [&](const store::Project& p) {
    std::set<std::string> out;
    for (const auto& l : store::all_links(p))
      out.insert(key(p, l.from) + " " + l.type_name + (l.directed ? ">" : "-") + " " + key(p, l.to) + " " + l.memo);
    return out;
  };
  CHECK(links(*q) == links(*f.p));
  CHECK(links(*q).size() == 3);
  CHECK(store::link_type(*q, "follows up").colour == "#123456");
  auto cases = [](const store::Project& p) {
    std::set<std::string> out;
    for (const auto& c : store::cases(p)) {
      std::string s = c.name + "|" + c.description;
      for (const auto& a : c.attributes) s += "|" + a.name + "=" + a.type + ":" + a.value;
      for (const auto& m : c.members)
        s += "|" + p.document(m.doc).title +
             (m.start ? "[" + std::to_string(*m.start) + "," + std::to_string(*m.end) + ")" : "");
      out.insert(s);
    }
    return out;
  };
  CHECK(cases(*q) == cases(*f.p));
  CHECK(cases(*q).size() == 2);
  // The case parts are not codings: the imported project has the same three.
  CHECK(q->codings().size() == 3);
}
