// Retrieval (analysis/retrieval.h): filters, code queries (AND overlapping,
// AND same paragraph, OR, NOT) and the two matrices, against sets computed by
// hand on a small project, and on the sample project against its coding
// tables (corpus/coding/*.tsv) and a brute-force reading of the definitions.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "analysis/cooccurrence.h"
#include "analysis/evidence.h"
#include "analysis/retrieval.h"
#include "helpers/temp_dir.h"
#include "sample/sample.h"
#include "store/project.h"

using namespace telaah;
using analysis::CodeOp;
using analysis::EvidenceTable;
using analysis::RetrievalQuery;
using store::Id;
using store::Stance;
namespace fs = std::filesystem;

namespace {

// Three documents, five codes, ten codings; every expected set below is
// worked out from the offsets in this comment.
//
// doc1 (interview, 2015-03-01, region=north):
//   P1 [0,23)  "Alpha beta gamma delta."
//   P2 [25,48) "Epsilon zeta eta theta."
//   P3 [50,71) "Iota kappa lambda mu."
//   a1 A  [0,5)   supports    x   "Alpha"
//   b1 B  [5,10)  neutral     x   touches a1, overlaps a2
//   a2 A1 [6,16)  contradicts y   (A1 is a sub-code of A)
//   b2 B  [25,32) supports    x
//   a3 A  [50,54) neutral     x   "Iota"
//   c1 C  [52,60) neutral     x   overlaps a3
// doc2 (news, 2016-07-09, region=south): "One two three four."
//   a4 A  [4,7)   contradicts x   "two"
//   b3 B  [4,7)   supports    x   the same span as a4
// doc3 (official, no date, no region; pages 1 at 0, 2 at 20):
//   "First page text....\n\nSecond page text here."
//   a5 A  [21,27) neutral     x   on page 2
//   a6 A  [30,34) supports    x   (to test A AND A: a5 and a6 do not overlap)
struct Small {
  test::TempDir dir{"telaah-retrieval"};
  std::unique_ptr<store::Project> p;
  Id doc1 = 0, doc2 = 0, doc3 = 0;
  Id A = 0, A1 = 0, B = 0, C = 0, input = 0;
  Id a1, b1, a2, b2, a3, c1, a4, b3, a5, a6;
  Id x = 0, y = 0;

  Small() {
    store::OpenOptions o;
    o.create = true;
    o.coder = "x";
    p = store::Project::create(dir / "s.telaah", o);
    auto add_doc = [&](const std::string& title, const std::string& type, const std::string& date,
                       const std::string& text, std::vector<store::Attribute> attrs,
                       std::vector<store::Page> pages = {}) {
      store::NewDocument d;
      d.title = title;
      d.source_type = type;
      d.date = date;
      d.language = "en";
      d.text = text;
      d.original_name = title + ".txt";
      d.original_bytes = text;
      d.attributes = std::move(attrs);
      d.pages = std::move(pages);
      return p->add_document(d);
    };
    doc1 = add_doc("one", "interview", "2015-03-01",
                   "Alpha beta gamma delta.\n\nEpsilon zeta eta theta.\n\nIota kappa lambda mu.\n",
                   {{"region", "text", "north"}});
    doc2 = add_doc("two", "news", "2016-07-09", "One two three four.\n", {{"region", "text", "south"}});
    doc3 = add_doc("three", "official", "", "First page text....\n\nSecond page text here.\n", {}, {{1, 0}, {2, 20}});
    store::Code v;
    v.name = "Input";
    v.kind = store::CodeKind::variable;
    input = p->add_code(v);
    store::Code a;
    a.name = "A";
    a.parent = input;
    a.kind = store::CodeKind::indicator;
    A = p->add_code(a);
    store::Code a1c;
    a1c.name = "A1";
    a1c.parent = A;
    A1 = p->add_code(a1c);
    store::Code b = a;
    b.name = "B";
    B = p->add_code(b);
    store::Code c;
    c.name = "C";
    C = p->add_code(c);
    auto code = [&](Id doc, Id k, int64_t s, int64_t e, Stance st, const std::string& memo = "") {
      store::Coding cd;
      cd.doc = doc;
      cd.code = k;
      cd.start = s;
      cd.end = e;
      cd.stance = st;
      cd.memo = memo;
      return p->add_coding(cd);
    };
    a1 = code(doc1, A, 0, 5, Stance::supports, "first word");
    b1 = code(doc1, B, 5, 10, Stance::neutral);
    p->set_coder("y");
    a2 = code(doc1, A1, 6, 16, Stance::contradicts);
    p->set_coder("x");
    b2 = code(doc1, B, 25, 32, Stance::supports);
    a3 = code(doc1, A, 50, 54, Stance::neutral);
    c1 = code(doc1, C, 52, 60, Stance::neutral);
    a4 = code(doc2, A, 4, 7, Stance::contradicts);
    b3 = code(doc2, B, 4, 7, Stance::supports);
    a5 = code(doc3, A, 21, 27, Stance::neutral);
    a6 = code(doc3, A, 30, 34, Stance::supports);
    x = *p->find_coder("x");
    y = *p->find_coder("y");
  }

  std::vector<Id> run(const RetrievalQuery& q) const {
    auto t = EvidenceTable::load(*p);
    std::vector<Id> out;
    for (const auto& h : analysis::retrieve(t, *p, q)) out.push_back(h.coding);
    return out;
  }
  RetrievalQuery q(std::vector<Id> a, CodeOp op = CodeOp::only_a, std::vector<Id> b = {}) const {
    RetrievalQuery r;
    r.codes_a = std::move(a);
    r.op = op;
    r.codes_b = std::move(b);
    return r;
  }
};

using Ids = std::vector<Id>;

}  // namespace

TEST_CASE("retrieval: codes with and without sub-codes, in document order") {
  Small s;
  CHECK(s.run(s.q({s.A})) == Ids{s.a1, s.a2, s.a3, s.a4, s.a5, s.a6});
  auto no_sub = s.q({s.A});
  no_sub.subcodes = false;
  CHECK(s.run(no_sub) == Ids{s.a1, s.a3, s.a4, s.a5, s.a6});
  CHECK(s.run(s.q({s.A1})) == Ids{s.a2});
  CHECK(s.run(s.q({s.input})) == Ids{s.a1, s.b1, s.a2, s.b2, s.a3, s.a4, s.b3, s.a5, s.a6});  // the variable: A, A1, B
  CHECK(s.run(s.q({s.B, s.C})) == Ids{s.b1, s.b2, s.c1, s.b3});
  CHECK(s.run(s.q({})).size() == 10);  // no code: every coding
}

TEST_CASE("retrieval: filters by source type, attribute, coder, stance and document date") {
  Small s;
  auto with = [&](auto set) {
    auto q = s.q({s.A});
    set(q.filter);
    return s.run(q);
  };
  CHECK(with([](auto& f) { f.stances = {Stance::contradicts}; }) == Ids{s.a2, s.a4});
  CHECK(with([](auto& f) { f.stances = {Stance::supports, Stance::neutral}; }) == Ids{s.a1, s.a3, s.a5, s.a6});
  CHECK(with([](auto& f) { f.source_types = {"interview"}; }) == Ids{s.a1, s.a2, s.a3});
  CHECK(with([](auto& f) { f.source_types = {"news", "official"}; }) == Ids{s.a4, s.a5, s.a6});
  CHECK(with([](auto& f) { f.attributes = {{"region", "south"}}; }) == Ids{s.a4});
  CHECK(with([](auto& f) { f.attributes = {{"region", "east"}}; }).empty());   // a value nobody has
  CHECK(with([](auto& f) { f.attributes = {{"colour", "north"}}; }).empty());  // an attribute nobody has
  CHECK(with([&](auto& f) { f.coders = {s.y}; }) == Ids{s.a2});
  CHECK(with([&](auto& f) { f.coders = {s.x, s.y}; }).size() == 6);
  CHECK(with([](auto& f) { f.date_from = "2016"; }) == Ids{s.a4});               // undated doc3 is out
  CHECK(with([](auto& f) { f.date_to = "2015-03"; }) == Ids{s.a1, s.a2, s.a3});  // the whole month counts
  CHECK(with([](auto& f) {
          f.date_from = "2015-03-02";
          f.date_to = "2016-07-09";
        }) == Ids{s.a4});
  // Combined: the done-when query in small: contradicting interview passages on A.
  CHECK(with([](auto& f) {
          f.source_types = {"interview"};
          f.stances = {Stance::contradicts};
        }) == Ids{s.a2});
}

TEST_CASE("retrieval: code queries; touching spans do not overlap, the same paragraph does") {
  Small s;
  CHECK(s.run(s.q({s.A}, CodeOp::and_overlap, {s.B})) == Ids{s.a2, s.a4});
  CHECK(s.run(s.q({s.A}, CodeOp::and_paragraph, {s.B})) == Ids{s.a1, s.a2, s.a4});  // a1 touches b1 in P1
  CHECK(s.run(s.q({s.A}, CodeOp::not_, {s.B})) == Ids{s.a1, s.a3, s.a5, s.a6});
  CHECK(s.run(s.q({s.A}, CodeOp::or_, {s.B})) == Ids{s.a1, s.b1, s.a2, s.b2, s.a3, s.a4, s.b3, s.a5, s.a6});
  CHECK(s.run(s.q({s.A}, CodeOp::and_overlap, {s.C})) == Ids{s.a3});
  CHECK(s.run(s.q({s.B}, CodeOp::and_overlap, {s.A})) == Ids{s.b1, s.b3});
  // Without sub-codes a2 (coded A1) is neither an A coding nor overlapping one.
  auto q = s.q({s.B}, CodeOp::and_overlap, {s.A});
  q.subcodes = false;
  CHECK(s.run(q) == Ids{s.b3});
  // A coding never pairs with itself: A AND A needs two A codings.
  CHECK(s.run(s.q({s.A}, CodeOp::and_overlap, {s.A})).empty());
  CHECK(s.run(s.q({s.A}, CodeOp::and_paragraph, {s.A})) ==
        Ids{s.a1, s.a2, s.a5, s.a6});  // pairs in P1 of doc1 and P2 of doc3
  CHECK(s.run(s.q({s.A}, CodeOp::not_, {s.A})).size() == 6);
  // The filter restricts the rows, not B: b1 is neutral, a2 contradicts.
  auto f = s.q({s.A}, CodeOp::and_overlap, {s.B});
  f.filter.stances = {Stance::contradicts};
  CHECK(s.run(f) == Ids{s.a2, s.a4});
  f.filter.source_types = {"news"};
  CHECK(s.run(f) == Ids{s.a4});
  // A third A coding that overlaps a1 makes A AND A find both.
  store::Coding extra;
  extra.doc = s.doc1;
  extra.code = s.A;
  extra.start = 2;
  extra.end = 8;
  const Id a7 = s.p->add_coding(extra);
  CHECK(s.run(s.q({s.A}, CodeOp::and_overlap, {s.A})) == Ids{s.a1, a7, s.a2});
}

TEST_CASE("retrieval: bad input is a clear error") {
  Small s;
  auto t = EvidenceTable::load(*s.p);
  auto q = s.q({s.A});
  q.filter.date_from = "2015-13";
  CHECK_THROWS_WITH_AS(analysis::retrieve(t, *s.p, q), doctest::Contains("2015-13"), ValidationError);
  q.filter.date_from = "2016";
  q.filter.date_to = "2015";
  CHECK_THROWS_WITH_AS(analysis::retrieve(t, *s.p, q), doctest::Contains("before it starts"), ValidationError);
  CHECK_THROWS_WITH_AS(analysis::retrieve(t, *s.p, s.q({s.A}, CodeOp::not_, {})), doctest::Contains("B"),
                       ValidationError);
  CHECK_THROWS_AS(analysis::retrieve(t, *s.p, s.q({99999})), NotFound);
  s.p->delete_code(s.C);
  t.refresh(*s.p);
  CHECK_THROWS_AS(analysis::retrieve(t, *s.p, s.q({s.C})), NotFound);
}

TEST_CASE("retrieval: rows carry quote, context, paragraph, page, memo, coder") {
  Small s;
  auto t = EvidenceTable::load(*s.p);
  analysis::RowDescriber d(*s.p, t, 12);
  auto hits = analysis::retrieve(t, *s.p, s.q({s.A}));
  auto rows = d.describe_all(hits);
  REQUIRE(rows.size() == 6);
  CHECK(rows[0].quote == "Alpha");
  CHECK(rows[0].before.empty());
  CHECK(rows[0].after == " beta gamma\xE2\x80\xA6");  // 12 code points, cut back to a word
  CHECK(rows[0].memo == "first word");
  CHECK(rows[0].paragraph == 1);
  CHECK(rows[0].page == 0);
  CHECK(rows[0].code_path == "Input/A");
  CHECK(rows[0].document == "one");
  CHECK(rows[0].source_type == "interview");
  CHECK(rows[1].quote == "beta gamma");
  CHECK(rows[1].code_path == "Input/A/A1");
  CHECK(rows[1].coder_name == "y");
  CHECK(rows[1].stance == Stance::contradicts);
  CHECK(rows[1].before == "Alpha ");  // the paragraph starts inside the window: nothing cut
  CHECK(rows[2].quote == "Iota");
  CHECK(rows[2].paragraph == 3);
  CHECK(rows[2].after == " kappa\xE2\x80\xA6");
  CHECK(rows[4].quote == "Second");
  CHECK(rows[4].page == 2);
  CHECK(rows[4].paragraph == 2);
  CHECK(rows[4].before.empty());  // context stays inside the paragraph
  CHECK(rows[4].start == 21);
  CHECK(rows[4].end == 27);
}

TEST_CASE("matrices: code x code co-occurrence and code x attribute, each cell with its codings") {
  Small s;
  auto t = EvidenceTable::load(*s.p);
  auto m = analysis::cooccurrence_matrix(t, *s.p, {s.A, s.B, s.C}, true, {});
  auto ids = [](const analysis::MatrixCell& c) {
    Ids out;
    for (const auto& h : c.codings) out.push_back(h.coding);
    return out;
  };
  CHECK(m.at(0, 1).count == 2);  // (a2, b1), (a4, b3)
  CHECK(m.at(0, 1).documents == 2);
  CHECK(ids(m.at(0, 1)) == Ids{s.b1, s.a2, s.a4, s.b3});
  CHECK(ids(m.at(1, 0)) == ids(m.at(0, 1)));
  CHECK(m.at(0, 2).count == 1);
  CHECK(ids(m.at(0, 2)) == Ids{s.a3, s.c1});
  CHECK(m.at(1, 2).count == 0);
  CHECK(m.at(1, 2).codings.empty());
  CHECK(m.at(0, 0).count == 0);  // no two A codings overlap
  // A variable and its indicator nested in one matrix: each pair counts once per cell.
  auto nested = analysis::cooccurrence_matrix(t, *s.p, {s.input, s.A}, true, {});
  CHECK(nested.at(0, 0).count == 2);  // (a2,b1) and (a4,b3), both inside Input
  CHECK(nested.at(0, 1).count == 2);
  CHECK(nested.at(1, 1).count == 0);
  // Filtered: only contradicting codings take part.
  analysis::RetrievalFilter f;
  f.stances = {Stance::contradicts, Stance::neutral};
  CHECK(analysis::cooccurrence_matrix(t, *s.p, {s.A, s.B}, true, f).at(0, 1).count == 1);  // (a2, b1)
  // Without sub-codes it agrees with analysis::cooccurrence for every pair of codes.
  std::vector<Id> all{s.input, s.A, s.A1, s.B, s.C};
  auto exact = analysis::cooccurrence_matrix(t, *s.p, all, false, {});
  auto co = analysis::cooccurrence(t);
  for (size_t i = 0; i < all.size(); ++i)
    for (size_t j = 0; j < all.size(); ++j)
      CHECK(exact.at(i, j).count == co.at(t.code_index(all[i]), t.code_index(all[j])));

  auto by_region = analysis::attribute_matrix(t, *s.p, {s.A, s.B}, true, "region", {});
  REQUIRE(by_region.columns == std::vector<std::string>{"north", "south", ""});
  CHECK(ids(by_region.at(0, 0)) == Ids{s.a1, s.a2, s.a3});
  CHECK(ids(by_region.at(0, 1)) == Ids{s.a4});
  CHECK(ids(by_region.at(0, 2)) == Ids{s.a5, s.a6});
  CHECK(by_region.at(0, 2).documents == 1);
  CHECK(ids(by_region.at(1, 0)) == Ids{s.b1, s.b2});
  CHECK(by_region.at(1, 2).count == 0);
  auto by_type = analysis::attribute_matrix(t, *s.p, {s.A}, true, analysis::kBySourceType, {});
  REQUIRE(by_type.columns == std::vector<std::string>{"interview", "news", "official"});
  CHECK(by_type.at(0, 0).count == 3);
  CHECK(by_type.at(0, 1).count == 1);
  CHECK(by_type.at(0, 2).count == 2);
  CHECK_THROWS_AS(analysis::attribute_matrix(t, *s.p, {s.A}, true, "colour", {}), NotFound);
  const auto values = analysis::attribute_values(t);
  REQUIRE(values.count("region"));
  CHECK(values.at("region") == std::vector<std::string>{"north", "south"});
}

// --- the sample project ---

namespace {

struct Sample {
  test::TempDir dir{"telaah-retrieval-sample"};
  std::unique_ptr<store::Project> p;
  bool ok = false;
  Sample() {
    const fs::path corpus = fs::path(TELAAH_SOURCE_DIR) / "corpus";
    if (!fs::exists(corpus / "framework.json")) return;
    sample::build_sample(dir / "s.telaah", corpus);
    p = store::Project::open(dir / "s.telaah");
    ok = true;
  }
};

}  // namespace

TEST_CASE("sample: every contradicting interview passage on O1 (the issue's done-when)") {
  Sample s;
  if (!s.ok) {
    MESSAGE("skipped: no corpus/ in this source tree");
    return;
  }
  store::Project& p = *s.p;
  auto t = EvidenceTable::load(p);
  RetrievalQuery q;
  q.codes_a = {p.resolve_code("Output/Trade goals reached")};
  q.filter.source_types = {"interview"};
  q.filter.stances = {Stance::contradicts};
  const auto hits = analysis::retrieve(t, p, q);
  // The coding tables say which passages these are: O1 and its sub-codes, interviews, contradicts.
  std::multiset<std::string> want, want_ayu;
  std::multiset<std::pair<std::string, std::string>> want_memos, got_memos;
  for (const auto& a : sample::read_anchors(fs::path(TELAAH_SOURCE_DIR) / "corpus"))
    if (a.file.rfind("interviews/", 0) == 0 && a.code.rfind("Output/Trade goals reached", 0) == 0 &&
        a.stance == "contradicts") {
      want.insert(a.quote);
      want_memos.insert({a.quote, a.memo});
      if (a.coder == "ayu") want_ayu.insert(a.quote);
    }
  CHECK(want.size() == 11);  // 8 by ayu, 3 by bima (interviews.tsv)
  analysis::RowDescriber d(p, t);
  std::multiset<std::string> got;
  for (const auto& r : d.describe_all(hits)) {
    got.insert(r.quote);
    CHECK(r.source_type == "interview");
    CHECK(r.stance == Stance::contradicts);
    CHECK(r.code_path.rfind("Output/Trade goals reached", 0) == 0);
    CHECK(r.paragraph > 0);
    got_memos.insert({r.quote, r.memo});
  }
  CHECK(got == want);
  CHECK(got_memos == want_memos);
  // One coder only.
  q.filter.coders = {*p.find_coder("ayu")};
  got.clear();
  for (const auto& r : d.describe_all(analysis::retrieve(t, p, q))) got.insert(r.quote);
  CHECK(got == want_ayu);
  CHECK(got.size() == 8);
}

TEST_CASE("sample: code queries agree with a brute-force reading of the definitions") {
  Sample s;
  if (!s.ok) {
    MESSAGE("skipped: no corpus/ in this source tree");
    return;
  }
  store::Project& p = *s.p;
  auto t = EvidenceTable::load(p);
  const auto all = p.codings();
  std::map<Id, std::vector<text::Block>> blocks;
  for (const auto& d : p.documents()) blocks[d.id] = p.blocks(d.id);
  auto in = [&](const std::vector<Id>& set, Id code) { return std::find(set.begin(), set.end(), code) != set.end(); };
  auto same_par = [&](const store::Coding& a, const store::Coding& b) {
    for (const auto& bl : blocks[a.doc])
      if (bl.start < a.end && a.start < bl.end && bl.start < b.end && b.start < bl.end) return true;
    return false;
  };
  std::vector<Id> indicators;
  for (const auto& c : p.codes())
    if (c.kind == store::CodeKind::indicator || !c.parent) indicators.push_back(c.id);
  REQUIRE(indicators.size() >= 7);
  int nonempty = 0;
  for (Id ca : indicators)
    for (Id cb : indicators) {
      const auto sa = p.code_descendants(ca), sb = p.code_descendants(cb);
      for (CodeOp op : {CodeOp::and_overlap, CodeOp::and_paragraph, CodeOp::not_, CodeOp::or_}) {
        std::set<Id> want;
        for (const auto& a : all) {
          const bool is_a = in(sa, a.code), is_b = in(sb, a.code);
          if (op == CodeOp::or_) {
            if (is_a || is_b) want.insert(a.id);
            continue;
          }
          if (!is_a) continue;
          bool found = false;
          for (const auto& b : all)
            if (b.id != a.id && b.doc == a.doc && in(sb, b.code)) {
              if (op == CodeOp::and_paragraph ? same_par(a, b) : (a.start < b.end && b.start < a.end)) found = true;
            }
          if (found == (op != CodeOp::not_)) want.insert(a.id);
        }
        RetrievalQuery q;
        q.codes_a = {ca};
        q.op = op;
        q.codes_b = {cb};
        std::set<Id> got;
        for (const auto& h : analysis::retrieve(t, p, q)) got.insert(h.coding);
        CHECK_MESSAGE(got == want, p.code_path(ca), " ", analysis::to_string(op), " ", p.code_path(cb));
        if (op == CodeOp::and_overlap && ca != cb && !got.empty()) ++nonempty;
      }
    }
  CHECK(nonempty > 0);  // the sample has overlapping codes, so the test compares something
}

TEST_CASE("sample: the page map gives pages of the PDF's codings") {
  Sample s;
  if (!s.ok) {
    MESSAGE("skipped: no corpus/ in this source tree");
    return;
  }
  auto t = EvidenceTable::load(*s.p);
  RetrievalQuery q;
  q.filter.source_types = {"official"};
  analysis::RowDescriber d(*s.p, t);
  int paged = 0;
  for (const auto& r : d.describe_all(analysis::retrieve(t, *s.p, q)))
    if (r.document.rfind("LKPJ", 0) == 0) {
      CHECK(r.page >= 1);
      ++paged;
    }
  CHECK(paged > 0);
}
