// The method's inputs and rules (issue 17, items 1-3 and 5): the same-passage
// rule and evidence units (two coders double-coding, an indicator and its
// sub-codes on one passage), the coder rule, prominence by codings or
// documents, sub-code rows, every method setting set through the CLI with its
// effect on the matrix, every bad setting refused with the project unchanged,
// source types (add, rename, recolour, move, merge, undo), and overrides with
// their audit trail (automatic value, coder, time; stale after new evidence;
// confirm). Expected values are worked out by hand in the comments.
#include <doctest/doctest.h>
#include <unistd.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "analysis/evidence.h"
#include "analysis/method_settings.h"
#include "analysis/overrides.h"
#include "analysis/project_settings.h"
#include "analysis/triangulation.h"
#include "exchange/report_matrix.h"
#include "helpers/run.h"
#include "store/project.h"
#include "store/schema.h"
#include "store/source_types.h"

namespace fs = std::filesystem;
using namespace telaah;
using namespace telaah::analysis;
using store::Id;
using store::Stance;

namespace {

const std::string kBinary = TELAAH_BINARY;

test::Result tl(std::vector<std::string> args) {
  args.insert(args.begin(), kBinary);
  return test::run(args, {"USER=tester"});
}

// A project with the small framework of test_triangulation.cpp; codings are
// placed at explicit spans so that which ones share a passage is by hand.
struct Fixture {
  fs::path dir;
  std::string file;
  std::unique_ptr<store::Project> p;
  Id legal = 0, resources = 0, goals = 0, exports = 0, benefits = 0;
  static inline int serial = 0;

  Fixture() {
    dir = fs::temp_directory_path() / ("telaah-method-" + std::to_string(::getpid()) + "-" + std::to_string(serial++));
    fs::remove_all(dir);
    fs::create_directories(dir);
    file = (dir / "m.telaah").string();
    store::OpenOptions o;
    o.coder = "ayu";
    p = store::Project::create(file, o);
    p->load_codebook(nlohmann::json::parse(R"({"codes":[
      {"name":"Input","kind":"variable","children":[
        {"name":"Legal infrastructure","kind":"indicator"},
        {"name":"Resources","kind":"indicator"}]},
      {"name":"Output","kind":"variable","children":[
        {"name":"Trade goals reached","kind":"indicator","children":[
          {"name":"Export performance"},{"name":"Distribution of benefits"}]}]},
      {"name":"Impediment"}]})"));
    legal = p->resolve_code("Input/Legal infrastructure");
    resources = p->resolve_code("Input/Resources");
    goals = p->resolve_code("Output/Trade goals reached");
    exports = p->resolve_code("Output/Trade goals reached/Export performance");
    benefits = p->resolve_code("Output/Trade goals reached/Distribution of benefits");
  }
  ~Fixture() {
    p.reset();
    fs::remove_all(dir);
  }

  Id doc(const std::string& type) {
    store::NewDocument d;
    d.title = type + " " + std::to_string(p->documents().size() + 1);
    d.source_type = type;
    for (int i = 0; i < 40; ++i) d.text += "Paragraph " + std::to_string(i) + " says something worth coding here.\n\n";
    return p->add_document(d);
  }

  void code(Id doc, Id code, int64_t start, int64_t end, Stance s, const std::string& coder = "ayu") {
    store::Coding c;
    c.doc = doc;
    c.code = code;
    c.coder = p->ensure_coder(coder);
    c.stance = s;
    c.start = start;
    c.end = end;
    p->add_coding(c);
  }

  Matrix matrix(Query q = {}, std::optional<Settings> s = std::nullopt) {
    auto t = EvidenceTable::load(*p);
    auto m = triangulate(t, q, s ? *s : settings_from_project(*p));
    apply_overrides(m, load_overrides(*p));
    return m;
  }

  void close() { p.reset(); }
  void reopen(const std::string& coder = "ayu") {
    store::OpenOptions o;
    o.coder = coder;
    p = store::Project::open(file, o);
  }
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

// codings / documents / supports-contradicts-neutral / raw codings
std::array<int64_t, 6> counts(const Cell& c) {
  return {c.codings, c.documents, c.supports, c.contradicts, c.neutral, c.raw};
}

}  // namespace

TEST_CASE("same passage: overlap of at least the share of the shorter span") {
  struct Case {
    int64_t as, ae, bs, be;
    double share;
    bool same;
    const char* why;
  };
  const Case cases[] = {
      {0, 10, 5, 15, 0.5, true, "overlap 5 of the shorter 10: exactly half"},
      {0, 10, 6, 16, 0.5, false, "overlap 4 of 10: less than half"},
      {0, 100, 40, 50, 0.5, true, "a sub-code span inside the indicator's: overlap 10 of the shorter 10"},
      {0, 10, 10, 20, 0.5, false, "touching spans share nothing"},
      {0, 10, 20, 30, 0.5, false, "apart"},
      {0, 10, 9, 30, 0.01, true, "overlap 1 >= 0.01 * 10"},
      {0, 10, 9, 30, 0.5, false, "overlap 1 < 0.5 * 10"},
      {0, 10, 0, 10, 1.0, true, "identical spans at share 1"},
      {0, 10, 1, 11, 1.0, false, "overlap 9 < 1.0 * 10"},
      {2, 12, 0, 14, 0.5, true, "a second coder's wider boundary: overlap 10 of the shorter 10"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.why);
    CHECK(same_passage(c.as, c.ae, c.bs, c.be, c.share) == c.same);
    CHECK(same_passage(c.bs, c.be, c.as, c.ae, c.share) == c.same);  // symmetric
  }
}

TEST_CASE("two coders double-coding the same passages: the cells equal one coder's") {
  Fixture f;
  Id i1 = f.doc("interview"), n1 = f.doc("news"), n2 = f.doc("news");
  // ayu: interview passages [0,40), [100,140), [200,240) contradicting; news [0,40) in n1 and n2.
  for (int64_t s : {0, 100, 200}) f.code(i1, f.legal, s, s + 40, Stance::contradicts);
  f.code(n1, f.legal, 0, 40, Stance::contradicts);
  f.code(n2, f.legal, 0, 40, Stance::contradicts);
  const Matrix ayu_only = [&] {
    Query q;
    q.coders = {"ayu"};
    return f.matrix(q);
  }();
  // bima double-codes the same passages with other boundaries (overlap 35 of 40,
  // 30 of 38, ...) and the same stance, and codes the news passage of n1 too.
  f.code(i1, f.legal, 5, 45, Stance::contradicts, "bima");
  f.code(i1, f.legal, 102, 132, Stance::contradicts, "bima");
  f.code(i1, f.legal, 190, 235, Stance::contradicts, "bima");
  f.code(n1, f.legal, 0, 40, Stance::contradicts, "bima");
  const Matrix all = f.matrix();  // default rule: all coders, deduplicated
  CHECK(all.query.coders.empty());
  struct Want {
    int column;
    std::array<int64_t, 6> cell;
  };
  const Want want[] = {
      {0, {3, 1, 0, 3, 0, 6}},  // 6 codings, 3 passages
      {1, {2, 2, 0, 2, 0, 3}},  // 3 codings, 2 passages in 2 documents
      {2, {0, 0, 0, 0, 0, 0}},
  };
  for (const auto& w : want) {
    CAPTURE(w.column);
    CHECK(counts(row(all, f.legal).cells[static_cast<size_t>(w.column)]) == w.cell);
    const Cell& one = row(ayu_only, f.legal).cells[static_cast<size_t>(w.column)];
    const Cell& both = row(all, f.legal).cells[static_cast<size_t>(w.column)];
    CHECK(both.codings == one.codings);
    CHECK(both.documents == one.documents);
    CHECK(both.contradicts == one.contradicts);
  }
  CHECK(all.codings == 5);
  CHECK(all.raw_codings == 9);
  CHECK(pair(row(all, f.legal), all, "interview", "news").automatic ==
        pair(row(ayu_only, f.legal), ayu_only, "interview", "news").automatic);

  // A boundary that shares less than half of the shorter span is another passage.
  f.code(n2, f.legal, 25, 65, Stance::contradicts, "bima");  // overlap 15 of 40
  CHECK(row(f.matrix(), f.legal).cells[1].codings == 3);

  // One named coder, and a chosen set (deduplicated the same way).
  Query q;
  q.coders = {"bima"};
  CHECK(counts(row(f.matrix(q), f.legal).cells[0]) == std::array<int64_t, 6>{3, 1, 0, 3, 0, 3});
  q.coders = {"ayu", "bima"};
  CHECK(row(f.matrix(q), f.legal).cells[0].codings == 3);
}

TEST_CASE("an indicator and its sub-codes on one passage count once; the unit's stance is the net") {
  Fixture f;
  Id o1 = f.doc("official"), i1 = f.doc("interview");
  // One passage coded three times: [0,50) at the indicator, [5,45) and [10,40) at its sub-codes.
  f.code(o1, f.goals, 0, 50, Stance::supports);
  f.code(o1, f.exports, 5, 45, Stance::supports);
  f.code(o1, f.benefits, 10, 40, Stance::contradicts);  // net +1: the unit supports
  f.code(o1, f.exports, 200, 240, Stance::supports);    // another passage
  // Ties: ayu supports, bima contradicts the same passage -> one neutral unit.
  f.code(i1, f.goals, 0, 40, Stance::supports);
  f.code(i1, f.goals, 0, 40, Stance::contradicts, "bima");
  auto m = f.matrix();
  CHECK(counts(row(m, f.goals).cells[2]) == std::array<int64_t, 6>{2, 1, 2, 0, 0, 4});
  CHECK(counts(row(m, f.goals).cells[0]) == std::array<int64_t, 6>{1, 1, 0, 0, 1, 2});
  CHECK(row(m, f.goals).total.codings == 3);

  // Sub-code rows under the indicator: each sub-code (with its own sub-codes) on its own.
  Query q;
  q.subcodes = true;
  auto ms = f.matrix(q);
  REQUIRE(ms.rows.size() == 5);  // legal, resources, goals, exports, benefits
  CHECK(ms.rows[2].code_id == f.goals);
  CHECK(ms.rows[3].code_id == f.exports);
  CHECK(ms.rows[3].parent == 2);
  CHECK(ms.rows[4].code_id == f.benefits);
  CHECK(counts(row(ms, f.exports).cells[2]) == std::array<int64_t, 6>{2, 1, 2, 0, 0, 2});
  CHECK(counts(row(ms, f.benefits).cells[2]) == std::array<int64_t, 6>{1, 1, 0, 1, 0, 1});
  CHECK(row(ms, f.exports).automatic == Status::single_source);
  CHECK(counts(row(ms, f.goals).cells[2]) == counts(row(m, f.goals).cells[2]));  // the indicator row is unchanged
  CHECK(ms.codings == m.codings);  // sub-code rows are not counted twice in the totals
  auto j = exchange::matrix_json(ms);
  CHECK(j["rows"][3]["subcode_of"] == f.goals);
  CHECK(j["rows"][2]["subcode_of"].is_null());
}

TEST_CASE("prominence by codings or by documents") {
  Fixture f;
  Id i1 = f.doc("interview"), n1 = f.doc("news"), n2 = f.doc("news");
  for (int k = 0; k < 7; ++k) f.code(i1, f.legal, k * 60, k * 60 + 40, Stance::supports);  // 7 passages, 1 document
  f.code(n1, f.legal, 0, 40, Stance::supports);
  f.code(n2, f.legal, 0, 40, Stance::supports);  // 2 passages, 2 documents
  struct Case {
    ProminenceUnit unit;
    double ratio;
    Convergence want;
    const char* why;
  };
  const Case cases[] = {
      {ProminenceUnit::codings, 3, Convergence::partial, "7 > 3 * 2"},
      {ProminenceUnit::codings, 3.5, Convergence::agreement, "7 <= 3.5 * 2"},
      {ProminenceUnit::documents, 3, Convergence::agreement, "2 <= 3 * 1"},
      {ProminenceUnit::documents, 1.5, Convergence::partial, "2 > 1.5 * 1"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.why);
    Settings s;
    s.unit = c.unit;
    s.prominence = c.ratio;
    auto m = f.matrix({}, s);
    CHECK(pair(row(m, f.legal), m, "interview", "news").automatic == c.want);
  }
}

TEST_CASE("the settings registry: every key, defaults, validation") {
  const std::vector<std::string> keys = {"triangulation.k",          "triangulation.m",
                                         "triangulation.prominence", "triangulation.prominence_unit",
                                         "triangulation.coders",     "triangulation.same_passage"};
  for (const auto& k : keys) {
    CAPTURE(k);
    const SettingSpec* s = find_setting(k);
    REQUIRE(s != nullptr);
    CHECK_FALSE(s->meaning_en.empty());
    CHECK_FALSE(s->meaning_id.empty());
    CHECK(validate_setting(*s, s->default_value) == s->default_value);
  }
  CHECK(find_setting("triangulation.nope") == nullptr);
  struct Case {
    const char* key;
    const char* value;
    const char* stored;  // nullptr: refused
  };
  const Case cases[] = {
      {"triangulation.k", " 3 ", "3"},
      {"triangulation.k", "1", nullptr},
      {"triangulation.k", "51", nullptr},
      {"triangulation.k", "2.5", nullptr},
      {"triangulation.m", "4", "4"},
      {"triangulation.m", "0", nullptr},
      {"triangulation.prominence", "2.50", "2.5"},
      {"triangulation.prominence", "0.9", nullptr},
      {"triangulation.prominence", "inf", nullptr},
      {"triangulation.prominence_unit", "Documents", "documents"},
      {"triangulation.prominence_unit", "pages", nullptr},
      {"triangulation.coders", "ayu ,bima", "ayu, bima"},
      {"triangulation.coders", " , ", nullptr},
      {"triangulation.same_passage", "1", "1"},
      {"triangulation.same_passage", "0", nullptr},
  };
  for (const auto& c : cases) {
    CAPTURE(c.key);
    CAPTURE(c.value);
    const SettingSpec* s = find_setting(c.key);
    REQUIRE(s != nullptr);
    if (c.stored) {
      CHECK(validate_setting(*s, c.value) == c.stored);
    } else {
      CHECK_THROWS_WITH_AS(validate_setting(*s, c.value), doctest::Contains(c.key), ValidationError);
    }
  }
}

TEST_CASE("each setting set through the CLI, and its effect on the matrix") {
  Fixture f;
  Id i1 = f.doc("interview"), n1 = f.doc("news"), n2 = f.doc("news");
  f.doc("official");
  for (int k = 0; k < 7; ++k) f.code(i1, f.legal, k * 60, k * 60 + 40, Stance::supports);
  f.code(n1, f.legal, 0, 40, Stance::supports);
  f.code(n2, f.legal, 0, 40, Stance::supports);
  f.code(n1, f.legal, 3, 43, Stance::supports, "bima");  // the same passage by a second coder
  f.close();

  auto legal = [&]() {
    auto r = tl({"triangulate", f.file, "--json"});
    REQUIRE(r.status == 0);
    auto j = nlohmann::json::parse(r.out);
    for (auto& row : j["rows"])
      if (row["path"] == "Input/Legal infrastructure") return row;
    FAIL("no legal row");
    return nlohmann::json();
  };
  auto in_label = [](const nlohmann::json& row) {
    for (auto& p : row["pairs"])
      if (p["a"] == "interview" && p["b"] == "news") return p["automatic"].get<std::string>();
    return std::string("?");
  };
  auto set = [&](const std::string& key, const std::string& value) {
    auto r = tl({"settings", f.file, key, value});
    CAPTURE(r.err);
    REQUIRE(r.status == 0);
  };

  // Defaults: interview 7 passages / 1 document, news 2 / 2 (bima's coding joins ayu's passage).
  auto r0 = legal();
  CHECK(r0["cells"][1]["codings"] == 2);
  CHECK(r0["cells"][1]["raw_codings"] == 3);
  CHECK(in_label(r0) == "partial agreement");  // 7 > 3 * 2
  CHECK(r0["status"]["automatic"] == "triangulated");

  struct Step {
    const char* key;
    const char* value;
    const char* label;   // interview-news after the change
    const char* status;  // the indicator's status
    int news;            // news passages
  };
  const Step steps[] = {
      {"triangulation.k", "3", "partial agreement", "insufficient", 2},  // 2 columns < 3
      {"triangulation.k", "default", "partial agreement", "triangulated", 2},
      {"triangulation.m", "2", "partial agreement", "insufficient", 2},  // interview has 1 document
      {"triangulation.m", "1", "partial agreement", "triangulated", 2},
      {"triangulation.prominence", "3.5", "agreement", "triangulated", 2},  // 7 <= 7
      {"triangulation.prominence", "3", "partial agreement", "triangulated", 2},
      {"triangulation.prominence_unit", "documents", "agreement", "triangulated", 2},  // 2 <= 3 * 1
      {"triangulation.prominence_unit", "codings", "partial agreement", "triangulated", 2},
      {"triangulation.same_passage", "1", "agreement", "triangulated", 3},  // overlap 37 < 40: two passages; 7 <= 9
      {"triangulation.same_passage", "0.5", "partial agreement", "triangulated", 2},
      {"triangulation.coders", "bima", "silence", "single-source", 1},  // bima coded only news
      {"triangulation.coders", "ayu", "partial agreement", "triangulated", 2},
      {"triangulation.coders", "all", "partial agreement", "triangulated", 2},
  };
  for (const auto& s : steps) {
    CAPTURE(s.key);
    CAPTURE(s.value);
    set(s.key, s.value);
    auto row = legal();
    CHECK(in_label(row) == s.label);
    CHECK(row["status"]["automatic"] == s.status);
    CHECK(row["cells"][1]["codings"] == s.news);
  }

  // The list: every key with value, default and meaning; one action per change, undoable.
  auto list = tl({"settings", f.file, "--json"});
  REQUIRE(list.status == 0);
  auto j = nlohmann::json::parse(list.out);
  CHECK(j["settings"].size() == method_settings().size());
  for (auto& s : j["settings"]) {
    CHECK(s.contains("value"));
    CHECK(s.contains("default"));
    CHECK(s.contains("meaning"));
  }
  auto text = tl({"settings", f.file});
  CHECK(text.out.find("triangulation.coders = all") != std::string::npos);
  auto help = tl({"settings", "--help"});
  for (const auto& s : method_settings()) CHECK(help.out.find(s.key) != std::string::npos);
  set("triangulation.k", "4");
  f.reopen();
  CHECK(f.p->setting("triangulation.k") == "4");
  CHECK(f.p->undo_label().value() == "Set triangulation.k");
  f.p->undo();
  CHECK(settings_from_project(*f.p).k == 2);
  f.close();
  auto tri = tl({"triangulate", f.file});
  CHECK(tri.out.find("coders: all coders, deduplicated") != std::string::npos);
  CHECK(tri.out.find("10 codings are 9 passages") != std::string::npos);
}

TEST_CASE("every bad setting: exit 1, one sentence, the project unchanged") {
  Fixture f;
  f.code(f.doc("interview"), f.legal, 0, 10, Stance::supports);
  const int64_t rev = f.p->revision();
  f.close();
  struct Case {
    std::vector<std::string> args;
    const char* says;
  };
  const Case cases[] = {
      {{"no.such.key", "1"}, "no.such.key"},
      {{"triangulation.k", "1"}, "triangulation.k"},
      {{"triangulation.k", "three"}, "triangulation.k"},
      {{"triangulation.k", "2.5"}, "whole number"},
      {{"triangulation.k", "51"}, "from 2 to 50"},
      {{"triangulation.m", "0"}, "triangulation.m"},
      {{"triangulation.prominence", "0.5"}, "triangulation.prominence"},
      {{"triangulation.prominence", "abc"}, "a number"},
      {{"triangulation.prominence", "inf"}, "a number"},
      {{"triangulation.prominence_unit", "pages"}, "codings or documents"},
      {{"triangulation.coders", "nobody"}, "no coder 'nobody'"},
      {{"triangulation.coders", "all, ayu"}, "'all' stands alone"},
      {{"triangulation.coders", ","}, "triangulation.coders"},
      {{"triangulation.same_passage", "0"}, "triangulation.same_passage"},
      {{"triangulation.same_passage", "1.5"}, "triangulation.same_passage"},
      {{"triangulation.k"}, "give a value"},
  };
  for (const auto& c : cases) {
    std::vector<std::string> args{"settings", f.file};
    args.insert(args.end(), c.args.begin(), c.args.end());
    auto r = tl(args);
    CAPTURE(c.args.front());
    CAPTURE(r.err);
    CHECK(r.status == 1);
    CHECK(r.err.rfind("telaah: ", 0) == 0);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(r.err.find(c.says) != std::string::npos);
  }
  f.reopen();
  CHECK(f.p->revision() == rev);
  for (const auto& s : method_settings()) CHECK(f.p->setting(s.key).empty());
}

TEST_CASE("source types: add, rename, recolour, move, merge and undo") {
  Fixture f;
  Id n1 = f.doc("news"), o1 = f.doc("official"), i1 = f.doc("interview");
  f.code(n1, f.goals, 0, 40, Stance::contradicts);
  f.code(o1, f.goals, 0, 40, Stance::supports);
  f.code(i1, f.goals, 0, 40, Stance::contradicts);
  {
    auto t = EvidenceTable::load(*f.p);
    set_override(*f.p, t, f.goals, "type", "news", "official", "partial agreement", "different questions");
  }
  f.close();
  auto names = [&] {
    auto r = tl({"source-types", f.file, "--json"});
    REQUIRE(r.status == 0);
    std::vector<std::string> out;
    const auto j = nlohmann::json::parse(r.out);
    for (const auto& t : j["source_types"]) out.push_back(t["name"].get<std::string>());
    return out;
  };
  using V = std::vector<std::string>;
  CHECK(names() == V{"interview", "news", "official"});
  CHECK(tl({"source-types", f.file, "--add", "observation", "--colour", "#123456"}).status == 0);
  CHECK(names() == V{"interview", "news", "official", "observation"});
  CHECK(tl({"source-types", f.file, "--rename", "news", "press"}).status == 0);
  CHECK(names() == V{"interview", "press", "official", "observation"});
  CHECK(tl({"source-types", f.file, "--colour", "press", "#ABCDEF"}).status == 0);
  CHECK(tl({"source-types", f.file, "--move", "observation", "1"}).status == 0);
  CHECK(names() == V{"observation", "interview", "press", "official"});
  {
    f.reopen();
    auto ov = load_overrides(*f.p);
    REQUIRE(ov.size() == 1);  // the override follows the rename, columns in sorted order
    CHECK(ov[0].column_a == "official");
    CHECK(ov[0].column_b == "press");
    auto m = f.matrix();
    CHECK(pair(row(m, f.goals), m, "press", "official").override.has_value());
    CHECK(f.p->source_types()[2].colour == "#ABCDEF");
    f.close();
  }
  // Merge: press documents become interview documents, press goes, its override too.
  auto merged = tl({"source-types", f.file, "--merge", "press", "interview"});
  CHECK(merged.status == 0);
  CHECK(merged.out.find("1 documents") != std::string::npos);
  CHECK(names() == V{"observation", "interview", "official"});
  f.reopen();
  CHECK(load_overrides(*f.p).empty());
  auto m = f.matrix();
  CHECK(row(m, f.goals).cells[1].codings == 2);  // interview column: two documents' passages
  CHECK(f.p->undo_label().value() == "Merge source type press into interview");
  f.p->undo();
  CHECK(load_overrides(*f.p).size() == 1);
  m = f.matrix();
  CHECK(m.columns.labels == V{"observation", "interview", "press", "official"});
  CHECK(row(m, f.goals).cells[2].codings == 1);
  f.p->undo();  // the move
  f.p->undo();  // the colour
  f.p->undo();  // the rename
  CHECK(f.matrix().columns.labels == V{"interview", "news", "official", "observation"});
  CHECK(load_overrides(*f.p)[0].column_a == "news");
  const int64_t rev = f.p->revision();
  f.close();
  struct Bad {
    std::vector<std::string> args;
    const char* says;
  };
  const Bad bad[] = {
      {{"--add", "news"}, "exists already"},
      {{"--add", "survey", "--colour", "red"}, "#RRGGBB"},
      {{"--rename", "radio", "tv"}, "unknown source type 'radio'"},
      {{"--rename", "news", "official"}, "exists already"},
      {{"--colour", "news", "#12"}, "#RRGGBB"},
      {{"--move", "news", "9"}, "outside"},
      {{"--merge", "news", "news"}, "into itself"},
      {{"--merge", "news", "radio"}, "unknown source type 'radio'"},
  };
  for (const auto& b : bad) {
    std::vector<std::string> args{"source-types", f.file};
    args.insert(args.end(), b.args.begin(), b.args.end());
    auto r = tl(args);
    CAPTURE(b.args.front());
    CAPTURE(r.err);
    CHECK(r.status == 1);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(r.err.find(b.says) != std::string::npos);
  }
  f.reopen();
  CHECK(f.p->revision() == rev);
}

TEST_CASE("an override records the automatic value, the coder and the time; new evidence makes it stale") {
  Fixture f;
  Id i1 = f.doc("interview"), o1 = f.doc("official");
  f.code(i1, f.goals, 0, 40, Stance::contradicts);
  f.code(i1, f.goals, 100, 140, Stance::contradicts);
  f.code(o1, f.goals, 0, 40, Stance::supports);
  f.close();
  f.reopen("citra");  // the researcher who judges
  {
    auto t = EvidenceTable::load(*f.p);
    set_override(*f.p, t, f.goals, "type", "interview", "official", "partial agreement", "different questions");
    set_override(*f.p, t, f.goals, "type", "", "", "triangulated", "the dispute is about who benefits");
  }
  auto ov = load_overrides(*f.p);
  REQUIRE(ov.size() == 2);
  CHECK(ov[0].automatic == "dissonance");  // interview net -, official net +
  CHECK(ov[1].automatic == "divergent");
  for (const auto& o : ov) {
    CHECK(o.coder == "citra");
    CHECK(o.created.size() == 20);  // 2026-12-07T10:15:00Z
    CHECK(o.created.back() == 'Z');
  }
  auto m = f.matrix();
  CHECK_FALSE(row(m, f.goals).stale());

  // New evidence: three supporting interview passages turn the interview net positive.
  for (int64_t s : {200, 300, 400}) f.code(i1, f.goals, s, s + 40, Stance::supports);
  m = f.matrix();
  const Pair& p = pair(row(m, f.goals), m, "interview", "official");
  CHECK(p.automatic == Convergence::partial);  // interview 5 passages (3-2-0), official 1: both net +, 5 > 3 * 1
  REQUIRE(p.override.has_value());
  CHECK(p.override->stale);
  CHECK(p.override->automatic_then == "dissonance");
  CHECK(row(m, f.goals).status_override->stale);  // automatic status now triangulated, was divergent
  CHECK(row(m, f.goals).stale());
  auto j = exchange::matrix_json(m);
  const auto& jrow = j["rows"][2];
  CHECK(jrow["stale"] == true);
  CHECK(jrow["status"]["stale"] == true);
  CHECK(jrow["status"]["override"]["automatic_then"] == "divergent");
  CHECK(jrow["status"]["override"]["automatic_now"] == "triangulated");
  CHECK(exchange::status_text(row(m, f.goals)).find("STALE") != std::string::npos);

  // Through the CLI: flagged in the JSON and the table, cleared by --confirm.
  f.close();
  auto r = tl({"triangulate", f.file, "--json"});
  REQUIRE(r.status == 0);
  auto jj = nlohmann::json::parse(r.out);
  bool stale_pair = false;
  for (auto& pr : jj["rows"][2]["pairs"])
    if (pr["a"] == "interview" && pr["b"] == "official") {
      stale_pair = pr["stale"] == true;
      CHECK(pr["override"]["automatic_then"] == "dissonance");
      CHECK(pr["override"]["automatic_now"] == "partial agreement");
      CHECK(pr["override"]["coder"] == "citra");
    }
  CHECK(stale_pair);
  CHECK(tl({"triangulate", f.file}).out.find("STALE") != std::string::npos);
  auto c = tl({"override", f.file, "--indicator", "Output/Trade goals reached", "--pair", "interview,official",
               "--confirm", "--coder", "dewi"});
  CAPTURE(c.err);
  CHECK(c.status == 0);
  f.reopen();
  m = f.matrix();
  CHECK_FALSE(pair(row(m, f.goals), m, "interview", "official").override->stale);
  CHECK(pair(row(m, f.goals), m, "interview", "official").override->coder == "dewi");
  CHECK(row(m, f.goals).status_override->stale);  // the status override is still to be confirmed
  CHECK(f.p->undo_label().value().find("Confirm override") != std::string::npos);
  f.p->undo();
  m = f.matrix();
  CHECK(pair(row(m, f.goals), m, "interview", "official").override->stale);

  // Confirming through the model API; a changed setting moves the automatic value again.
  auto t = EvidenceTable::load(*f.p);
  confirm_override(*f.p, t, f.goals, "type", "", "");
  confirm_override(*f.p, t, f.goals, "type", "interview", "official");
  m = f.matrix();
  CHECK_FALSE(row(m, f.goals).stale());
  set_method_setting(*f.p, "triangulation.prominence", "5");  // 5 <= 5 * 1: agreement
  m = f.matrix();
  CHECK(pair(row(m, f.goals), m, "interview", "official").automatic == Convergence::agreement);
  CHECK(pair(row(m, f.goals), m, "interview", "official").override->stale);
  CHECK_FALSE(row(m, f.goals).status_override->stale);  // still triangulated
  CHECK_THROWS_AS(confirm_override(*f.p, t, f.legal, "type", "", ""), NotFound);
}

TEST_CASE("the audit record other overrides can use (the verdict)") {
  Fixture f;
  f.close();
  f.reopen("citra");
  Audit a = audit_now(*f.p, "fairly effective");
  CHECK(a.coder == "citra");
  CHECK(a.at.back() == 'Z');
  CHECK_FALSE(is_stale(a, "fairly effective"));
  CHECK(is_stale(a, "effective"));
  CHECK_FALSE(is_stale(Audit{}, "effective"));  // nothing recorded: never stale
  Audit b = audit_from_json(audit_to_json(a));
  CHECK(b.automatic == a.automatic);
  CHECK(b.coder == a.coder);
  CHECK(b.at == a.at);
  CHECK(audit_from_json("not json").automatic.empty());
}

TEST_CASE("schema 3: a schema-2 project gains the audit columns; old overrides are never stale") {
  const fs::path dir = fs::temp_directory_path() / ("telaah-method-mig-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path f = dir / "old.telaah";
  {
    SQLite::Database db(f.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec(store::migrations()[0]);
    db.exec(store::migrations()[1]);
    db.exec("INSERT INTO meta VALUES ('project_id', '00000000-0000-4000-8000-000000000002')");
    db.exec("INSERT INTO codes(id, name, colour, kind) VALUES (1, 'Goals', '#123456', 'indicator')");
    db.exec(
        "INSERT INTO overrides(code_id, dimension, label, memo, created) VALUES (1, 'type', 'triangulated', 'why', "
        "'2025-01-01T00:00:00Z')");
    db.exec("PRAGMA user_version=2");
  }
  {
    auto p = store::Project::open(f);
    CHECK(p->db().execAndGet("PRAGMA user_version").getInt() == store::kSchemaVersion);
    auto ov = load_overrides(*p);
    REQUIRE(ov.size() == 1);
    CHECK(ov[0].automatic.empty());
    CHECK(ov[0].coder.empty());
    auto m = triangulate(EvidenceTable::load(*p), {}, {});
    apply_overrides(m, ov);
    REQUIRE(m.rows.size() == 1);
    CHECK(m.rows[0].status_override.has_value());
    CHECK_FALSE(m.rows[0].stale());  // gap now, but nothing was recorded
    CHECK(p->check().empty());
  }
  CHECK(fs::exists(dir / "old.telaah.pre-v3.bak"));
  fs::remove_all(dir);
}
