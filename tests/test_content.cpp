// Content analysis (issue 23 item 3): word frequencies with stop lists and
// stems, log-likelihood keyness against hand-computed G2 values, KWIC lines
// and their sort order, the evidence timeline's bins at year, quarter and
// month borders, and the commands' JSON.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "analysis/timeline.h"
#include "helpers/run.h"
#include "index/content.h"
#include "index/search.h"
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
    dir = fs::temp_directory_path() / ("telaah-content-" + std::to_string(::getpid()) + "-" + std::to_string(serial++));
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
  fs::path file() const { return dir / "t.telaah"; }
  Id doc(const std::string& type, const std::string& title, const std::string& text, const std::string& date = "",
         const std::string& outlet = "", const std::string& lang = "id") {
    store::NewDocument d;
    d.title = title;
    d.source_type = type;
    d.text = text;
    d.date = date;
    d.language = lang;
    if (!outlet.empty()) d.attributes.push_back({"outlet", "text", outlet});
    return p->add_document(d);
  }
  Id code(const std::string& name, std::optional<Id> parent = std::nullopt) {
    store::Code c;
    c.name = name;
    c.parent = parent;
    return p->add_code(c);
  }
  Id coding(Id d, Id c, int64_t start, int64_t end, store::Stance s = store::Stance::supports) {
    store::Coding k;
    k.doc = d;
    k.code = c;
    k.start = start;
    k.end = end;
    k.stance = s;
    return p->add_coding(k);
  }
};

}  // namespace

TEST_CASE("log-likelihood keyness: hand-computed G2 (Rayson & Garside)") {
  // G2 = 2 (a ln(a/E_A) + b ln(b/E_B)), E_A = N_A (a+b)/(N_A+N_B), E_B = N_B (a+b)/(N_A+N_B)
  struct Row {
    int64_t a, b, na, nb;
    double g2;
    const char* p;
  };
  const Row rows[] = {
      {10, 2, 100, 100, 5.822063320647374, "<0.05"},     // 2(10 ln(10/6) + 2 ln(2/6))
      {5, 0, 1000, 2000, 10.986122886681098, "<0.001"},  // 2·5 ln 3: a zero count adds 0
      {0, 20, 500, 500, 27.725887222397812, "<0.0001"},  // 2·20 ln 2
      {4, 8, 100, 200, 0.0, ""},                         // the same rate: no difference
      {3, 1, 9, 6, 0.39885404939378755, ""},
      {0, 0, 9, 6, 0.0, ""},
  };
  for (const auto& r : rows) {
    CAPTURE(r.a);
    CAPTURE(r.b);
    CHECK(index::log_likelihood(r.a, r.b, r.na, r.nb) == doctest::Approx(r.g2).epsilon(1e-12));
    CHECK(index::significance(r.g2) == r.p);
  }
  CHECK(index::significance(3.83) == "");
  CHECK(index::significance(3.84) == "<0.05");
  CHECK(index::significance(10.83) == "<0.001");
}

TEST_CASE("word frequencies: numbers and stop words left out, N counts every word, texts per word") {
  index::Stemmers st(index::IdStemmerKind::snowball);
  index::FrequencyCounter c(st, false, {"dan", "lagi"});
  c.add("Ekspor naik. Ekspor kopi naik lagi, dan ekspor teh turun 2013.", index::Lang::id);
  c.add("Kopi; kopi!", index::Lang::id);
  const auto t = c.table();
  CHECK(t.texts == 2);
  CHECK(t.running_words == 12);  // 10 words in the first (2013 is no word), 2 in the second
  CHECK(t.counted_words == 10);  // dan, lagi left out
  struct Want {
    const char* word;
    int64_t count, docs;
  };
  // Count descending, then the word in byte order.
  const Want want[] = {{"ekspor", 3, 1}, {"kopi", 3, 2}, {"naik", 2, 1}, {"teh", 1, 1}, {"turun", 1, 1}};
  REQUIRE(t.words.size() == std::size(want));
  for (size_t i = 0; i < std::size(want); ++i) {
    CAPTURE(i);
    CHECK(t.words[i].word == want[i].word);
    CHECK(t.words[i].count == want[i].count);
    CHECK(t.words[i].docs == want[i].docs);
    CHECK(t.words[i].form == want[i].word);
  }
  CHECK(t.count("lagi") == 0);
  CHECK(t.count("2013") == 0);
}

TEST_CASE("word frequencies stemmed: one row per stem, its most frequent form shown") {
  index::Stemmers st(index::IdStemmerKind::snowball);
  index::FrequencyCounter c(st, true, {});
  c.add("Trade trades trades trading. The trades.", index::Lang::en);
  const auto t = c.table();
  REQUIRE(t.words.size() == 2);
  CHECK(t.words[0].word == "trade");
  CHECK(t.words[0].count == 5);
  CHECK(t.words[0].form == "trades");  // 3 of 5
  CHECK(t.words[1].word == "the");
  // Unstemmed, the same text gives four rows.
  index::FrequencyCounter plain(st, false, {});
  plain.add("Trade trades trades trading. The trades.", index::Lang::en);
  CHECK(plain.table().words.size() == 4);
}

TEST_CASE("stop lists: defaults, edited in the settings, 'none'") {
  Fixture f;
  auto s = index::project_stopwords(*f.p);
  CHECK(s.count("yang"));
  CHECK(s.count("the"));
  f.p->set_setting("content.stopwords.id", "Kopi, teh ");
  s = index::project_stopwords(*f.p);
  CHECK(s.count("kopi"));
  CHECK(s.count("teh"));
  CHECK(!s.count("yang"));  // the project's list replaces the built-in one
  CHECK(s.count("the"));
  f.p->set_setting("content.stopwords.en", "none");
  s = index::project_stopwords(*f.p);
  CHECK(s == std::set<std::string>{"kopi", "teh"});
  f.p->undo();
  CHECK(index::project_stopwords(*f.p).count("the"));
}

TEST_CASE("subsets by outlet compared: keyness rows against hand-computed G2") {
  Fixture f;
  f.doc("news", "a1", "Ekspor kopi naik dan ekspor teh.", "2013-01-02", "Warta");
  f.doc("news", "a2", "Ekspor yang lain.", "2014-05-01", "Warta");
  f.doc("news", "b1", "Ekspor kopi turun, impor naik lagi.", "2013-07-07", "Kabar");
  f.doc("official", "c1", "Laporan resmi.", "", "");
  auto docs = index::subset_documents(nullptr, *f.p, {}, "outlet");
  REQUIRE(docs.size() == 4);
  CHECK(docs[3].group == "(none)");
  index::Stemmers st(index::IdStemmerKind::snowball);
  auto tables = index::count_subset(*f.p, st, docs, {}, {});
  REQUIRE(tables.size() == 3);  // (none), Kabar, Warta in byte order
  CHECK(tables[0].first == "(none)");
  CHECK(tables[1].first == "Kabar");
  CHECK(tables[2].first == "Warta");
  const auto& warta = tables[2].second;
  const auto& kabar = tables[1].second;
  CHECK(warta.running_words == 9);
  CHECK(kabar.running_words == 6);
  CHECK(warta.count("ekspor") == 3);
  const auto rows = index::keyness(warta, kabar);
  struct Want {
    const char* word;
    int64_t a, b;
    double g2;
    bool more_in_a;
  };
  const Want want[] = {
      {"impor", 0, 1, 1.8325814637483102, false},  {"turun", 0, 1, 1.8325814637483102, false},
      {"lain", 1, 0, 1.0216512475319814, true},    {"teh", 1, 0, 1.0216512475319814, true},
      {"ekspor", 3, 1, 0.39885404939378755, true}, {"kopi", 1, 1, 0.08164398904051035, false},
      {"naik", 1, 1, 0.08164398904051035, false},
  };
  REQUIRE(rows.size() == std::size(want));
  for (size_t i = 0; i < rows.size(); ++i) {
    CAPTURE(i);
    CHECK(rows[i].word == want[i].word);
    CHECK(rows[i].a == want[i].a);
    CHECK(rows[i].b == want[i].b);
    CHECK(rows[i].g2 == doctest::Approx(want[i].g2).epsilon(1e-12));
    CHECK(rows[i].more_in_a == want[i].more_in_a);
  }
  CHECK(rows[4].per_k_a == doctest::Approx(1000.0 * 3 / 9));

  // By year and by type; a code restricts counting to its passages.
  docs = index::subset_documents(nullptr, *f.p, {}, "year");
  CHECK(docs[0].group == "2013");
  CHECK(docs[1].group == "2014");
  CHECK(docs[3].group == "(none)");
  const Id code = f.code("Trade");
  const Id a1 = docs[0].doc.id;
  f.coding(a1, code, 0, 11);  // "Ekspor kopi"
  index::Subset coded{"", "", "Trade"};
  auto only = index::count_subset(*f.p, st, index::subset_documents(nullptr, *f.p, coded), coded, {});
  REQUIRE(only.size() == 1);
  CHECK(only[0].second.running_words == 2);
  CHECK(only[0].second.texts == 1);
  CHECK(only[0].second.count("kopi") == 1);
}

TEST_CASE("KWIC line: context of the given width on each side, line breaks as spaces") {
  const std::string text = "Ekspor kopi naik.\nEkspor teh turun.";
  auto l = index::kwic_line(text, 7, 25, 28, 8);
  CHECK(l.keyword == "teh");
  CHECK(l.left == " Ekspor ");  // 8 code points: "\nEkspor " with the break as a space
  CHECK(l.right == " turun.");  // to the end
  l = index::kwic_line(text, 7, 0, 6, 5);
  CHECK(l.left == "");
  CHECK(l.right == " kopi");
  // Code points, not bytes.
  l = index::kwic_line("Kafé ekspor é", 1, 5, 11, 3);
  CHECK(l.left == "fé ");
  CHECK(l.right == " é");
}

TEST_CASE("KWIC sort: left context nearest word first, right context nearest first, ties by place") {
  auto line = [](Id doc, int64_t start, std::string left, std::string right) {
    index::KwicLine l;
    l.doc = doc;
    l.start = start;
    l.left = std::move(left);
    l.keyword = "ekspor";
    l.right = std::move(right);
    return l;
  };
  const std::vector<index::KwicLine> input = {
      line(2, 40, "Di pasar ", " Naik tajam"),  // L4
      line(1, 50, "Nilai ", " kopi naik"),      // L2
      line(2, 3, "harga ", " naik"),            // L3
      line(1, 5, "di pasar ", " naik tajam"),   // L1
  };
  auto order = [&](index::KwicSort s) {
    auto v = input;
    index::sort_kwic(v, s);
    std::vector<std::pair<Id, int64_t>> out;
    for (const auto& l : v) out.emplace_back(l.doc, l.start);
    return out;
  };
  using V = std::vector<std::pair<Id, int64_t>>;
  CHECK(order(index::KwicSort::document) == V{{1, 5}, {1, 50}, {2, 3}, {2, 40}});
  // right keys: L1 [naik tajam], L2 [kopi naik], L3 [naik], L4 [naik tajam] (case folded)
  CHECK(order(index::KwicSort::right) == V{{1, 50}, {2, 3}, {1, 5}, {2, 40}});
  // left keys, read outwards: L1 [pasar di], L2 [nilai], L3 [harga], L4 [pasar di]
  CHECK(order(index::KwicSort::left) == V{{2, 3}, {1, 50}, {1, 5}, {2, 40}});
  CHECK_THROWS_AS(index::kwic_sort_from("middle"), ValidationError);
}

TEST_CASE("KWIC over the index: every match one line") {
  Fixture f;
  const Id d1 = f.doc("news", "a", "Ekspor kopi naik. Nilai ekspor teh turun.", "2013-01-02");
  const Id d2 = f.doc("news", "b", "Impor saja.", "2013-01-03");
  const Id d3 = f.doc("news", "c", "Harga ekspor naik.", "2013-01-04");
  (void)d2;
  auto idx = index::Index::open(f.file());
  idx->ensure_current();
  auto lines = index::kwic(*idx, "ekspor", 10, index::KwicSort::right);
  REQUIRE(lines.size() == 3);
  // right keys: [kopi naik], [teh turun], [naik]
  CHECK(lines[0].doc == d1);
  CHECK(lines[0].start == 0);
  CHECK(lines[1].doc == d3);
  CHECK(lines[2].doc == d1);
  CHECK(lines[2].keyword == "ekspor");
  CHECK(lines[2].left == "ik. Nilai ");
  CHECK(lines[0].title == "a");
  // A query subset: the documents the index finds.
  auto docs = index::subset_documents(idx.get(), *f.p, {"naik", "", ""});
  REQUIRE(docs.size() == 2);
  CHECK(docs[0].doc.id == d1);
  CHECK(docs[1].doc.id == d3);
  CHECK_THROWS_AS(index::kwic(*idx, "ekspor", 0, index::KwicSort::right), ValidationError);
}

TEST_CASE("timeline bins at year, quarter and month borders") {
  using analysis::TimeBin;
  struct Row {
    const char* date;
    TimeBin bin;
    const char* label;
  };
  const Row rows[] = {
      {"2012-12-31", TimeBin::year, "2012"},
      {"2013-01-01", TimeBin::year, "2013"},
      {"2013", TimeBin::year, "2013"},
      {"2013-03-31", TimeBin::quarter, "2013-Q1"},
      {"2013-04-01", TimeBin::quarter, "2013-Q2"},
      {"2013-06-30", TimeBin::quarter, "2013-Q2"},
      {"2013-07-01", TimeBin::quarter, "2013-Q3"},
      {"2013-09-30", TimeBin::quarter, "2013-Q3"},
      {"2013-10-01", TimeBin::quarter, "2013-Q4"},
      {"2013-12-31", TimeBin::quarter, "2013-Q4"},
      {"2013-07", TimeBin::quarter, "2013-Q3"},
      {"2013", TimeBin::quarter, ""},
      {"2013-01-31", TimeBin::month, "2013-01"},
      {"2013-02-01", TimeBin::month, "2013-02"},
      {"2013-07", TimeBin::month, "2013-07"},
      {"2013", TimeBin::month, ""},
      {"", TimeBin::year, ""},
  };
  for (const auto& r : rows) {
    CAPTURE(r.date);
    CHECK(analysis::bin_of(r.date, r.bin) == r.label);
  }
  CHECK(analysis::next_bin("2013-Q4", TimeBin::quarter) == "2014-Q1");
  CHECK(analysis::next_bin("2013-Q1", TimeBin::quarter) == "2013-Q2");
  CHECK(analysis::next_bin("2013-12", TimeBin::month) == "2014-01");
  CHECK(analysis::next_bin("2013-09", TimeBin::month) == "2013-10");
  CHECK(analysis::next_bin("2015", TimeBin::year) == "2016");
  CHECK(analysis::period_years("2011–2015") == std::pair{2011, 2015});
  CHECK(analysis::period_years("tahun 2013") == std::pair{2013, 2013});
  CHECK(analysis::period_years("") == std::pair{0, 0});
  CHECK_THROWS_AS(analysis::time_bin_from("week"), ValidationError);
}

TEST_CASE("evidence timeline: codings by their document's date, type and stance; undated and imprecise apart") {
  Fixture f;
  f.p->set_setting("project.period", "2011–2015");
  const Id a = f.doc("news", "A", "satu dua tiga empat", "2012-12-31");
  const Id b = f.doc("official", "B", "satu dua tiga empat", "2013-01-01");
  const Id c = f.doc("interview", "C", "satu dua tiga empat", "2013");
  const Id d = f.doc("interview", "D", "satu dua tiga empat");
  const Id goal = f.code("Trade goals reached");
  const Id sub = f.code("Exports", goal);
  const Id other = f.code("Other");
  f.coding(a, goal, 0, 4, store::Stance::supports);
  f.coding(a, goal, 5, 8, store::Stance::contradicts);
  f.coding(b, goal, 0, 4, store::Stance::supports);
  f.coding(b, sub, 5, 8, store::Stance::neutral);
  f.coding(c, goal, 0, 4);
  f.coding(d, goal, 0, 4);
  f.coding(d, other, 0, 4);  // another code: not counted

  auto t = analysis::evidence_timeline(*f.p, goal, analysis::TimeBin::year);
  REQUIRE(t.bins.size() == 5);  // 2011..2015: the study period widens the range
  CHECK(t.bins[0].label == "2011");
  CHECK(t.bins[0].codings == 0);
  CHECK(t.bins[0].in_period);
  CHECK(t.bins[1].label == "2012");
  CHECK(t.bins[1].codings == 2);
  CHECK(t.bins[1].documents == 1);
  CHECK(t.bins[1].by_stance == std::array<int64_t, 3>{1, 1, 0});
  CHECK(t.bins[1].by_type.at("news") == 2);
  CHECK(t.bins[2].codings == 3);  // B's two (one of the sub-code) and C's (a year is enough here)
  CHECK(t.bins[2].documents == 2);
  CHECK(t.bins[2].by_type.at("official") == 2);
  CHECK(t.bins[2].by_type.at("interview") == 1);
  CHECK(t.bins[2].evidence.size() == 3);
  CHECK(t.undated.codings == 1);
  CHECK(t.imprecise.codings == 0);

  t = analysis::evidence_timeline(*f.p, goal, analysis::TimeBin::quarter);
  REQUIRE(t.bins.size() == 20);
  CHECK(t.bins[7].label == "2012-Q4");
  CHECK(t.bins[7].codings == 2);
  CHECK(t.bins[8].label == "2013-Q1");
  CHECK(t.bins[8].codings == 2);
  CHECK(t.imprecise.codings == 1);  // C: a year only
  CHECK(t.imprecise.documents == 1);
  CHECK(t.undated.codings == 1);

  t = analysis::evidence_timeline(*f.p, goal, analysis::TimeBin::month);
  REQUIRE(t.bins.size() == 60);
  CHECK(t.bins[23].label == "2012-12");
  CHECK(t.bins[23].codings == 2);
  CHECK(t.bins[24].label == "2013-01");
  CHECK(t.bins[24].codings == 2);

  // Without a study period: from the earliest to the latest date only.
  f.p->set_setting("project.period", "none given");
  t = analysis::evidence_timeline(*f.p, goal, analysis::TimeBin::year);
  REQUIRE(t.bins.size() == 2);
  CHECK(!t.bins[0].in_period);
}

TEST_CASE("commands: frequencies, kwic and timeline as JSON; refusals") {
  Fixture f;
  f.doc("news", "a1", "Ekspor kopi naik dan ekspor teh.", "2013-01-02", "Warta");
  f.doc("news", "a2", "Ekspor yang lain.", "2014-05-01", "Warta");
  f.doc("news", "b1", "Ekspor kopi turun, impor naik lagi.", "2013-07-07", "Kabar");
  const Id goal = f.code("Trade goals reached");
  f.coding(1, goal, 0, 6);
  f.p.reset();
  const std::string file = f.file().string();

  auto r = test::run({TELAAH_BINARY, "frequencies", file, "--json"});
  REQUIRE(r.status == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["groups"][0]["running_words"] == 15);
  CHECK(j["groups"][0]["words"][0]["word"] == "ekspor");
  CHECK(j["groups"][0]["words"][0]["count"] == 4);

  r = test::run({TELAAH_BINARY, "frequencies", file, "--by", "outlet", "--compare", "Warta", "Kabar", "--json"});
  REQUIRE(r.status == 0);
  j = nlohmann::json::parse(r.out);
  CHECK(j["keyness"][0]["word"] == "impor");
  CHECK(j["keyness"][0]["g2"].get<double>() == doctest::Approx(1.8325814637483102));
  CHECK(j["keyness"][0]["more_in"] == "Kabar");

  r = test::run({TELAAH_BINARY, "frequencies", file, "--by", "outlet", "--compare", "Warta", "Tempo"});
  CHECK(r.status == 1);
  CHECK(r.err.find("Tempo") != std::string::npos);
  r = test::run({TELAAH_BINARY, "frequencies", file, "--compare", "Warta", "Kabar"});
  CHECK(r.status == 1);

  r = test::run({TELAAH_BINARY, "frequencies", file, "ekspor", "--stem", "--json"});
  REQUIRE(r.status == 0);

  r = test::run({TELAAH_BINARY, "kwic", file, "ekspor", "--sort", "right", "--width", "10", "--json"});
  REQUIRE(r.status == 0);
  j = nlohmann::json::parse(r.out);
  CHECK(j["total"] == 4);
  CHECK(j["lines"][0]["right"] == " kopi naik");
  CHECK(j["lines"][1]["right"] == " kopi turu");
  r = test::run({TELAAH_BINARY, "kwic", file, "ekspor", "--width", "0"});
  CHECK(r.status == 1);

  r = test::run({TELAAH_BINARY, "timeline", file, "--code", "Trade goals reached", "--by", "quarter", "--json"});
  REQUIRE(r.status == 0);
  j = nlohmann::json::parse(r.out);
  REQUIRE(j["bins"].size() == 1);
  CHECK(j["bins"][0]["bin"] == "2013-Q1");
  CHECK(j["bins"][0]["supports"] == 1);
  r = test::run({TELAAH_BINARY, "timeline", file, "--code", "No such code"});
  CHECK(r.status == 1);

  r = test::run({TELAAH_BINARY, "stopwords", file, "id", "kopi, teh"});
  REQUIRE(r.status == 0);
  r = test::run({TELAAH_BINARY, "frequencies", file, "--json"});
  j = nlohmann::json::parse(r.out);
  CHECK(j["groups"][0]["counted_words"] == 12);  // 15 running, kopi kopi teh left out; dan yang lagi counted now
}

// --- dictionaries ---

#include "index/autocode.h"
#include "store/dictionaries.h"

TEST_CASE("dictionary terms: words, phrases, wildcards; anything else refused") {
  using store::TermKind;
  struct Row {
    const char* term;
    TermKind kind;
  };
  const Row good[] = {{"ekspor", TermKind::word},
                      {" ekspor ", TermKind::word},
                      {"\"kerja sama\"", TermKind::phrase},
                      {"ekspor*", TermKind::wildcard}};
  for (const auto& r : good) {
    CAPTURE(r.term);
    CHECK(store::term_kind(r.term) == r.kind);
  }
  for (const char* bad : {"", "  ", "kerja sama", "\"kerja sama", "\"a\" b\"", "*", "eks*por", "type:news", "OR",
                          "-ekspor", "=ekspor", "(a"}) {
    CAPTURE(bad);
    CHECK_THROWS_AS(store::term_kind(bad), ValidationError);
  }
  store::Dictionary d;
  d.name = "Trade";
  d.terms = {{1, "ekspor", "", 1}, {2, "export", "en", 1}, {3, "\"kerja sama\"", "id", 0}, {4, "impor*", "", 0}};
  CHECK(index::dictionary_query(d) == "=ekspor OR (=export lang:en) OR (=\"kerja sama\" lang:id) OR impor*");
  CHECK(index::dictionary_concepts(d) == std::vector<std::string>{"ekspor", "\"kerja sama\"", "impor*"});
}

TEST_CASE("dictionaries in the store: each change one undoable action; code deleted or merged; check()") {
  Fixture f;
  const Id goal = f.code("Trade goals reached");
  const Id other = f.code("Trade");
  const Id d = store::create_dictionary(*f.p, "Trade terms", goal, "indicator 3");
  CHECK_THROWS_AS(store::create_dictionary(*f.p, "Trade terms"), ValidationError);
  CHECK_THROWS_AS(store::create_dictionary(*f.p, "  "), ValidationError);
  store::add_dictionary_terms(*f.p, d, {{0, "ekspor", "id", 1}, {0, "export", "en", 1}, {0, "impor*", "", 0}});
  CHECK(f.p->undo_label() == "Add 3 terms to dictionary Trade terms");
  CHECK_THROWS_AS(store::add_dictionary_terms(*f.p, d, {{0, "ekspor", "id", 0}}), ValidationError);
  CHECK_THROWS_AS(store::add_dictionary_terms(*f.p, d, {{0, "tarif", "", 0}, {0, "kerja sama", "", 0}}),
                  ValidationError);
  CHECK(store::dictionary(*f.p, "Trade terms").terms.size() == 3);  // the bad batch added nothing
  CHECK(store::remove_dictionary_terms(*f.p, d, {"impor*"}) == 1);
  CHECK(store::dictionary(*f.p, "Trade terms").terms.size() == 2);
  f.p->undo();
  CHECK(store::dictionary(*f.p, "Trade terms").terms.size() == 3);
  CHECK_THROWS_AS(store::remove_dictionary_terms(*f.p, d, {"tarif"}), NotFound);

  // Merging the code moves the dictionary; deleting it leaves the dictionary without a code.
  f.p->merge_codes(goal, other);
  CHECK(store::dictionary(*f.p, "Trade terms").code == other);
  f.p->undo();
  CHECK(store::dictionary(*f.p, "Trade terms").code == goal);
  f.p->delete_code(goal);
  CHECK(!store::dictionary(*f.p, "Trade terms").code);
  CHECK(f.p->check().empty());
  f.p->undo();
  CHECK(store::dictionary(*f.p, "Trade terms").code == goal);

  store::delete_dictionary(*f.p, d);
  CHECK(store::dictionaries(*f.p).empty());
  f.p->undo();
  CHECK(store::dictionary(*f.p, "Trade terms").terms.size() == 3);
  CHECK(f.p->check().empty());
}

TEST_CASE("a dictionary counted per document and concept; auto-coding through the review list, one action") {
  Fixture f;
  const Id a = f.doc("news", "a", "Ekspor naik, ekspor kopi. Impor turun.", "2013-02-01", "", "id");
  const Id b = f.doc("news", "b", "Exports and imports; the export grew.", "2013-11-30", "", "en");
  const Id c = f.doc("news", "c", "Kerja sama ekspor.", "", "", "id");
  const Id goal = f.code("Trade goals reached");
  const Id dict = store::create_dictionary(*f.p, "Trade", goal);
  store::add_dictionary_terms(*f.p, dict,
                              {{0, "ekspor", "", 1},
                               {0, "export", "en", 1},
                               {0, "impor*", "", 2},
                               {0, "imports", "", 2},
                               {0, "\"kerja sama\"", "", 0}});
  auto idx = index::Index::open(f.file());
  idx->ensure_current();
  const auto d = store::dictionary(*f.p, "Trade");
  REQUIRE(index::dictionary_concepts(d) == std::vector<std::string>{"ekspor", "impor*", "\"kerja sama\""});
  const auto counts = index::count_dictionary(*idx, d);
  REQUIRE(counts.size() == 3);
  // a: ekspor ×2, impor ×1; b: export ×1 (=export: not "exports"), imports once though two terms match it; c: 1 + 1
  CHECK(counts[0].doc == a);
  CHECK(counts[0].counts == std::vector<int64_t>{2, 1, 0});
  CHECK(counts[1].doc == b);
  CHECK(counts[1].counts == std::vector<int64_t>{1, 1, 0});
  CHECK(counts[2].doc == c);
  CHECK(counts[2].counts == std::vector<int64_t>{1, 0, 1});
  CHECK(counts[2].total == 2);

  // The review list: every place, in document order; code lines 1 and 3 only.
  auto plan = index::autocode_plan(*idx, index::dictionary_query(d), index::Scope::hit, goal);
  REQUIRE(plan.size() == 6);  // a 3, b 2, c 1: "Kerja sama ekspor" is one place (adjacent matches join)
  const int64_t rev = f.p->revision();
  index::autocode_apply(*f.p, {plan[0], plan[2]}, goal, "dictionary Trade");
  CHECK(f.p->revision() == rev + 1);
  store::CodingFilter cf;
  cf.codes = {goal};
  auto coded = f.p->codings(cf);
  REQUIRE(coded.size() == 2);
  CHECK(coded[0].start == plan[0].start);
  CHECK(coded[1].start == plan[2].start);
  f.p->undo();
  CHECK(f.p->codings(cf).empty());
}

TEST_CASE("telaah dictionaries: add, terms, count by year, code with --apply") {
  Fixture f;
  f.doc("news", "a", "Ekspor naik, ekspor kopi.", "2013-02-01");
  f.doc("news", "b", "Ekspor turun.", "2014-03-01");
  f.doc("news", "c", "Ekspor lagi.");
  f.code("Trade goals reached");
  f.p.reset();
  const std::string file = f.file().string();
  auto r = test::run({TELAAH_BINARY, "dictionaries", file, "add", "Trade", "--code", "Trade goals reached"});
  REQUIRE(r.status == 0);
  r = test::run({TELAAH_BINARY, "dictionaries", file, "terms", "Trade", "add", "ekspor", "\"kerja sama\""});
  REQUIRE(r.status == 0);
  r = test::run({TELAAH_BINARY, "dictionaries", file, "terms", "Trade", "add", "kerja sama"});
  CHECK(r.status == 1);
  r = test::run({TELAAH_BINARY, "dictionaries", file, "count", "Trade", "--by", "year", "--json"});
  REQUIRE(r.status == 0);
  auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["rows"].size() == 3);
  CHECK(j["rows"][0]["bin"] == "2013");
  CHECK(j["rows"][0]["counts"] == nlohmann::json::array({2, 0}));
  CHECK(j["rows"][1]["bin"] == "2014");
  CHECK(j["rows"][2]["bin"] == "undated");
  r = test::run({TELAAH_BINARY, "dictionaries", file, "code", "Trade", "--json"});
  REQUIRE(r.status == 0);
  CHECK(nlohmann::json::parse(r.out)["review"].size() == 4);
  r = test::run({TELAAH_BINARY, "dictionaries", file, "code", "Trade", "--apply", "1,9"});
  CHECK(r.status == 1);
  r = test::run({TELAAH_BINARY, "dictionaries", file, "code", "Trade", "--apply", "1,4", "--json"});
  REQUIRE(r.status == 0);
  CHECK(nlohmann::json::parse(r.out)["codings"].size() == 2);
  r = test::run({TELAAH_BINARY, "dictionaries", file, "rm", "Nothing"});
  CHECK(r.status == 1);
}
