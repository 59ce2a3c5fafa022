// Document sets as filters (issue 22 item 1): the triangulation matrix, the
// retrieval list and matrices, intercoder agreement and full-text search
// restricted to a set's documents in the model query itself, with counts
// computed by hand (table-driven), and the same through the command line
// (`--set NAME` on triangulate, codings, agreement and search; an unknown
// set refused with exit 1).
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "analysis/agreement.h"
#include "analysis/evidence.h"
#include "analysis/retrieval.h"
#include "analysis/triangulation.h"
#include "helpers/run.h"
#include "helpers/temp_dir.h"
#include "store/doc_sets.h"
#include "store/project.h"

using namespace telaah;
using namespace telaah::analysis;
using store::Id;
using store::Stance;
using telaah::test::TempDir;

namespace {

test::Result tl(std::vector<std::string> args) {
  args.insert(args.begin(), TELAAH_BINARY);
  return test::run(args, {"USER=tester"});
}

// Four documents, two indicators, one coder:
//   d1 news (outlet Warta)  Legal: 2 supports
//   d2 news                 Legal: 3 contradicts
//   d3 interview            Legal: 1 supports; Resources: 1 supports
//   d4 official             Resources: 3 supports
// The set "S" holds d1, d3 and d4; "Empty" holds nothing.
struct Tri {
  TempDir dir{"telaah-setfilter"};
  std::unique_ptr<store::Project> p;
  Id legal = 0, resources = 0, d1 = 0, d2 = 0, d3 = 0, d4 = 0, set = 0, empty = 0;
  int64_t next = 0;

  Tri() {
    store::OpenOptions o;
    o.create = true;
    o.coder = "ayu";
    p = store::Project::create(dir / "t.telaah", o);
    p->load_codebook(nlohmann::json::parse(R"({"codes":[{"name":"Input","kind":"variable","children":[
        {"name":"Legal","kind":"indicator"},{"name":"Resources","kind":"indicator"}]}]})"));
    legal = p->resolve_code("Input/Legal");
    resources = p->resolve_code("Input/Resources");
    d1 = doc("news", {{"outlet", "text", "Warta"}});
    d2 = doc("news");
    d3 = doc("interview");
    d4 = doc("official");
    code(d1, legal, Stance::supports, 2);
    code(d2, legal, Stance::contradicts, 3);
    code(d3, legal, Stance::supports, 1);
    code(d3, resources, Stance::supports, 1);
    code(d4, resources, Stance::supports, 3);
    set = store::create_doc_set(*p, "S");
    store::add_to_doc_set(*p, set, {d1, d3, d4});
    empty = store::create_doc_set(*p, "Empty");
  }
  Id doc(const std::string& type, std::vector<store::Attribute> attrs = {}) {
    store::NewDocument d;
    d.title = type + " " + std::to_string(p->documents().size() + 1);
    d.source_type = type;
    d.date = "2014-05-01";
    d.attributes = std::move(attrs);
    for (int i = 0; i < 20; ++i) d.text += "Paragraph " + std::to_string(i) + " says something worth coding here.\n\n";
    return p->add_document(d);
  }
  void code(Id doc, Id c, Stance s, int n) {
    std::vector<store::Coding> cs;
    for (int i = 0; i < n; ++i) {
      store::Coding x;
      x.doc = doc;
      x.code = c;
      x.coder = p->ensure_coder("ayu");
      x.stance = s;
      x.start = (next++ * 12) % 900;  // 10 code points, 12 apart: never the same passage
      x.end = x.start + 10;
      cs.push_back(x);
    }
    p->add_codings(cs, "test codings");
  }
  std::optional<std::vector<Id>> members(Id s) const { return store::doc_set_members(*p, s); }
};

const Cell& cell(const Matrix& m, Id code, const std::string& column) {
  const Row* r = m.find(code);
  REQUIRE(r != nullptr);
  auto it = std::find(m.columns.labels.begin(), m.columns.labels.end(), column);
  REQUIRE_MESSAGE(it != m.columns.labels.end(), column);
  return r->cells[static_cast<size_t>(it - m.columns.labels.begin())];
}

}  // namespace

TEST_CASE("the triangulation matrix restricted to a set: hand-computed cells, statuses and totals") {
  Tri f;
  const auto t = EvidenceTable::load(*f.p);
  struct Case {
    const char* set;  // "" all, "S", "Empty"
    Id Tri::*code;
    const char* column;
    int64_t codings, documents, supports, contradicts;
  };
  const Case cases[] = {
      {"", &Tri::legal, "news", 5, 2, 2, 3},  // d1 + d2
      {"", &Tri::legal, "interview", 1, 1, 1, 0},
      {"", &Tri::resources, "official", 3, 1, 3, 0},
      {"S", &Tri::legal, "news", 2, 1, 2, 0},  // d2 is outside the set
      {"S", &Tri::legal, "interview", 1, 1, 1, 0},
      {"S", &Tri::resources, "interview", 1, 1, 1, 0},
      {"S", &Tri::resources, "official", 3, 1, 3, 0},
      {"Empty", &Tri::legal, "news", 0, 0, 0, 0},
      {"Empty", &Tri::resources, "official", 0, 0, 0, 0},
  };
  for (const auto& c : cases) {
    CAPTURE(c.set);
    CAPTURE(c.column);
    Query q;
    if (std::string(c.set) == "S") q.docs = f.members(f.set);
    if (std::string(c.set) == "Empty") q.docs = f.members(f.empty);
    const Matrix m = triangulate(t, q, Settings{});
    const Cell& x = cell(m, f.*c.code, c.column);
    CHECK(x.codings == c.codings);
    CHECK(x.documents == c.documents);
    CHECK(x.supports == c.supports);
    CHECK(x.contradicts == c.contradicts);
  }
  // Statuses: all documents, Legal's news column nets against (2 supports, 3
  // contradicts) and interview for: dissonance, divergent. Within the set,
  // news 2 supports and interview 1: same net stance, 2 <= 3 x 1: agreement,
  // two columns with a document each (k=2, m=1): triangulated.
  Query all;
  Query in_set;
  in_set.docs = f.members(f.set);
  Query none;
  none.docs = f.members(f.empty);
  CHECK(triangulate(t, all, {}).find(f.legal)->automatic == Status::divergent);
  CHECK(triangulate(t, in_set, {}).find(f.legal)->automatic == Status::triangulated);
  CHECK(triangulate(t, none, {}).find(f.legal)->automatic == Status::gap);
  CHECK(triangulate(t, all, {}).codings == 10);
  CHECK(triangulate(t, in_set, {}).codings == 7);
  CHECK(triangulate(t, none, {}).codings == 0);
}

TEST_CASE("documents outside the set are not 'unassigned'; the evidence behind a cell stays inside the set") {
  Tri f;
  const auto t = EvidenceTable::load(*f.p);
  Query q;
  q.by = "outlet";  // only d1 has an outlet
  Matrix m = triangulate(t, q, {});
  CHECK(m.unassigned == 8);  // d2 3 + d3 2 + d4 3
  q.docs = std::vector<Id>{f.d1, f.d2};
  m = triangulate(t, q, {});
  CHECK(m.unassigned == 3);  // d2 only: d3 and d4 are outside the set
  CHECK(cell(m, f.legal, "Warta").codings == 2);
  q.by = "type";
  m = triangulate(t, q, {});
  CHECK(cell_rows(t, m, t.code_index(f.legal), -1).size() == 5);  // d1 2 + d2 3
  q.docs = f.members(f.set);
  m = triangulate(t, q, {});
  CHECK(cell_rows(t, m, t.code_index(f.legal), -1).size() == 3);  // d1 2 + d3 1
}

TEST_CASE("retrieval and its matrices restricted to a set: hand-computed counts") {
  Tri f;
  const auto t = EvidenceTable::load(*f.p);
  struct Case {
    const char* set;
    size_t legal_hits, resources_hits;
    int64_t legal_news, resources_interview;
  };
  const Case cases[] = {
      {"", 6, 4, 5, 1},
      {"S", 3, 4, 2, 1},
      {"Empty", 0, 0, 0, 0},
  };
  for (const auto& c : cases) {
    CAPTURE(c.set);
    RetrievalFilter flt;
    if (std::string(c.set) == "S") flt.docs = f.members(f.set);
    if (std::string(c.set) == "Empty") flt.docs = f.members(f.empty);
    CHECK(flt.empty() == (std::string(c.set).empty()));
    RetrievalQuery q;
    q.filter = flt;
    q.codes_a = {f.legal};
    CHECK(retrieve(t, *f.p, q).size() == c.legal_hits);
    q.codes_a = {f.resources};
    CHECK(retrieve(t, *f.p, q).size() == c.resources_hits);
    const auto am = attribute_matrix(t, *f.p, {f.legal, f.resources}, true, kBySourceType, flt);
    auto value = [&](size_t row, const std::string& col) -> int64_t {
      auto it = std::find(am.columns.begin(), am.columns.end(), col);
      return it == am.columns.end() ? 0 : am.at(row, static_cast<size_t>(it - am.columns.begin())).count;
    };
    CHECK(value(0, "news") == c.legal_news);
    CHECK(value(1, "interview") == c.resources_interview);
  }
  // With a source type too: both must hold (news within S: d1's 2 codings).
  RetrievalQuery q;
  q.codes_a = {f.legal};
  q.filter.docs = f.members(f.set);
  q.filter.source_types = {"news"};
  CHECK(retrieve(t, *f.p, q).size() == 2);
}

TEST_CASE("intercoder agreement within a set: hand-computed character tables") {
  // Three documents of 100 code points; code c by coders A and B:
  //   doc1: A [0,40)  B [0,40)    -> both 40, neither 60
  //   doc2: A [0,50)  B [50,100)  -> only_a 50, only_b 50
  //   doc3: A [0,10)  B [0,10)    -> both 10, neither 90
  TempDir dir{"telaah-setagr"};
  auto p = store::Project::create(dir / "a.telaah");
  std::vector<Id> docs;
  for (int k = 1; k <= 3; ++k) {
    store::NewDocument d;
    d.title = "doc" + std::to_string(k);
    for (int i = 0; i < 100; ++i) d.text += static_cast<char>('a' + (i + k) % 26);
    docs.push_back(p->add_document(d));
  }
  store::Code c;
  c.name = "c";
  c.kind = store::CodeKind::indicator;
  const Id code = p->add_code(c);
  auto add = [&](const std::string& who, size_t doc, int64_t s, int64_t e) {
    store::Coding x;
    x.doc = docs[doc];
    x.code = code;
    x.coder = p->ensure_coder(who);
    x.start = s;
    x.end = e;
    p->add_coding(x);
  };
  add("A", 0, 0, 40);
  add("B", 0, 0, 40);
  add("A", 1, 0, 50);
  add("B", 1, 50, 100);
  add("A", 2, 0, 10);
  add("B", 2, 0, 10);
  struct Case {
    std::optional<std::vector<size_t>> within;  // indexes into docs
    Binary2x2 table;
    size_t documents;
    double percent;
  };
  const Case cases[] = {
      {std::nullopt, {50, 50, 50, 150}, 3, 200.0 / 300.0},
      {std::vector<size_t>{0, 2}, {50, 0, 0, 150}, 2, 1.0},
      {std::vector<size_t>{1}, {0, 50, 50, 0}, 1, 0.0},
  };
  for (const auto& k : cases) {
    AgreementOptions o;
    o.sel.coders = {"A", "B"};
    if (k.within) {
      o.sel.within = std::vector<Id>{};
      for (size_t i : *k.within) o.sel.within->push_back(docs[i]);
    }
    const auto r = compute_agreement(*p, o);
    CAPTURE(k.documents);
    CHECK(r.documents.size() == k.documents);
    REQUIRE(r.codes.size() == 1);
    CHECK(r.codes[0].pairs.at(0).table == k.table);
    CHECK(r.codes[0].pairs.at(0).percent.value == doctest::Approx(k.percent));
  }
  // Documents named one by one and a set: refused, one sentence.
  AgreementOptions o;
  o.sel.coders = {"A", "B"};
  o.sel.docs = {docs[0]};
  o.sel.within = std::vector<Id>{docs[0]};
  CHECK_THROWS_AS(compute_agreement(*p, o), ValidationError);
}

TEST_CASE("--set NAME on triangulate, codings, agreement and search; an unknown set is exit 1") {
  Tri f;
  // A second coder on d1 (same spans as ayu's first coding) for agreement.
  store::Coding x;
  x.doc = f.d1;
  x.code = f.legal;
  x.coder = f.p->ensure_coder("bima");
  x.start = 0;
  x.end = 10;
  f.p->add_coding(x);
  x.doc = f.d2;  // and on d2, outside the set
  f.p->add_coding(x);
  const std::string file = (f.dir / "t.telaah").string();
  f.p.reset();

  auto r = tl({"triangulate", file, "--set", "S", "--format", "json"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  auto j = nlohmann::json::parse(r.out);
  std::map<std::string, int64_t> legal;
  for (const auto& row : j["rows"])
    if (row["path"] == "Input/Legal")
      for (const auto& c : row["cells"]) legal[c["column"]] = c["codings"];
  CHECK(legal["news"] == 2);
  CHECK(legal["interview"] == 1);
  r = tl({"triangulate", file, "--set", "S"});
  REQUIRE(r.status == 0);
  CHECK(r.out.find("; set S (3 documents)") != std::string::npos);

  r = tl({"codings", file, "--set", "S", "--code", "Input/Legal"});
  REQUIRE(r.status == 0);
  CHECK(r.out.find("\n4 codings\n") != std::string::npos);  // d1: ayu 2 + bima 1; d3: 1
  r = tl({"codings", file, "--set", "Empty"});
  REQUIRE(r.status == 0);
  CHECK(r.out == "0 codings\n");

  r = tl({"agreement", file, "--coders", "ayu,bima", "--set", "S", "--json"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  j = nlohmann::json::parse(r.out);
  CHECK(j["documents"] == nlohmann::json::array({f.d1}));  // d2 is outside; d3 and d4: ayu only
  r = tl({"agreement", file, "--coders", "ayu,bima", "--json"});
  REQUIRE(r.status == 0);
  CHECK(nlohmann::json::parse(r.out)["documents"] == nlohmann::json::array({f.d1, f.d2}));
  r = tl({"agreement", file, "--coders", "ayu,bima", "--set", "Empty", "--json"});
  REQUIRE(r.status == 0);
  CHECK(nlohmann::json::parse(r.out)["documents"].empty());
  r = tl({"agreement", file, "--coders", "ayu,bima", "--set", "S", "--docs", "1"});
  CHECK(r.status == 1);

  // Every document says "Paragraph": four hits, three in the set, none in Empty.
  r = tl({"search", file, "Paragraph", "--json"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK(nlohmann::json::parse(r.out)["total"] == 4);
  r = tl({"search", file, "Paragraph", "--set", "S", "--facets", "--json"});
  REQUIRE(r.status == 0);
  j = nlohmann::json::parse(r.out);
  CHECK(j["total"] == 3);
  std::set<int64_t> hit_docs;
  for (const auto& h : j["hits"]) hit_docs.insert(h["document"].get<int64_t>());
  CHECK(hit_docs == std::set<int64_t>{f.d1, f.d3, f.d4});
  r = tl({"search", file, "Paragraph", "--set", "Empty", "--json"});
  REQUIRE(r.status == 0);
  CHECK(nlohmann::json::parse(r.out)["total"] == 0);

  for (const auto& cmd :
       std::vector<std::vector<std::string>>{{"triangulate", file, "--set", "Nope"},
                                             {"codings", file, "--set", "Nope"},
                                             {"search", file, "x", "--set", "Nope"},
                                             {"agreement", file, "--coders", "ayu,bima", "--set", "Nope"}}) {
    r = tl(cmd);
    CAPTURE(cmd[0]);
    CHECK(r.status == 1);
    CHECK(r.err.find("Nope") != std::string::npos);
  }
}
