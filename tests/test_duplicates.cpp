// Near-duplicate documents (issue 23 item 2): the overlap measures on
// hand-computed shingle sets, the decision rule as a table, precision and
// recall on a generated corpus with known duplicates (edited copies: a changed
// headline, cut paragraphs, added boilerplate), recorded decisions through
// undo and redo, and a recorded group counted as one document in the
// triangulation matrix (hand-computed cells), with the setting that turns it
// off. The CLI's JSON shape and refusals at the end.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>

#include "analysis/duplicates.h"
#include "analysis/evidence.h"
#include "analysis/triangulation.h"
#include "helpers/run.h"
#include "store/duplicates.h"
#include "store/project.h"

namespace fs = std::filesystem;
using namespace telaah;
using store::Id;

namespace {

struct Fixture {
  fs::path dir;
  std::unique_ptr<store::Project> p;
  static inline int serial = 0;
  Fixture() {
    dir = fs::temp_directory_path() / ("telaah-dup-" + std::to_string(::getpid()) + "-" + std::to_string(serial++));
    fs::remove_all(dir);
    fs::create_directories(dir);
    store::OpenOptions o;
    o.coder = "ayu";
    p = store::Project::create(dir / "t.telaah", o);
  }
  ~Fixture() {
    p.reset();
    fs::remove_all(dir);
  }
  Id doc(const std::string& type, const std::string& title, const std::string& text, const std::string& date = "") {
    store::NewDocument d;
    d.title = title;
    d.source_type = type;
    d.text = text;
    d.date = date;
    return p->add_document(d);
  }
};

// A generated language: 4,000 made-up words drawn with a Zipf-like law, so
// unrelated articles share common words but almost never a run of five.
struct Generator {
  std::mt19937 rng{20261207};
  std::vector<std::string> vocab;
  std::discrete_distribution<size_t> pick;
  Generator() {
    const char* syl[] = {"ka", "ra", "ma", "si", "tu", "pe", "ng", "la",
                         "da", "ba", "ni", "ko", "se", "an", "ti", "ru"};
    std::vector<double> w;
    for (size_t i = 0; i < 4000; ++i) {
      std::string s;
      size_t v = i + 17;
      for (int k = 0; k < 3 + static_cast<int>(i % 3); ++k, v /= 16) s += syl[v % 16];
      vocab.push_back(s);
      w.push_back(1.0 / static_cast<double>(i + 1));
    }
    pick = std::discrete_distribution<size_t>(w.begin(), w.end());
  }
  std::string sentence(int words) {
    std::string s;
    for (int i = 0; i < words; ++i) s += (i ? " " : "") + vocab[pick(rng)];
    return s + ".";
  }
  std::vector<std::string> article(int paragraphs) {
    std::vector<std::string> out;
    for (int i = 0; i < paragraphs; ++i) out.push_back(sentence(25) + " " + sentence(20) + " " + sentence(15));
    return out;
  }
};

std::string join(const std::string& headline, const std::vector<std::string>& paras) {
  std::string s = headline + "\n\n";
  for (const auto& p : paras) s += p + "\n\n";
  return s;
}

}  // namespace

TEST_CASE("overlap: containment, Jaccard and size ratio on hand-counted shingles") {
  // 9 words -> 5 shingles; the copy drops the last two words -> 3 shingles, all shared.
  const auto a = analysis::shingles("one two three four five six seven eight nine");
  const auto b = analysis::shingles("One, two; THREE four five six seven.");
  CHECK(a.size() == 5);
  CHECK(b.size() == 3);
  const auto o = analysis::overlap(a, b);
  CHECK(o.containment == doctest::Approx(1.0));
  CHECK(o.jaccard == doctest::Approx(3.0 / 5.0));
  CHECK(o.ratio == doctest::Approx(3.0 / 5.0));
  // Nothing shared; an empty text has no shingles and overlaps nothing.
  CHECK(analysis::overlap(a, analysis::shingles("ten eleven twelve thirteen fourteen")).containment == 0);
  CHECK(analysis::shingles("  ,. ").empty());
  CHECK(analysis::overlap(a, {}).jaccard == 0);
  // A text shorter than five words is one shingle.
  CHECK(analysis::shingles("short text").size() == 1);
}

TEST_CASE("the decision rule as a table") {
  analysis::DuplicateOptions opt;  // threshold 0.7, min ratio 0.3
  struct Case {
    double containment, jaccard, ratio;
    size_t smaller;
    bool expected;
  };
  const Case cases[] = {
      {0.70, 0.5, 0.6, 50, true},   // at the threshold
      {0.69, 0.5, 0.6, 50, false},  // just under
      {1.00, 0.2, 0.2, 50, false},  // a brief inside a long round-up: ratio under 0.3
      {1.00, 0.3, 0.3, 50, true},   // ratio at 0.3
      {0.95, 0.95, 1.0, 9, false},  // under 10 shingles: identical only
      {1.00, 1.00, 1.0, 9, true},   // identical short texts
      {1.00, 1.00, 1.0, 10, true},  // 10 shingles: the general rule
  };
  for (const auto& c : cases) {
    analysis::Overlap o;
    o.containment = c.containment;
    o.jaccard = c.jaccard;
    o.ratio = c.ratio;
    CAPTURE(c.containment);
    CAPTURE(c.smaller);
    CHECK(analysis::near_duplicates(o, c.smaller, opt) == c.expected);
  }
  analysis::DuplicateOptions bad;
  bad.threshold = 0;
  CHECK_THROWS_AS(analysis::validate(bad), ValidationError);
  bad.threshold = 0.5;
  bad.min_ratio = 1.5;
  CHECK_THROWS_AS(analysis::validate(bad), ValidationError);
}

TEST_CASE("precision and recall on a generated corpus with known duplicates") {
  Fixture f;
  Generator g;
  std::map<Id, int> family;  // document -> the original it copies (its own id for originals); absent: unrelated
  const std::string boiler =
      "Baca juga berita lainnya di portal kami dan ikuti kami di media sosial untuk kabar terbaru setiap hari.";
  int edited = 0;
  for (int k = 0; k < 40; ++k) {
    auto paras = g.article(8);
    const Id orig = f.doc("news", "Original " + std::to_string(k), join(g.sentence(8), paras));
    family[orig] = static_cast<int>(orig);
    // Copy 1: a new headline. Copy 2: two of eight paragraphs cut. Copy 3:
    // boilerplate added at both ends and one paragraph cut.
    const Id c1 = f.doc("news", "Copy A " + std::to_string(k), join(g.sentence(9), paras));
    auto cut = paras;
    cut.erase(cut.begin() + 2);
    cut.erase(cut.begin() + 5);
    const Id c2 = f.doc("news", "Copy B " + std::to_string(k), join(g.sentence(8), cut));
    auto boiled = paras;
    boiled.erase(boiled.begin() + 6);
    boiled.insert(boiled.begin(), boiler);
    boiled.push_back(boiler + " " + boiler);
    const Id c3 = f.doc("news", "Copy C " + std::to_string(k), join(g.sentence(7), boiled));
    family[c1] = family[c2] = family[c3] = static_cast<int>(orig);
    edited += 3;
  }
  for (int k = 0; k < 200; ++k) f.doc("news", "Unrelated " + std::to_string(k), join(g.sentence(8), g.article(6)));
  // A brief quoted inside a long round-up is not a duplicate of it.
  auto brief = g.article(1);
  auto roundup = g.article(9);
  roundup.insert(roundup.begin() + 4, brief[0]);
  const Id b = f.doc("news", "Brief", join(g.sentence(6), brief));
  const Id r = f.doc("news", "Round-up", join(g.sentence(6), roundup));

  auto rep = analysis::find_duplicates(*f.p, {});
  CHECK(rep.documents == 40 * 4 + 200 + 2);
  // Pairs found vs pairs true.
  std::set<std::pair<Id, Id>> found, truth;
  for (const auto& grp : rep.groups)
    for (size_t i = 0; i < grp.docs.size(); ++i)
      for (size_t j = i + 1; j < grp.docs.size(); ++j) found.insert({grp.docs[i], grp.docs[j]});
  for (const auto& [d1, o1] : family)
    for (const auto& [d2, o2] : family)
      if (d1 < d2 && o1 == o2) truth.insert({d1, d2});
  size_t hits = 0;
  for (const auto& pr : found) hits += truth.count(pr);
  const double precision = found.empty() ? 0 : static_cast<double>(hits) / static_cast<double>(found.size());
  const double recall = static_cast<double>(hits) / static_cast<double>(truth.size());
  MESSAGE("duplicates: " << truth.size() << " true pairs, " << found.size() << " found, precision " << precision
                         << ", recall " << recall << ", " << rep.candidates << " candidate pairs checked");
  CHECK(truth.size() == 40 * 6);
  CHECK(precision == doctest::Approx(1.0));
  CHECK(recall >= 0.95);
  CHECK(found.count({b, r}) == 0);
  // Every family is one group of four.
  size_t fours = 0;
  for (const auto& grp : rep.groups) fours += grp.docs.size() == 4 ? 1 : 0;
  CHECK(fours >= 38);
  (void)edited;

  SUBCASE("only one source type") {
    f.doc("official", "Copy in another type", f.p->text(rep.groups.front().docs.front()));
    analysis::DuplicateOptions o;
    o.source_type = "official";
    CHECK(analysis::find_duplicates(*f.p, o).groups.empty());
    o.source_type = "no such type";
    CHECK_THROWS(analysis::find_duplicates(*f.p, o));
  }
}

TEST_CASE("recorded decisions: mark, merge, keep apart, remove; undo and redo") {
  Fixture f;
  const std::string text = "the same article text published again by another outlet with a different headline";
  const Id a = f.doc("news", "A", text), b = f.doc("news", "B", text), c = f.doc("news", "C", text),
           d = f.doc("news", "D", "something else entirely, not like the others at all in any way");
  CHECK(analysis::find_duplicates(*f.p, {}).groups.size() == 1);
  const Id g1 = store::mark_duplicates(*f.p, {a, b}, 1.0);
  auto groups = store::duplicate_groups(*f.p);
  REQUIRE(groups.size() == 1);
  CHECK(groups[0].docs == std::vector<Id>{a, b});
  CHECK(groups[0].duplicates);
  // The detector sees the group of three; {a, b} alone is recorded, so the
  // found group is not wholly recorded.
  auto rep = analysis::find_duplicates(*f.p, {});
  REQUIRE(rep.groups.size() == 1);
  CHECK(rep.groups[0].docs == std::vector<Id>{a, b, c});
  CHECK(rep.groups[0].recorded == 0);
  // Marking {b, c} merges into one group {a, b, c}.
  const Id g2 = store::mark_duplicates(*f.p, {c, b}, 1.0);
  groups = store::duplicate_groups(*f.p);
  REQUIRE(groups.size() == 1);
  CHECK(groups[0].id == g2);
  CHECK(groups[0].docs == std::vector<Id>{a, b, c});
  CHECK(analysis::find_duplicates(*f.p, {}).groups.at(0).recorded == g2);
  f.p->undo();
  groups = store::duplicate_groups(*f.p);
  REQUIRE(groups.size() == 1);
  CHECK(groups[0].id == g1);
  f.p->redo();
  CHECK(store::duplicate_groups(*f.p).at(0).docs.size() == 3);
  // Keeping a and c apart takes them out of the duplicate group and stops the
  // detector proposing the pair.
  store::mark_distinct(*f.p, {a, c}, 1.0);
  groups = store::duplicate_groups(*f.p);
  REQUIRE(groups.size() == 1);  // the duplicate group is left with b alone: not listed
  CHECK_FALSE(groups[0].duplicates);
  rep = analysis::find_duplicates(*f.p, {});
  std::set<std::pair<Id, Id>> pairs;
  for (const auto& gr : rep.groups)
    for (const auto& pr : gr.pairs) pairs.insert({pr.a, pr.b});
  CHECK(pairs.count({a, c}) == 0);
  CHECK(pairs.count({a, b}) == 1);
  // Bad input changes nothing.
  const auto rev = f.p->revision();
  CHECK_THROWS_AS(store::mark_duplicates(*f.p, {a}, 1.0), ValidationError);
  CHECK_THROWS_AS(store::mark_duplicates(*f.p, {a, a}, 1.0), ValidationError);
  CHECK_THROWS_AS(store::mark_duplicates(*f.p, {a, 9999}, 1.0), NotFound);
  CHECK_THROWS_AS(store::mark_duplicates(*f.p, {a, d}, 2.0), ValidationError);
  CHECK_THROWS_AS(store::remove_duplicate_group(*f.p, 9999), NotFound);
  CHECK(f.p->revision() == rev);
  // Remove a decision; undo brings it back.
  const Id last = store::duplicate_groups(*f.p).at(0).id;
  store::remove_duplicate_group(*f.p, last);
  CHECK(store::duplicate_groups(*f.p).empty());
  f.p->undo();
  CHECK(store::duplicate_groups(*f.p).size() == 1);
  CHECK(f.p->check().empty());
}

TEST_CASE("triangulation counts a recorded group as one document (hand-computed cells)") {
  Fixture f;
  f.p->load_codebook(nlohmann::json::parse(R"({"codes":[{"name":"Goals","kind":"indicator"}]})"));
  const Id goals = f.p->resolve_code("Goals");
  const Id coder = f.p->ensure_coder("ayu");
  std::string text;
  for (int i = 0; i < 10; ++i) text += "Paragraph " + std::to_string(i) + " says something worth coding here.\n\n";
  // Three copies of one story in news (two codings in the first copy, one in
  // each other), one independent news article, one interview.
  const Id n1 = f.doc("news", "Copy 1", text), n2 = f.doc("news", "Copy 2", text), n3 = f.doc("news", "Copy 3", text);
  const Id n4 = f.doc("news", "Other", "A different article about the same goals, coded once here and nowhere else.");
  const Id i1 = f.doc("interview", "Interview", text);
  auto code = [&](Id doc, int64_t s, int64_t e, store::Stance st) {
    store::Coding c;
    c.doc = doc;
    c.code = goals;
    c.coder = coder;
    c.start = s;
    c.end = e;
    c.stance = st;
    f.p->add_coding(c);
  };
  code(n1, 0, 40, store::Stance::supports);
  code(n1, 47, 90, store::Stance::supports);
  code(n2, 0, 40, store::Stance::supports);
  code(n3, 94, 130, store::Stance::contradicts);
  code(n4, 0, 20, store::Stance::supports);
  code(i1, 0, 40, store::Stance::supports);
  auto news_cell = [&]() {
    auto t = analysis::EvidenceTable::load(*f.p);
    auto m = analysis::triangulate(t, {}, analysis::settings_from_project(*f.p));
    const auto* r = m.find(goals);
    REQUIRE(r != nullptr);
    for (size_t c = 0; c < m.columns.labels.size(); ++c)
      if (m.columns.labels[c] == "news") return r->cells[c];
    FAIL("no news column");
    return analysis::Cell{};
  };
  // No decision recorded: every copy counts: 4 documents, 5 units (4 supports, 1 contradicts).
  auto c = news_cell();
  CHECK(c.documents == 4);
  CHECK(c.codings == 5);
  CHECK(c.supports == 4);
  CHECK(c.contradicts == 1);
  // Recorded: the group is one document; copy 1 (two units) stands for it:
  // documents 2 (the group, Other), units 3 (copy 1's two + Other's one), all supports.
  store::mark_duplicates(*f.p, {n1, n2, n3}, 1.0);
  c = news_cell();
  CHECK(c.documents == 2);
  CHECK(c.codings == 3);
  CHECK(c.supports == 3);
  CHECK(c.contradicts == 0);
  // The setting 'each' counts every copy again.
  f.p->set_setting("triangulation.duplicates", "each");
  c = news_cell();
  CHECK(c.documents == 4);
  CHECK(c.codings == 5);
  f.p->set_setting("triangulation.duplicates", "once");
  // The refreshed table follows an undo of the decision.
  auto t = analysis::EvidenceTable::load(*f.p);
  f.p->undo();  // setting once
  f.p->undo();  // setting each
  f.p->undo();  // the group
  t.refresh(*f.p);
  auto m = analysis::triangulate(t, {}, analysis::settings_from_project(*f.p));
  const auto* r = m.find(goals);
  REQUIRE(r != nullptr);
  int64_t docs = 0;
  for (const auto& cell : r->cells) docs += cell.documents;
  CHECK(docs == 5);  // 4 news + 1 interview
  f.p->set_setting("triangulation.duplicates", "sometimes");
  CHECK_THROWS_AS(analysis::settings_from_project(*f.p), ValidationError);
}

TEST_CASE("telaah duplicates: find --json, --record, ls, apart, rm, refusals") {
  Fixture f;
  const std::string text = "the same article text published again by another outlet with a different headline";
  const Id a = f.doc("news", "A", text), b = f.doc("news", "B", text);
  f.doc("news", "C", "quite another article that shares nothing with the first two beyond a word");
  f.p.reset();
  const std::string file = (f.dir / "t.telaah").string();
  auto r = test::run({TELAAH_BINARY, "duplicates", file, "--json"});
  REQUIRE(r.status == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["documents"] == 3);
  REQUIRE(j["groups"].size() == 1);
  CHECK(j["groups"][0]["documents"] == nlohmann::json::array({a, b}));
  CHECK(j["groups"][0]["recorded"] == 0);
  r = test::run({TELAAH_BINARY, "duplicates", file, "--record"});
  REQUIRE(r.status == 0);
  CHECK(r.out.find("1 recorded") != std::string::npos);
  r = test::run({TELAAH_BINARY, "duplicates", file, "ls", "--json"});
  REQUIRE(r.status == 0);
  j = nlohmann::json::parse(r.out);
  REQUIRE(j.size() == 1);
  CHECK(j[0]["status"] == "duplicates");
  const auto group = j[0]["id"].get<Id>();
  r = test::run({TELAAH_BINARY, "duplicates", file, "rm", std::to_string(group)});
  CHECK(r.status == 0);
  r = test::run({TELAAH_BINARY, "duplicates", file, "apart", std::to_string(a), std::to_string(b)});
  CHECK(r.status == 0);
  r = test::run({TELAAH_BINARY, "duplicates", file, "--json"});
  CHECK(nlohmann::json::parse(r.out)["groups"].empty());
  // Refusals: exit 1, a sentence, nothing changed.
  r = test::run({TELAAH_BINARY, "duplicates", file, "mark", std::to_string(a)});
  CHECK(r.status == 1);
  r = test::run({TELAAH_BINARY, "duplicates", file, "--threshold", "0"});
  CHECK(r.status == 1);
  CHECK(r.err.find("threshold") != std::string::npos);
  r = test::run({TELAAH_BINARY, "duplicates", file, "rm", "77"});
  CHECK(r.status == 1);
}
