// Triangulation: the convergence rules (table-driven, every label and status,
// ties, neutral-only evidence, m, k, the prominence boundary), the matrix over
// small projects built with the model API (roll-up, attribute columns, coder
// and date filters), overrides and their undo, the evidence table's
// incremental refresh, co-occurrence, and the sample project's pattern.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "analysis/cooccurrence.h"
#include "analysis/evidence.h"
#include "analysis/overrides.h"
#include "analysis/triangulation.h"
#include "store/project.h"
#if __has_include("sample/sample.h")
#include "sample/sample.h"
#define TELAAH_HAVE_SAMPLE 1
#endif

namespace fs = std::filesystem;
using namespace telaah;
using namespace telaah::analysis;
using store::Id;
using store::Stance;

namespace {

// A cell from "supports-contradicts-neutral" counts; documents default to 1 per coding.
Cell cell(int64_t s, int64_t c, int64_t n, int64_t docs = -1) {
  Cell x;
  x.supports = s;
  x.contradicts = c;
  x.neutral = n;
  x.codings = s + c + n;
  x.documents = docs < 0 ? x.codings : docs;
  return x;
}

// A throw-away project with a small framework: two variables, three
// indicators (one with two sub-codes) and an Impediment code.
struct Fixture {
  fs::path dir;
  std::unique_ptr<store::Project> p;
  Id input = 0, legal = 0, resources = 0, output = 0, goals = 0, exports = 0, benefits = 0, impediment = 0;
  static inline int serial = 0;

  Fixture() {
    dir = fs::temp_directory_path() / ("telaah-tri-" + std::to_string(::getpid()) + "-" + std::to_string(serial++));
    fs::remove_all(dir);
    fs::create_directories(dir);
    store::OpenOptions o;
    o.coder = "ayu";
    p = store::Project::create(dir / "t.telaah", o);
    auto ids = p->load_codebook(nlohmann::json::parse(R"({"codes":[
      {"name":"Input","kind":"variable","children":[
        {"name":"Legal infrastructure","kind":"indicator"},
        {"name":"Resources","kind":"indicator"}]},
      {"name":"Output","kind":"variable","children":[
        {"name":"Trade goals reached","kind":"indicator","children":[
          {"name":"Export performance"},{"name":"Distribution of benefits"}]}]},
      {"name":"Impediment","aliases":["Hambatan"]}]})"));
    input = p->resolve_code("Input");
    legal = p->resolve_code("Input/Legal infrastructure");
    resources = p->resolve_code("Input/Resources");
    output = p->resolve_code("Output");
    goals = p->resolve_code("Output/Trade goals reached");
    exports = p->resolve_code("Output/Trade goals reached/Export performance");
    benefits = p->resolve_code("Output/Trade goals reached/Distribution of benefits");
    impediment = p->resolve_code("Impediment");
  }
  ~Fixture() {
    p.reset();
    fs::remove_all(dir);
  }

  Id doc(const std::string& type, const std::string& date = "", std::vector<store::Attribute> attrs = {}) {
    store::NewDocument d;
    d.title = type + " " + std::to_string(p->documents().size() + 1);
    d.source_type = type;
    d.date = date;
    d.attributes = std::move(attrs);
    for (int i = 0; i < 20; ++i) d.text += "Paragraph " + std::to_string(i) + " says something worth coding here.\n\n";
    return p->add_document(d);
  }

  // n codings of `code` in `doc`, at distinct places, by `coder`: spans of 10
  // code points 12 apart, so no two share a passage (the same-passage rule
  // would otherwise join them into one evidence unit).
  void code(Id doc, Id code, Stance s, int n = 1, const std::string& coder = "ayu") {
    std::vector<store::Coding> cs;
    Id k = p->ensure_coder(coder);
    for (int i = 0; i < n; ++i) {
      store::Coding c;
      c.doc = doc;
      c.code = code;
      c.coder = k;
      c.stance = s;
      c.start = (next_++ * 12) % 900;
      c.end = c.start + 10;
      cs.push_back(c);
    }
    p->add_codings(cs, "test codings");
  }

  Matrix matrix(Query q = {}, Settings s = {}) {
    auto t = EvidenceTable::load(*p);
    auto m = triangulate(t, q, s);
    apply_overrides(m, load_overrides(*p));
    return m;
  }

 private:
  int64_t next_ = 0;
};

const Row& row(const Matrix& m, Id code) {
  const Row* r = m.find(code);
  REQUIRE(r != nullptr);
  return *r;
}

const Pair& pair(const Row& r, const Matrix& m, const std::string& a, const std::string& b) {
  for (const auto& p : r.pairs) {
    const auto& la = m.columns.labels[static_cast<size_t>(p.a)];
    const auto& lb = m.columns.labels[static_cast<size_t>(p.b)];
    if ((la == a && lb == b) || (la == b && lb == a)) return p;
  }
  FAIL("no pair " << a << "/" << b);
  return r.pairs.front();
}

}  // namespace

TEST_CASE("convergence labels: every label, ties, neutral-only evidence and the prominence boundary") {
  struct Case {
    const char* what;
    Cell a, b;
    double prominence;
    Convergence want;
  };
  const Case cases[] = {
      {"neither side has evidence", cell(0, 0, 0), cell(0, 0, 0), 3, Convergence::none},
      {"one side silent", cell(3, 0, 0), cell(0, 0, 0), 3, Convergence::silence},
      {"other side silent", cell(0, 0, 0), cell(0, 2, 1), 3, Convergence::silence},
      {"neutral-only against nothing is silence", cell(0, 0, 2), cell(0, 0, 0), 3, Convergence::silence},
      {"opposite net stances", cell(4, 1, 0), cell(0, 3, 0), 3, Convergence::dissonance},
      {"opposite, very different prominence is still dissonance", cell(20, 0, 0), cell(0, 1, 0), 3,
       Convergence::dissonance},
      {"same direction, comparable", cell(3, 0, 0), cell(2, 0, 1), 3, Convergence::agreement},
      {"both negative, comparable", cell(0, 8, 0), cell(0, 8, 2), 3, Convergence::agreement},
      {"prominence exactly at the ratio", cell(9, 0, 0), cell(3, 0, 0), 3, Convergence::agreement},
      {"prominence just over the ratio", cell(10, 0, 0), cell(3, 0, 0), 3, Convergence::partial},
      {"the corpus case 14 vs 4", cell(12, 0, 2), cell(3, 0, 1), 3, Convergence::partial},
      {"a tighter ratio", cell(3, 0, 0), cell(2, 0, 0), 1.5, Convergence::agreement},
      {"a tighter ratio, over", cell(4, 0, 0), cell(2, 0, 0), 1.5, Convergence::partial},
      {"tie (net 0) against support", cell(2, 2, 0), cell(3, 0, 0), 3, Convergence::partial},
      {"tie against contradiction is not dissonance", cell(1, 1, 0), cell(0, 2, 0), 3, Convergence::partial},
      {"tie against tie", cell(1, 1, 0), cell(2, 2, 1), 3, Convergence::agreement},
      {"neutral-only on both sides", cell(0, 0, 2), cell(0, 0, 3), 3, Convergence::agreement},
      {"neutral-only on both sides, very different prominence", cell(0, 0, 1), cell(0, 0, 7), 3, Convergence::partial},
      {"neutral-only against contradiction", cell(0, 0, 2), cell(0, 2, 0), 3, Convergence::partial},
      {"mixed but net positive against net negative", cell(3, 2, 0), cell(1, 4, 0), 3, Convergence::dissonance},
  };
  for (const auto& c : cases) {
    CAPTURE(c.what);
    Settings s;
    s.prominence = c.prominence;
    CHECK(convergence(c.a, c.b, s) == c.want);
    CHECK(convergence(c.b, c.a, s) == c.want);  // symmetric
  }
}

TEST_CASE("indicator status: gap, single-source, triangulated, divergent, insufficient; k and m") {
  struct Case {
    const char* what;
    std::vector<Cell> cells;
    int k, m;
    Status want;
  };
  const Case cases[] = {
      {"no evidence", {cell(0, 0, 0), cell(0, 0, 0), cell(0, 0, 0)}, 2, 1, Status::gap},
      {"one column", {cell(5, 0, 0), cell(0, 0, 0), cell(0, 0, 0)}, 2, 1, Status::single_source},
      {"one column of neutral evidence", {cell(0, 0, 0), cell(0, 0, 0), cell(0, 0, 1)}, 2, 1, Status::single_source},
      {"two columns agree", {cell(5, 0, 0), cell(3, 0, 0), cell(0, 0, 0)}, 2, 1, Status::triangulated},
      {"two columns, partial agreement still triangulates",
       {cell(14, 0, 0), cell(2, 0, 0), cell(0, 0, 0)},
       2,
       1,
       Status::triangulated},
      {"neutral-only in two columns", {cell(0, 0, 2), cell(0, 0, 1), cell(0, 0, 0)}, 2, 1, Status::triangulated},
      {"a dissonant pair", {cell(5, 0, 0), cell(0, 4, 0), cell(3, 0, 0)}, 2, 1, Status::divergent},
      {"dissonance wins over thresholds not met", {cell(1, 0, 0, 1), cell(0, 1, 0, 1)}, 3, 2, Status::divergent},
      {"k = 3 with two columns", {cell(5, 0, 0), cell(3, 0, 0), cell(0, 0, 0)}, 3, 1, Status::insufficient},
      {"k = 3 with three columns", {cell(5, 0, 0), cell(3, 0, 0), cell(2, 0, 1)}, 3, 1, Status::triangulated},
      {"m = 2: one document per column", {cell(3, 0, 0, 1), cell(2, 0, 0, 1)}, 2, 2, Status::insufficient},
      {"m = 2: only one column reaches it", {cell(3, 0, 0, 2), cell(2, 0, 0, 1)}, 2, 2, Status::insufficient},
      {"m = 2: both columns reach it", {cell(3, 0, 0, 2), cell(2, 0, 0, 2)}, 2, 2, Status::triangulated},
      {"m = 1 and a one-document column", {cell(3, 0, 0, 1), cell(2, 0, 0, 1)}, 2, 1, Status::triangulated},
      {"single column with many documents is still single-source",
       {cell(9, 0, 0, 9), cell(0, 0, 0)},
       2,
       1,
       Status::single_source},
  };
  for (const auto& c : cases) {
    CAPTURE(c.what);
    Settings s;
    s.k = c.k;
    s.m = c.m;
    std::vector<Convergence> labels;
    for (size_t a = 0; a < c.cells.size(); ++a)
      for (size_t b = a + 1; b < c.cells.size(); ++b) labels.push_back(convergence(c.cells[a], c.cells[b], s));
    CHECK(status(c.cells, labels, s) == c.want);
  }
}

TEST_CASE("label and status names round-trip; bad names and settings are clear errors") {
  for (auto c : {Convergence::agreement, Convergence::partial, Convergence::silence, Convergence::dissonance})
    CHECK(convergence_from_string(to_string(c)) == c);
  for (auto s : {Status::gap, Status::single_source, Status::insufficient, Status::triangulated, Status::divergent})
    CHECK(status_from_string(to_string(s)) == s);
  CHECK(convergence_from_string("partial") == Convergence::partial);
  CHECK_THROWS_AS(convergence_from_string("agree"), ValidationError);
  CHECK_THROWS_AS(status_from_string("done"), ValidationError);
  Settings s;
  s.k = 1;
  CHECK_THROWS_AS(validate(s), ValidationError);
  s = {};
  s.m = 0;
  CHECK_THROWS_AS(validate(s), ValidationError);
  s = {};
  s.prominence = 0.5;
  CHECK_THROWS_AS(validate(s), ValidationError);

  Fixture f;
  CHECK(settings_from_project(*f.p).k == 2);
  f.p->set_setting("triangulation.k", "3");
  f.p->set_setting("triangulation.m", "2");
  f.p->set_setting("triangulation.prominence", "2.5");
  auto got = settings_from_project(*f.p);
  CHECK(got.k == 3);
  CHECK(got.m == 2);
  CHECK(got.prominence == doctest::Approx(2.5));
  f.p->set_setting("triangulation.k", "three");
  CHECK_THROWS_WITH_AS(settings_from_project(*f.p), doctest::Contains("triangulation.k"), ValidationError);
}

TEST_CASE("the matrix of a small project: counts, documents, stances, roll-up") {
  Fixture f;
  Id i1 = f.doc("interview"), i2 = f.doc("interview"), n1 = f.doc("news"), o1 = f.doc("official");
  f.code(i1, f.legal, Stance::contradicts, 2);
  f.code(i2, f.legal, Stance::contradicts, 1);
  f.code(n1, f.legal, Stance::contradicts, 1);
  // Sub-code evidence rolls up: two sub-codes in the same document count one document.
  f.code(i1, f.exports, Stance::contradicts, 2);
  f.code(i1, f.benefits, Stance::contradicts, 1);
  f.code(o1, f.exports, Stance::supports, 3);
  f.code(o1, f.goals, Stance::supports, 1);
  f.code(i1, f.impediment, Stance::neutral, 1);  // not an indicator: no row
  auto m = f.matrix();
  REQUIRE(m.columns.labels == std::vector<std::string>{"interview", "news", "official"});
  REQUIRE(m.rows.size() == 3);  // the indicators, in tree order
  CHECK(m.rows[0].code_id == f.legal);
  CHECK(m.rows[1].code_id == f.resources);
  CHECK(m.rows[2].code_id == f.goals);

  const Row& legal = row(m, f.legal);
  CHECK(legal.cells[0].codings == 3);
  CHECK(legal.cells[0].documents == 2);
  CHECK(legal.cells[0].contradicts == 3);
  CHECK(legal.cells[1].codings == 1);
  CHECK(legal.cells[2].codings == 0);
  CHECK(legal.total.documents == 3);
  CHECK(pair(legal, m, "interview", "news").automatic == Convergence::agreement);
  CHECK(pair(legal, m, "interview", "official").automatic == Convergence::silence);
  CHECK(legal.automatic == Status::triangulated);

  CHECK(row(m, f.resources).automatic == Status::gap);

  const Row& goals = row(m, f.goals);
  CHECK(goals.cells[0].codings == 3);
  CHECK(goals.cells[0].documents == 1);
  CHECK(goals.cells[2].codings == 4);
  CHECK(goals.cells[2].supports == 4);
  CHECK(pair(goals, m, "interview", "official").automatic == Convergence::dissonance);
  CHECK(goals.automatic == Status::divergent);
  CHECK(m.codings == 11);  // the Impediment coding is not in an indicator row

  // The rows behind a cell, for drilling into the quotes.
  auto t = EvidenceTable::load(*f.p);
  auto m2 = triangulate(t, {}, {});
  CHECK(cell_rows(t, m2, t.code_index(f.goals), 0).size() == 3);
  CHECK(cell_rows(t, m2, t.code_index(f.goals), -1).size() == 7);

  // Every roll-up target as a row (Impediment, the variables).
  Query all;
  all.all_codes = true;
  auto ma = f.matrix(all);
  CHECK(ma.find(f.impediment) != nullptr);
  CHECK(row(ma, f.impediment).cells[0].codings == 1);
  CHECK(ma.find(f.exports) == nullptr);  // a sub-code is never a row of its own
}

TEST_CASE("settings change labels and statuses: k = 3, m = 2, prominence") {
  Fixture f;
  Id a = f.doc("interview"), b = f.doc("news"), c = f.doc("news");
  f.code(a, f.legal, Stance::supports, 7);
  f.code(b, f.legal, Stance::supports, 1);
  f.code(c, f.legal, Stance::supports, 1);
  Settings s;
  CHECK(row(f.matrix({}, s), f.legal).automatic == Status::triangulated);
  CHECK(pair(row(f.matrix({}, s), f.legal), f.matrix({}, s), "interview", "news").automatic ==
        Convergence::partial);  // 7 vs 2
  s.prominence = 3.5;
  auto m = f.matrix({}, s);
  CHECK(pair(row(m, f.legal), m, "interview", "news").automatic == Convergence::agreement);  // 7 <= 3.5 * 2
  s = {};
  s.k = 3;
  CHECK(row(f.matrix({}, s), f.legal).automatic == Status::insufficient);
  s = {};
  s.m = 2;
  CHECK(row(f.matrix({}, s), f.legal).automatic == Status::insufficient);  // the interview column has one document
  Id a2 = f.doc("interview");
  f.code(a2, f.legal, Stance::neutral, 1);
  CHECK(row(f.matrix({}, s), f.legal).automatic == Status::triangulated);
}

TEST_CASE("columns by attribute, year, and the coder and date filters") {
  Fixture f;
  Id a = f.doc("news", "2012-03-01", {{"outlet", "text", "Warta Niaga"}});
  Id b = f.doc("news", "2014-07", {{"outlet", "text", "Harian Ibukota"}});
  Id c = f.doc("interview", "2015");  // no outlet
  Id d = f.doc("official");           // no date
  f.code(a, f.legal, Stance::supports, 2);
  f.code(b, f.legal, Stance::contradicts, 1);
  f.code(c, f.legal, Stance::supports, 1);
  f.code(d, f.legal, Stance::supports, 1);
  f.code(a, f.legal, Stance::contradicts, 3, "bima");

  Query q;
  q.by = "outlet";
  q.coders = {"ayu"};
  auto m = f.matrix(q);
  CHECK(m.columns.dimension == "outlet");
  CHECK(m.columns.labels == std::vector<std::string>{"Harian Ibukota", "Warta Niaga"});
  CHECK(row(m, f.legal).cells[0].contradicts == 1);
  CHECK(row(m, f.legal).cells[1].supports == 2);
  CHECK(m.unassigned == 2);  // the interview and the official document have no outlet
  CHECK(pair(row(m, f.legal), m, "Harian Ibukota", "Warta Niaga").automatic == Convergence::dissonance);

  q.by = "year";
  m = f.matrix(q);
  CHECK(m.columns.labels == std::vector<std::string>{"2012", "2014", "2015"});
  CHECK(m.unassigned == 1);  // the undated document

  q.by = "type";
  q.coders = {};
  m = f.matrix(q);
  CHECK(row(m, f.legal).cells[1].codings == 6);  // both coders
  q.coders = {"bima"};
  m = f.matrix(q);
  CHECK(row(m, f.legal).cells[1].codings == 3);
  CHECK(row(m, f.legal).cells[0].codings == 0);
  q.coders = {"nobody"};
  CHECK_THROWS_AS(f.matrix(q), NotFound);

  q.coders = {"ayu"};
  q.from = "2013";
  q.to = "2015-12-31";
  m = f.matrix(q);
  CHECK(row(m, f.legal).cells[0].codings == 1);  // 2015 interview
  CHECK(row(m, f.legal).cells[1].codings == 1);  // 2014-07 news
  CHECK(row(m, f.legal).cells[2].codings == 0);  // undated: outside any range
  q.from = "2014-08";
  q.to = "";
  m = f.matrix(q);
  CHECK(row(m, f.legal).cells[1].codings == 0);
  CHECK(row(m, f.legal).cells[0].codings == 1);
  q.from = "2016";
  q.to = "2012";
  CHECK_THROWS_AS(f.matrix(q), ValidationError);
  q.from = "12/2013";
  CHECK_THROWS_AS(f.matrix(q), ValidationError);

  Query bad;
  bad.by = "informant";
  CHECK_THROWS_WITH_AS(f.matrix(bad), doctest::Contains("outlet"), NotFound);  // lists what exists

  // Every coder counts (deduplicated) unless triangulation.coders says
  // otherwise; the session's default_coder does not narrow the matrix.
  auto t = EvidenceTable::load(*f.p);
  CHECK(default_coders(*f.p, t).empty());
  f.p->set_setting("default_coder", "ayu");
  CHECK(default_coders(*f.p, t).empty());
  f.p->set_setting("triangulation.coders", "ayu, bima");
  CHECK(default_coders(*f.p, t) == std::vector<std::string>{"ayu", "bima"});
  f.p->set_setting("triangulation.coders", "all");
  CHECK(default_coders(*f.p, t).empty());
}

TEST_CASE("overrides: a pair label, a status, replace, undo and redo, validation") {
  Fixture f;
  Id a = f.doc("interview"), b = f.doc("official");
  f.code(a, f.goals, Stance::contradicts, 2);
  f.code(b, f.exports, Stance::supports, 3);
  f.p->set_attribute(a, {"role", "text", "exporter"});
  f.p->set_attribute(b, {"role", "text", "bureau"});
  auto t = EvidenceTable::load(*f.p);
  auto m = f.matrix();
  REQUIRE(row(m, f.goals).automatic == Status::divergent);

  set_override(*f.p, t, f.goals, "type", "official", "interview", "partial agreement",
               "statistics count exports, exporters talk about who benefits: different questions");
  m = f.matrix();
  const Row& r = row(m, f.goals);
  const Pair& p = pair(r, m, "interview", "official");
  CHECK(p.automatic == Convergence::dissonance);
  REQUIRE(p.override.has_value());
  CHECK(p.effective == Convergence::partial);
  CHECK(r.automatic == Status::divergent);
  CHECK(r.effective == Status::triangulated);  // recomputed from the effective labels
  CHECK(r.overridden());

  // Replacing keeps one row; a status override wins over the derived status.
  set_override(*f.p, t, f.goals, "type", "interview", "official", "silence", "second thoughts");
  CHECK(load_overrides(*f.p).size() == 1);
  set_override(*f.p, t, f.goals, "type", "", "", "divergent", "the dispute is the finding");
  m = f.matrix();
  CHECK(row(m, f.goals).status_override.has_value());
  CHECK(row(m, f.goals).effective == Status::divergent);

  // Overrides of another dimension do not apply to source-type columns.
  set_override(*f.p, t, f.goals, "role", "exporter", "bureau", "agreement", "role view");
  m = f.matrix();
  CHECK(pair(row(m, f.goals), m, "interview", "official").effective == Convergence::silence);

  // Undo and redo, one action per override.
  CHECK(f.p->undo_label().value().find("Override") != std::string::npos);
  f.p->undo();
  f.p->undo();
  m = f.matrix();
  CHECK_FALSE(row(m, f.goals).status_override.has_value());
  CHECK(pair(row(m, f.goals), m, "interview", "official").effective == Convergence::silence);
  f.p->undo();
  m = f.matrix();
  CHECK(pair(row(m, f.goals), m, "interview", "official").effective == Convergence::partial);
  f.p->redo();
  m = f.matrix();
  CHECK(pair(row(m, f.goals), m, "interview", "official").effective == Convergence::silence);
  clear_override(*f.p, f.goals, "type", "official", "interview");
  m = f.matrix();
  CHECK_FALSE(pair(row(m, f.goals), m, "interview", "official").override.has_value());
  CHECK(row(m, f.goals).effective == Status::divergent);
  f.p->undo();
  CHECK(load_overrides(*f.p).size() == 1);

  const int64_t rev = f.p->revision();
  CHECK_THROWS_AS(set_override(*f.p, t, f.goals, "type", "interview", "official", "agreement", " "), ValidationError);
  CHECK_THROWS_AS(set_override(*f.p, t, f.goals, "type", "interview", "official", "agree", "memo"), ValidationError);
  CHECK_THROWS_AS(set_override(*f.p, t, f.goals, "type", "interview", "radio", "agreement", "memo"), NotFound);
  CHECK_THROWS_AS(set_override(*f.p, t, f.goals, "type", "interview", "interview", "agreement", "memo"),
                  ValidationError);
  CHECK_THROWS_AS(set_override(*f.p, t, f.goals, "type", "", "", "agreement", "memo"),
                  ValidationError);                                                                   // not a status
  CHECK_THROWS_AS(set_override(*f.p, t, f.exports, "type", "", "", "gap", "memo"), ValidationError);  // a sub-code
  CHECK_THROWS_AS(clear_override(*f.p, f.legal, "type", "", ""), NotFound);
  CHECK(f.p->revision() == rev);  // nothing was written
}

TEST_CASE("the evidence table refreshes incrementally to exactly what a full load gives") {
  Fixture f;
  Id a = f.doc("interview", "2013"), b = f.doc("news"), c = f.doc("official");
  f.code(a, f.legal, Stance::supports, 3);
  f.code(b, f.exports, Stance::contradicts, 2);
  auto t = EvidenceTable::load(*f.p);
  CHECK(t.size() == 5);
  CHECK_FALSE(t.refresh(*f.p));
  CHECK(t.revision() == f.p->revision());

  auto same = [&](const EvidenceTable& x, const EvidenceTable& y) {
    REQUIRE(x.size() == y.size());
    std::map<Id, std::tuple<Id, Id, std::string, int64_t, int64_t, Stance>> rx, ry;
    for (size_t i = 0; i < x.size(); ++i)
      rx[x.row_id[i]] = {x.doc_id[static_cast<size_t>(x.row_doc[i])],
                         x.code_id[static_cast<size_t>(x.row_code[i])],
                         x.coder_name[static_cast<size_t>(x.row_coder[i])],
                         x.row_start[i],
                         x.row_end[i],
                         x.row_stance[i]};
    for (size_t i = 0; i < y.size(); ++i)
      ry[y.row_id[i]] = {y.doc_id[static_cast<size_t>(y.row_doc[i])],
                         y.code_id[static_cast<size_t>(y.row_code[i])],
                         y.coder_name[static_cast<size_t>(y.row_coder[i])],
                         y.row_start[i],
                         y.row_end[i],
                         y.row_stance[i]};
    CHECK(rx == ry);
    for (size_t i = 1; i < x.size(); ++i) {  // the (document, start) order holds
      CHECK(x.row_doc[i - 1] <= x.row_doc[i]);
      if (x.row_doc[i - 1] == x.row_doc[i]) CHECK(x.row_start[i - 1] <= x.row_start[i]);
    }
    for (size_t d = 0; d < y.doc_count(); ++d) {
      int32_t xd = x.doc_index(y.doc_id[d]);
      REQUIRE(xd >= 0);
      CHECK(x.doc_live[static_cast<size_t>(xd)] == y.doc_live[d]);
      CHECK(x.type_name[static_cast<size_t>(x.doc_type[static_cast<size_t>(xd)])] ==
            y.type_name[static_cast<size_t>(y.doc_type[d])]);
      CHECK(x.doc_date[static_cast<size_t>(xd)] == y.doc_date[d]);
    }
    Query q;
    auto mx = triangulate(x, q, {}), my = triangulate(y, q, {});
    for (size_t r = 0; r < my.rows.size(); ++r)
      for (size_t k = 0; k < my.rows[r].cells.size(); ++k) {
        CHECK(mx.rows[r].cells[k].codings == my.rows[r].cells[k].codings);
        CHECK(mx.rows[r].cells[k].documents == my.rows[r].cells[k].documents);
      }
  };

  struct Step {
    const char* what;
    std::function<void()> run;
  };
  std::vector<Step> steps = {
      {"add codings", [&] { f.code(c, f.goals, Stance::supports, 2); }},
      {"change a stance", [&] { f.p->set_stance(f.p->codings().front().id, Stance::neutral); }},
      {"remove a coding", [&] { f.p->remove_coding(f.p->codings().back().id); }},
      {"move a document to another source type", [&] { f.p->set_document_field(b, "source_type", "official"); }},
      {"change a date", [&] { f.p->set_document_field(a, "date", "2016-02-03"); }},
      {"set an attribute",
       [&] {
         f.p->set_attribute(c, {"outlet", "text", "Warta Niaga"});
       }},
      {"delete a document", [&] { f.p->delete_document(a); }},
      {"undo the deletion", [&] { f.p->undo(); }},
      {"a new source type and document",
       [&] {
         f.p->add_source_type("observation", "#123456");
         f.code(f.doc("observation"), f.resources, Stance::supports, 1);
       }},
      {"merge a sub-code into its indicator", [&] { f.p->merge_codes(f.exports, f.goals); }},
      {"move a code out of its indicator", [&] { f.p->move_code(f.benefits, std::nullopt, 0); }},
      {"delete a code with its codings", [&] { f.p->delete_code(f.legal); }},
      {"undo twice",
       [&] {
         f.p->undo();
         f.p->undo();
       }},
  };
  for (auto& s : steps) {
    CAPTURE(s.what);
    s.run();
    CHECK(t.refresh(*f.p));
    CHECK(t.revision() == f.p->revision());
    same(t, EvidenceTable::load(*f.p));
  }
  // Roll-up follows the codebook: the last undo put "Distribution of benefits"
  // back under its indicator; moving it out makes it its own roll-up target.
  const int32_t ben = t.code_index(f.benefits), goals = t.code_index(f.goals);
  CHECK(t.code_rollup[static_cast<size_t>(ben)] == goals);
  f.p->move_code(f.benefits, std::nullopt, 0);
  CHECK(t.refresh(*f.p));
  CHECK(t.code_rollup[static_cast<size_t>(ben)] == ben);
  CHECK(t.code_rollup[static_cast<size_t>(goals)] == goals);
  same(t, EvidenceTable::load(*f.p));
}

TEST_CASE("co-occurrence by sort-and-sweep equals the pairwise definition") {
  Fixture f;
  Id a = f.doc("interview"), b = f.doc("news");
  Id k = f.p->ensure_coder("ayu");
  struct Span {
    Id doc, code;
    int64_t s, e;
  };
  std::vector<Span> spans = {{a, f.legal, 0, 50},  {a, f.impediment, 10, 20}, {a, f.exports, 15, 60},
                             {a, f.legal, 49, 55}, {a, f.goals, 60, 70},      {a, f.legal, 100, 120},
                             {b, f.legal, 0, 10},  {b, f.impediment, 10, 20}, {b, f.goals, 5, 15},
                             {b, f.goals, 5, 15}};
  std::vector<store::Coding> cs;
  for (const auto& s : spans) {
    store::Coding c;
    c.doc = s.doc, c.code = s.code, c.coder = k, c.start = s.s, c.end = s.e;
    cs.push_back(c);
  }
  f.p->add_codings(cs, "spans");
  auto t = EvidenceTable::load(*f.p);
  for (bool rollup : {false, true}) {
    CAPTURE(rollup);
    auto co = cooccurrence(t, {}, rollup);
    std::vector<int64_t> want(co.n * co.n, 0);
    for (size_t i = 0; i < spans.size(); ++i)
      for (size_t j = i + 1; j < spans.size(); ++j) {
        if (spans[i].doc != spans[j].doc || !(spans[i].s < spans[j].e && spans[j].s < spans[i].e)) continue;
        auto ci = static_cast<size_t>(t.code_index(spans[i].code)),
             cj = static_cast<size_t>(t.code_index(spans[j].code));
        if (rollup) ci = static_cast<size_t>(t.code_rollup[ci]), cj = static_cast<size_t>(t.code_rollup[cj]);
        ++want[ci * co.n + cj];
        if (ci != cj) ++want[cj * co.n + ci];
      }
    CHECK(co.counts == want);
  }
  auto co = cooccurrence(t);
  CHECK(co.at(t.code_index(f.legal), t.code_index(f.impediment)) == 1);  // [0,50) meets [10,20); [0,10) only touches it
  CHECK(co.at(t.code_index(f.goals), t.code_index(f.goals)) == 1);       // the two identical spans
}

TEST_CASE("the sample project's matrix is the pattern in corpus/README.md") {
#ifndef TELAAH_HAVE_SAMPLE
  MESSAGE("skipped: src/sample/sample.h is not in this build (the sample builder is not written yet)");
  return;
#else
  const fs::path corpus = fs::path(TELAAH_SOURCE_DIR) / "corpus";
  if (!fs::exists(corpus / "framework.json")) {
    MESSAGE("skipped: no corpus/ in this source tree");
    return;
  }
  const fs::path dir = fs::temp_directory_path() / ("telaah-tri-sample-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  sample::build_sample(dir / "s.telaah", corpus);
  auto p = store::Project::open(dir / "s.telaah");
  auto t = EvidenceTable::load(*p);
  Query q;
  q.coders = default_coders(*p, t);
  CHECK(q.coders.empty());  // the default rule: every coder, the same passage once
  auto m = triangulate(t, q, settings_from_project(*p));
  REQUIRE(m.columns.labels == std::vector<std::string>{"interview", "news", "official"});
  using C = std::array<int64_t, 5>;  // codings, documents, supports, contradicts, neutral
  struct Want {
    const char* path;
    C cells[3];
    Status status;
    Convergence in, io, no;  // interview-news, interview-official, news-official
  };
  const C none{0, 0, 0, 0, 0};
  const Want want[] = {
      {"Input/Legal infrastructure",
       {{8, 4, 0, 8, 0}, {7, 3, 0, 6, 1}, {10, 4, 0, 8, 2}},
       Status::triangulated,
       Convergence::agreement,
       Convergence::agreement,
       Convergence::agreement},
      {"Input/Human and natural resources",
       {{3, 2, 2, 1, 0}, none, {5, 2, 3, 0, 2}},
       Status::triangulated,
       Convergence::silence,
       Convergence::agreement,
       Convergence::silence},
      {"Process/Programme continuity",
       {{10, 5, 9, 0, 1}, none, {8, 4, 8, 0, 0}},
       Status::triangulated,
       Convergence::silence,
       Convergence::agreement,
       Convergence::silence},
      {"Process/Community involvement",
       {{15, 7, 13, 1, 1}, {5, 4, 3, 1, 1}, {6, 3, 6, 0, 0}},
       Status::triangulated,
       Convergence::agreement,  // 15 vs 5: at the prominence ratio
       Convergence::agreement,
       Convergence::agreement},
      {"Output/Trade goals reached",
       {{10, 5, 2, 8, 0}, {10, 5, 2, 7, 1}, {13, 4, 12, 1, 0}},
       Status::divergent,
       Convergence::agreement,
       Convergence::dissonance,
       Convergence::dissonance},
      {"Output/Continuity of cooperation",
       {{3, 2, 2, 1, 0}, none, {10, 3, 9, 1, 0}},
       Status::triangulated,
       Convergence::silence,
       Convergence::partial,
       Convergence::silence},
  };
  REQUIRE(m.rows.size() == 6);
  for (size_t i = 0; i < 6; ++i) {
    const Row& r = m.rows[i];
    CAPTURE(r.path);
    CHECK(r.path == want[i].path);
    for (size_t k = 0; k < 3; ++k) {
      const Cell& c = r.cells[k];
      CHECK(C{c.codings, c.documents, c.supports, c.contradicts, c.neutral} == want[i].cells[k]);
    }
    CHECK(r.automatic == want[i].status);
    CHECK(pair(r, m, "interview", "news").automatic == want[i].in);
    CHECK(pair(r, m, "interview", "official").automatic == want[i].io);
    CHECK(pair(r, m, "news", "official").automatic == want[i].no);
  }
  p.reset();
  fs::remove_all(dir);
#endif
}
