// Intercoder agreement: the statistics against published worked examples and
// a reference implementation, the character- and segment-level counting
// against hand-computed tables and a brute-force per-character count, the
// disagreement review as undoable actions, and the CLI.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <sstream>

#include "analysis/agreement.h"
#include "analysis/agreement_stats.h"
#include "analysis/review.h"
#include "sample/sample.h"
#include "store/project.h"

namespace fs = std::filesystem;
using namespace telaah;
using analysis::AgreementOptions;
using analysis::AgreementUnit;
using analysis::Binary2x2;
using analysis::OverlapRatio;
using store::Id;

namespace {

const fs::path kFixtures = fs::path(TELAAH_SOURCE_DIR) / "tests" / "fixtures" / "agreement";

struct TempDir {
  fs::path dir;
  explicit TempDir(const std::string& tag) {
    static int n = 0;
    dir = fs::temp_directory_path() /
          ("telaah-agree-" + tag + "-" + std::to_string(::getpid()) + "-" + std::to_string(++n));
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

// A small project: documents of given lengths (text "a b c ..."), a code tree, two or more coders.
struct Fixture {
  TempDir tmp{"p"};
  std::unique_ptr<store::Project> p;
  std::vector<Id> docs;
  std::map<std::string, Id> code;

  explicit Fixture(std::vector<int64_t> lengths = {100}) {
    p = store::Project::create(tmp.dir / "t.telaah");
    int k = 0;
    for (int64_t n : lengths) {
      store::NewDocument d;
      d.title = "doc" + std::to_string(++k);
      for (int64_t i = 0; i < n; ++i) d.text += static_cast<char>('a' + (i + k) % 26);
      docs.push_back(p->add_document(d));
    }
    for (std::string name : {"c", "d"}) {
      store::Code c;
      c.name = name;
      c.kind = store::CodeKind::indicator;
      code[name] = p->add_code(c);
    }
    store::Code sub;
    sub.name = "sub";
    sub.parent = code["c"];
    code["c/sub"] = p->add_code(sub);
  }
  Id coder(const std::string& name) { return p->ensure_coder(name); }
  Id add(const std::string& who, const std::string& c, int64_t s, int64_t e, size_t doc = 0,
         store::Stance st = store::Stance::neutral) {
    store::Coding x;
    x.doc = docs.at(doc);
    x.code = code.at(c);
    x.coder = coder(who);
    x.start = s;
    x.end = e;
    x.stance = st;
    return p->add_coding(x);
  }
  AgreementOptions opts(std::vector<std::string> coders = {"A", "B"}) {
    AgreementOptions o;
    o.sel.coders = std::move(coders);
    return o;
  }
  const analysis::CodeAgreement& row(const analysis::AgreementReport& r, const std::string& path) {
    for (const auto& c : r.codes)
      if (c.path == path) return c;
    FAIL("no row for " << path);
    throw 0;
  }
};

std::vector<std::vector<std::optional<int>>> read_matrix(const fs::path& f, double& expected) {
  std::ifstream in(f);
  REQUIRE(in);
  std::vector<std::vector<std::optional<int>>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream ss(line);
    std::string head, cell;
    std::getline(ss, head, '\t');
    if (head == "expected") {
      std::getline(ss, cell, '\t');
      expected = std::stod(cell);
      continue;
    }
    rows.emplace_back();
    while (std::getline(ss, cell, '\t'))
      rows.back().push_back(cell == "." ? std::nullopt : std::optional<int>(std::stoi(cell)));
  }
  return rows;
}

double alpha_binary(double o00, double o01, double o11) {
  const double n0 = o00 + o01, n1 = o11 + o01, n = n0 + n1;
  return 1.0 - (n - 1) * o01 / (n0 * n1);
}

}  // namespace

TEST_CASE("Krippendorff's alpha reproduces the worked examples of Krippendorff (2011)") {
  struct Case {
    const char* file;
    double pairable;  // pairable values counted by hand from the matrix
  };
  for (const Case& c : {Case{"krippendorff-2011-binary.tsv", 20}, Case{"krippendorff-2011-nominal-missing.tsv", 40}}) {
    CAPTURE(c.file);
    double expected = -9;
    auto m = read_matrix(kFixtures / c.file, expected);
    REQUIRE(expected > -1);
    const double a = analysis::krippendorff_alpha_nominal(m);
    CHECK(std::fabs(a - expected) < 0.0005);  // published to three decimals
    // The same data through the coincidence matrix unit by unit.
    std::map<int, int> values;
    for (const auto& r : m)
      for (const auto& v : r)
        if (v) values.emplace(*v, 0);
    int k = 0;
    for (auto& [v, i] : values) i = k++;
    analysis::Coincidences co(k);
    for (size_t u = 0; u < m[0].size(); ++u) {
      std::vector<double> counts(static_cast<size_t>(k), 0);
      for (const auto& r : m)
        if (r[u]) counts[static_cast<size_t>(values[*r[u]])] += 1;
      co.add_unit(counts);
    }
    CHECK(co.pairable() == doctest::Approx(c.pairable));
    CHECK(co.alpha_nominal() == doctest::Approx(a).epsilon(1e-12));
  }
  // Section A in closed form: o00 = 10, o01 = o10 = 4, o11 = 2.
  CHECK(analysis::krippendorff_alpha_nominal({{0, 1, 0, 0, 0, 0, 0, 0, 1, 0}, {1, 1, 1, 0, 0, 1, 0, 0, 0, 0}}) ==
        doctest::Approx(1.0 - 19.0 * 4 / (14.0 * 6)).epsilon(1e-12));
}

TEST_CASE("alpha and kappa are undefined, not invented, without variation") {
  CHECK(std::isnan(analysis::krippendorff_alpha_nominal({{1, 1, 1}, {1, 1, 1}})));
  CHECK(std::isnan(analysis::cohen_kappa(Binary2x2{0, 0, 0, 50})));
  CHECK(std::isnan(analysis::cohen_kappa(Binary2x2{})));
  CHECK(std::isnan(analysis::percent_agreement(Binary2x2{})));
  analysis::Coincidences co;
  co.add_binary(1, 1);  // a lone value: not pairable
  CHECK(co.pairable() == 0);
}

TEST_CASE("Cohen's kappa agrees with scikit-learn's cohen_kappa_score on random labelings") {
  // Random label vectors with a fixed seed: binary and multi-category,
  // balanced and skewed, short and long.
  std::mt19937 rng(20240611);
  struct Labels {
    std::vector<int> a, b;
  };
  std::vector<Labels> cases;
  for (int i = 0; i < 60; ++i) {
    const int cats = 2 + i % 4;
    const int n = 2 + static_cast<int>(rng() % 400);
    const double agree = (i % 5) / 4.0;  // how often B copies A
    std::uniform_int_distribution<int> lab(0, cats - 1);
    std::bernoulli_distribution copy(agree);
    Labels l;
    for (int k = 0; k < n; ++k) {
      int x = lab(rng) == 0 && i % 3 == 0 ? 0 : lab(rng);  // some skewed marginals
      l.a.push_back(x);
      l.b.push_back(copy(rng) ? x : lab(rng));
    }
    cases.push_back(std::move(l));
  }
  // Our binary-table kappa equals the label-vector kappa on binary data.
  for (const auto& c : cases) {
    bool binary = true;
    for (size_t k = 0; k < c.a.size(); ++k) binary = binary && c.a[k] < 2 && c.b[k] < 2;
    if (!binary) continue;
    Binary2x2 t;
    for (size_t k = 0; k < c.a.size(); ++k) {
      if (c.a[k] && c.b[k])
        ++t.both;
      else if (c.a[k])
        ++t.only_a;
      else if (c.b[k])
        ++t.only_b;
      else
        ++t.neither;
    }
    const double x = analysis::cohen_kappa(t), y = analysis::cohen_kappa(c.a, c.b);
    CHECK((std::isnan(x) ? std::isnan(y) : std::fabs(x - y) < 1e-12));
  }

  const char* py = "/usr/bin/python3";
  if (!fs::exists(py) || std::system("/usr/bin/python3 -c 'import sklearn.metrics' >/dev/null 2>&1") != 0) {
    MESSAGE(
        "SKIPPED the scikit-learn comparison: /usr/bin/python3 with sklearn is not available "
        "(Debian: apt-get install python3-sklearn)");
    return;
  }
  TempDir tmp("sk");
  {
    std::ofstream f(tmp.dir / "labels.txt");
    for (const auto& c : cases) {
      for (size_t k = 0; k < c.a.size(); ++k) f << (k ? " " : "") << c.a[k];
      f << "|";
      for (size_t k = 0; k < c.b.size(); ++k) f << (k ? " " : "") << c.b[k];
      f << "\n";
    }
    std::ofstream s(tmp.dir / "kappa.py");
    s << "import sys, warnings\n"
         "warnings.simplefilter('ignore')\n"
         "from sklearn.metrics import cohen_kappa_score\n"
         "for line in open(sys.argv[1]):\n"
         "    a, b = line.strip().split('|')\n"
         "    print(repr(float(cohen_kappa_score([int(x) for x in a.split()], [int(x) for x in b.split()]))))\n";
  }
  const std::string cmd = std::string(py) + " " + (tmp.dir / "kappa.py").string() + " " +
                          (tmp.dir / "labels.txt").string() + " > " + (tmp.dir / "out.txt").string();
  REQUIRE(std::system(cmd.c_str()) == 0);
  std::ifstream out(tmp.dir / "out.txt");
  std::string line;
  size_t i = 0;
  for (; std::getline(out, line); ++i) {
    REQUIRE(i < cases.size());
    CAPTURE(i);
    const double ref = line == "nan" ? std::nan("") : std::stod(line);
    const double ours = analysis::cohen_kappa(cases[i].a, cases[i].b);
    if (std::isnan(ref))
      CHECK(std::isnan(ours));
    else
      CHECK(std::fabs(ours - ref) < 1e-9);
  }
  CHECK(i == cases.size());
}

TEST_CASE("character level: hand-built tables") {
  struct Case {
    const char* name;
    std::vector<std::tuple<const char*, int64_t, int64_t>> a, b;  // (code, start, end) on the 100-character document
    bool named_docs;
    Binary2x2 c;  // expected table of code c
  };
  const std::vector<Case> cases = {
      {"perfect agreement", {{"c", 10, 40}, {"c", 60, 70}}, {{"c", 10, 40}, {"c", 60, 70}}, false, {40, 0, 0, 60}},
      {"overlapping spans of one coder are one decision",
       {{"c", 10, 40}, {"c", 20, 50}},
       {{"c", 10, 50}},
       false,
       {40, 0, 0, 60}},
      {"total disagreement", {{"c", 0, 50}}, {{"c", 50, 100}}, false, {0, 50, 50, 0}},
      {"partial overlap", {{"c", 0, 30}}, {{"c", 20, 60}}, false, {10, 20, 30, 40}},
      {"one coder silent, documents named", {{"c", 10, 30}}, {}, true, {0, 20, 0, 80}},
  };
  for (const auto& cs : cases) {
    CAPTURE(cs.name);
    Fixture f;
    f.coder("A");
    f.coder("B");
    for (auto [c, s, e] : cs.a) f.add("A", c, s, e);
    for (auto [c, s, e] : cs.b) f.add("B", c, s, e);
    auto o = f.opts();
    if (cs.named_docs) o.sel.docs = f.docs;
    o.sel.codes = {f.code["c"]};
    auto r = analysis::compute_agreement(*f.p, o);
    REQUIRE(r.codes.size() == 1);
    const auto& pa = r.codes[0].pairs.at(0);
    CHECK(pa.table == cs.c);
    const auto& t = cs.c;
    const double n = 100, po = (t.both + t.neither) / n, pa1 = (t.both + t.only_a) / n, pb1 = (t.both + t.only_b) / n;
    const double pe = pa1 * pb1 + (1 - pa1) * (1 - pb1);
    CHECK(pa.percent.value == doctest::Approx(po));
    if (pe < 1) CHECK(pa.kappa.value == doctest::Approx((po - pe) / (1 - pe)));
    const double o01 = static_cast<double>(t.only_a + t.only_b);
    CHECK(r.codes[0].alpha.value == doctest::Approx(alpha_binary(2.0 * t.neither, o01, 2.0 * t.both)));
    CHECK(pa.kappa.method.find("Cohen") != std::string::npos);
    CHECK(r.codes[0].alpha.method.find("Krippendorff") != std::string::npos);
  }
}

TEST_CASE("perfect and total disagreement give the textbook values") {
  Fixture f;
  f.add("A", "c", 10, 40);
  f.add("B", "c", 10, 40);
  f.add("A", "d", 0, 50);
  f.add("B", "d", 50, 100);
  auto r = analysis::compute_agreement(*f.p, f.opts());
  CHECK(f.row(r, "c").pairs[0].kappa.value == doctest::Approx(1.0));
  CHECK(f.row(r, "c").alpha.value == doctest::Approx(1.0));
  CHECK(f.row(r, "c").pairs[0].percent.value == doctest::Approx(1.0));
  CHECK(f.row(r, "d").pairs[0].kappa.value == doctest::Approx(-1.0));
  CHECK(f.row(r, "d").pairs[0].percent.value == doctest::Approx(0.0));
  // Pooled: both tables added.
  CHECK(r.overall.pairs[0].table == Binary2x2{30, 50, 50, 70});
  CHECK(r.overall.path == "overall");
}

TEST_CASE("a silent coder: missing by default, 'absent' when the documents are named") {
  Fixture f({100, 50});
  f.add("A", "c", 10, 30);
  f.add("B", "d", 0, 10, 1);  // B coded only the second document
  auto o = f.opts();
  o.sel.codes = {f.code["c"]};
  auto r = analysis::compute_agreement(*f.p, o);
  CHECK(r.documents.empty());  // no document has both coders
  CHECK(r.codes.at(0).pairs[0].table.total() == 0);
  CHECK(std::isnan(r.codes[0].pairs[0].kappa.value));
  CHECK(r.codes[0].pairs[0].kappa.method.find("no units") != std::string::npos);
  CHECK(r.method.find("missing") != std::string::npos);

  o.sel.docs = {f.docs[0]};
  r = analysis::compute_agreement(*f.p, o);
  CHECK(r.codes[0].pairs[0].table == Binary2x2{0, 20, 0, 80});
  CHECK(r.codes[0].pairs[0].kappa.value == doctest::Approx(0.0));
  CHECK(r.codes[0].alpha.value == doctest::Approx(1.0 - 199.0 * 20 / (180.0 * 20)));
  CHECK(r.method.find("named") != std::string::npos);
}

TEST_CASE("excluding uncoded text: only text some coder coded with a chosen code counts") {
  Fixture f({1000});
  f.add("A", "c", 0, 100);
  f.add("B", "c", 0, 80);
  f.add("B", "d", 200, 300);
  auto o = f.opts();
  auto counted = analysis::compute_agreement(*f.p, o);
  CHECK(f.row(counted, "c").pairs[0].table == Binary2x2{80, 20, 0, 900});
  CHECK(f.row(counted, "d").pairs[0].table == Binary2x2{0, 0, 100, 900});
  o.exclude_uncoded = true;
  auto excluded = analysis::compute_agreement(*f.p, o);
  CHECK(f.row(excluded, "c").pairs[0].table == Binary2x2{80, 20, 0, 100});
  CHECK(f.row(excluded, "d").pairs[0].table == Binary2x2{0, 0, 100, 100});
  // Uncoded text inflates kappa's chance-corrected agreement less than it
  // inflates percent agreement; both fall when it is left out.
  CHECK(f.row(excluded, "c").pairs[0].percent.value < f.row(counted, "c").pairs[0].percent.value);
  CHECK(excluded.method.find("left out: 800 of 1,000") != std::string::npos);
  // Only code c chosen: d's codings no longer widen the counted text.
  o.sel.codes = {f.code["c"]};
  auto only_c = analysis::compute_agreement(*f.p, o);
  CHECK(only_c.codes.at(0).pairs[0].table == Binary2x2{80, 20, 0, 0});
}

TEST_CASE("segment level: overlaps at the threshold match, just below do not") {
  struct Case {
    int64_t a0, a1, b0, b1;
    OverlapRatio how;
    double threshold;
    bool match;
  };
  const std::vector<Case> cases = {
      {0, 10, 0, 5, OverlapRatio::union_, 0.5, true},  // 5/10 exactly at the threshold
      {0, 10, 0, 5, OverlapRatio::union_, 0.51, false},    {0, 10, 5, 15, OverlapRatio::union_, 0.5, false},  // 5/15
      {0, 10, 5, 15, OverlapRatio::shorter, 0.5, true},                                                       // 5/10
      {0, 30, 10, 20, OverlapRatio::shorter, 1.0, true},    // nested: the shorter is covered
      {0, 30, 10, 20, OverlapRatio::union_, 0.34, false},   // 10/30
      {0, 30, 0, 18, OverlapRatio::union_, 0.6, true},      // 18/30 = 0.6 exactly
      {0, 10, 10, 20, OverlapRatio::shorter, 0.01, false},  // touching is not overlapping
  };
  for (const auto& c : cases) {
    CAPTURE(c.a0);
    CAPTURE(c.b0);
    CAPTURE(c.b1);
    CAPTURE(c.threshold);
    Fixture f;
    f.add("A", "c", c.a0, c.a1);
    f.add("B", "c", c.b0, c.b1);
    auto o = f.opts();
    o.unit = AgreementUnit::segment;
    o.threshold = c.threshold;
    o.overlap = c.how;
    auto r = analysis::compute_agreement(*f.p, o);
    const auto& t = f.row(r, "c").pairs[0].table;
    if (c.match)
      CHECK(t == Binary2x2{1, 0, 0, 0});
    else
      CHECK(t == Binary2x2{0, 1, 1, 0});
  }
}

TEST_CASE("segment level: passages of other codes give the 'neither' cell, once per place") {
  Fixture f;
  f.add("A", "c", 0, 10);
  f.add("B", "c", 1, 10);
  f.add("A", "d", 20, 30);
  f.add("B", "d", 50, 60);
  f.add("A", "c/sub", 70, 80);
  f.add("B", "c/sub", 71, 80);
  f.add("A", "d", 70, 80);  // same place as the sub-code passage: one passage
  auto o = f.opts();
  o.unit = AgreementUnit::segment;
  auto r = analysis::compute_agreement(*f.p, o);
  // Passages: [0,10) c; [20,30) d(A); [50,60) d(B); [70,80) sub + d(A).
  CHECK(f.row(r, "c").pairs[0].table == Binary2x2{1, 0, 0, 3});
  CHECK(f.row(r, "d").pairs[0].table == Binary2x2{0, 2, 1, 1});
  CHECK(f.row(r, "c/sub").pairs[0].table == Binary2x2{1, 0, 0, 3});
  CHECK(r.method.find("intersection over union") != std::string::npos);

  o.sel.rollup = true;  // sub rolls up into its indicator c
  r = analysis::compute_agreement(*f.p, o);
  CHECK(r.codes.size() == 2);
  CHECK(f.row(r, "c").pairs[0].table == Binary2x2{2, 0, 0, 2});
  CHECK(r.method.find("rolled up") != std::string::npos);
}

TEST_CASE("the interval sweep equals a brute-force count per character, alpha with missing coders included") {
  std::mt19937 rng(7);
  for (int round = 0; round < 4; ++round) {
    CAPTURE(round);
    Fixture f({300, 200, 120});
    const std::vector<std::string> coders = {"A", "B", "C"};
    const std::vector<std::string> codes = {"c", "d", "c/sub"};
    std::map<Id, size_t> widx;
    for (size_t w = 0; w < coders.size(); ++w) widx[f.coder(coders[w])] = w;
    // Coder C skips the last document entirely (its values are missing there).
    for (size_t d = 0; d < 3; ++d)
      for (size_t w = 0; w < coders.size(); ++w) {
        if (w == 2 && d == 2) continue;
        const int64_t len = d == 0 ? 300 : d == 1 ? 200 : 120;
        for (int k = 0; k < 6; ++k) {
          int64_t s = static_cast<int64_t>(rng() % static_cast<unsigned>(len - 1));
          int64_t e = std::min(len, s + 1 + static_cast<int64_t>(rng() % 60));
          f.add(coders[w], codes[rng() % 3], s, e, d);
        }
      }
    for (bool exclude : {false, true}) {
      CAPTURE(exclude);
      auto o = f.opts(coders);
      o.exclude_uncoded = exclude;
      auto r = analysis::compute_agreement(*f.p, o);
      for (const auto& path : codes) {
        CAPTURE(path);
        // Brute force: a per-character reliability matrix.
        std::vector<std::vector<std::optional<int>>> matrix(3);
        Binary2x2 ab;
        for (size_t d = 0; d < 3; ++d) {
          const int64_t len = f.p->document(f.docs[d]).length_cp;
          std::vector<std::vector<int>> mark(3, std::vector<int>(static_cast<size_t>(len), 0));
          std::vector<int> any(static_cast<size_t>(len), 0), any_ab(static_cast<size_t>(len), 0);
          store::CodingFilter in_doc;
          in_doc.doc = f.docs[d];
          for (const auto& c : f.p->codings(in_doc)) {
            const size_t w = widx.at(c.coder);
            for (int64_t i = c.start; i < c.end; ++i) {
              any[static_cast<size_t>(i)] = 1;
              if (w < 2) any_ab[static_cast<size_t>(i)] = 1;
              if (f.p->code_path(c.code) == path) mark[w][static_cast<size_t>(i)] = 1;
            }
          }
          for (int64_t i = 0; i < len; ++i) {
            if (!exclude || any[static_cast<size_t>(i)])
              for (size_t w = 0; w < 3; ++w)
                matrix[w].push_back(w == 2 && d == 2 ? std::nullopt
                                                     : std::optional<int>(mark[w][static_cast<size_t>(i)]));
            if (exclude && !any_ab[static_cast<size_t>(i)]) continue;  // the pair counts its own coded text
            const int a = mark[0][static_cast<size_t>(i)], b = mark[1][static_cast<size_t>(i)];
            (a && b ? ab.both : a ? ab.only_a : b ? ab.only_b : ab.neither) += 1;
          }
        }
        const auto& row = f.row(r, path);
        REQUIRE(row.pairs.size() == 3);  // A-B, A-C, B-C
        CHECK(row.pairs[0].table == ab);
        const double ref = analysis::krippendorff_alpha_nominal(matrix);
        CHECK(row.alpha.value == doctest::Approx(ref).epsilon(1e-9));
      }
    }
  }
}

TEST_CASE("bad selections are refused with a sentence") {
  Fixture f;
  f.add("A", "c", 0, 10);
  f.add("B", "c", 0, 10);
  auto o = f.opts({"A"});
  CHECK_THROWS_AS(analysis::compute_agreement(*f.p, o), ValidationError);
  o = f.opts({"A", "nobody"});
  CHECK_THROWS_WITH_AS(analysis::compute_agreement(*f.p, o), doctest::Contains("no coder 'nobody'"), NotFound);
  o = f.opts({"A", "A"});
  CHECK_THROWS_AS(analysis::compute_agreement(*f.p, o), ValidationError);
  o = f.opts();
  o.sel.docs = {f.docs[0]};
  o.sel.source_type = "interview";
  CHECK_THROWS_AS(analysis::compute_agreement(*f.p, o), ValidationError);
  o = f.opts();
  o.unit = AgreementUnit::segment;
  o.threshold = 0;
  CHECK_THROWS_AS(analysis::compute_agreement(*f.p, o), ValidationError);
  o = f.opts();
  o.sel.docs = {999};
  CHECK_THROWS_AS(analysis::compute_agreement(*f.p, o), NotFound);
}

namespace {

// A project with every kind of disagreement on codes c and d, and one agreement.
struct ReviewFixture : Fixture {
  ReviewFixture() {
    add("A", "c", 0, 10, 0, store::Stance::supports);
    add("B", "c", 0, 10, 0, store::Stance::contradicts);
    add("A", "c", 20, 30);
    add("B", "c", 40, 50);
    add("A", "d", 60, 70);
    add("B", "d", 62, 70);
    add("A", "d", 80, 90);
    add("B", "d", 80, 90);
  }
  std::vector<analysis::Disagreement> list(bool kept = false) {
    analysis::ReviewOptions o;
    o.sel.coders = {"A", "B"};
    o.include_kept = kept;
    return analysis::list_disagreements(*p, o);
  }
  analysis::Disagreement at(int64_t start) {
    for (auto& d : list())
      if (d.start == start) return d;
    FAIL("no disagreement at " << start);
    throw 0;
  }
  std::vector<store::Coding> of(const std::string& coder, const std::string& c) {
    store::CodingFilter f;
    f.coder = p->find_coder(coder);
    f.codes = {code.at(c)};
    return p->codings(f);
  }
};

}  // namespace

TEST_CASE("review: the passages where two coders differ, by kind") {
  ReviewFixture f;
  auto l = f.list();
  REQUIRE(l.size() == 4);
  CHECK(l[0].kind == analysis::DisagreementKind::stance);
  CHECK(l[0].start == 0);
  CHECK(l[1].kind == analysis::DisagreementKind::only_a);
  CHECK(l[1].start == 20);
  CHECK(l[2].kind == analysis::DisagreementKind::only_b);
  CHECK(l[2].start == 40);
  CHECK(l[3].kind == analysis::DisagreementKind::boundaries);
  CHECK(l[3].start == 60);
  CHECK(l[3].end == 70);
  CHECK(l[3].a.size() == 1);
  CHECK(l[3].b.size() == 1);
  CHECK(l[3].code_path == "d");
  CHECK(analysis::passage_text(*f.p, f.docs[0], 0, 3) == f.p->text(f.docs[0]).substr(0, 3));
}

TEST_CASE("review: accepting one side is one undoable action") {
  ReviewFixture f;
  const int64_t rev = f.p->revision();
  const Id b_coding = f.of("B", "c").at(0).id;
  analysis::accept_side(*f.p, f.at(0), true);  // A's stance wins; B's coding stays, with A's stance
  CHECK(f.p->revision() == rev + 1);
  CHECK(f.p->coding(b_coding).stance == store::Stance::supports);
  CHECK(f.list().size() == 3);
  f.p->undo();
  CHECK(f.p->coding(b_coding).stance == store::Stance::contradicts);

  analysis::accept_side(*f.p, f.at(20), true);  // B gets a copy of A's coding
  auto bc = f.of("B", "c");
  REQUIRE(bc.size() == 3);
  CHECK(bc[1].start == 20);
  CHECK(bc[1].origin.find("review: accepted A's coding") == 0);
  f.p->undo();
  CHECK(f.of("B", "c").size() == 2);

  analysis::accept_side(*f.p, f.at(20), false);  // B's silence wins: A's coding goes
  CHECK(f.of("A", "c").size() == 1);
  CHECK(f.list().size() == 3);
  f.p->undo();
  CHECK(f.of("A", "c").size() == 2);

  analysis::accept_side(*f.p, f.at(60), false);  // B's boundaries win
  auto ad = f.of("A", "d");
  REQUIRE(ad.size() == 2);
  CHECK(ad[0].start == 62);
  CHECK(f.list().size() == 3);
}

TEST_CASE("review: keep both, and an agreed version") {
  ReviewFixture f;
  auto d = f.at(60);
  analysis::keep_both(*f.p, d);
  CHECK(f.list().size() == 3);
  auto all = f.list(true);
  REQUIRE(all.size() == 4);
  CHECK(all[3].kept);
  f.p->undo();
  CHECK(f.list().size() == 4);

  const int64_t rev = f.p->revision();
  analysis::set_agreed(*f.p, f.at(60), {61, 70, store::Stance::supports, std::nullopt});
  CHECK(f.p->revision() == rev + 1);
  for (const char* who : {"A", "B"}) {
    auto cs = f.of(who, "d");
    REQUIRE(cs.size() == 2);
    CHECK(cs[0].start == 61);
    CHECK(cs[0].end == 70);
    CHECK(cs[0].stance == store::Stance::supports);
  }
  CHECK(f.list().size() == 3);
  CHECK_THROWS_AS(analysis::set_agreed(*f.p, f.at(0), {0, 1000, store::Stance::neutral, std::nullopt}),
                  ValidationError);
}

TEST_CASE("review: a resolution of a passage that changed since the list was made is refused") {
  ReviewFixture f;
  auto d = f.at(60);
  f.p->set_coding_span(d.b[0].id, 63, 70);
  CHECK_THROWS_WITH_AS(analysis::accept_side(*f.p, d, true), doctest::Contains("refresh"), UserError);
  f.p->remove_coding(d.b[0].id);
  CHECK_THROWS_WITH_AS(analysis::keep_both(*f.p, d), doctest::Contains("gone"), UserError);
}

namespace {

std::string run(const std::string& args, int* status = nullptr) {
  std::string cmd = std::string(TELAAH_BINARY) + " " + args + " 2>&1";
  FILE* f = ::popen(cmd.c_str(), "r");
  REQUIRE(f);
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  int st = ::pclose(f);
  if (status) *status = WEXITSTATUS(st);
  return out;
}

}  // namespace

TEST_CASE("CLI: telaah agreement and telaah resolve") {
  ReviewFixture f;
  const std::string file = f.p->path().string();
  f.p.reset();  // the CLI takes the project's lock
  int st = -1;
  auto j = nlohmann::json::parse(run("agreement " + file + " --coders A,B --json", &st));
  CHECK(st == 0);
  REQUIRE(j["codes"].size() == 2);
  CHECK(j["codes"][0]["code"] == "c");
  CHECK(j["codes"][0]["pairs"][0]["table"]["both"] == 10);
  CHECK(j["codes"][0]["pairs"][0]["table"]["only_a"] == 10);
  CHECK(j["codes"][0]["pairs"][0]["table"]["only_b"] == 10);
  CHECK(j["overall"]["pairs"][0]["units"] == 200);
  CHECK(j["overall"]["pairs"][0]["kappa"]["method"].get<std::string>().find("Cohen") != std::string::npos);
  CHECK(j["method"].get<std::string>().find("Character level") == 0);

  auto seg =
      nlohmann::json::parse(run("agreement " + file + " --coders A,B --unit segment --threshold 0.8 --json", &st));
  CHECK(st == 0);
  CHECK(seg["codes"][1]["pairs"][0]["table"]["both"] == 2);  // d: [60,70) vs [62,70) is 0.8

  std::string text = run("agreement " + file + " --coders A,B", &st);
  CHECK(st == 0);
  CHECK(text.find("overall (pooled)") != std::string::npos);
  CHECK(text.find("Method: Character level") != std::string::npos);

  auto list = nlohmann::json::parse(run("agreement " + file + " --coders A,B --disagreements --json", &st));
  REQUIRE(list.size() == 4);
  const std::string key = list[3]["key"];
  CHECK(list[3]["kind"] == "boundaries");
  run("resolve " + file + " --coders A,B --passage " + key.substr(0, 8) + " --accept A", &st);
  CHECK(st == 0);
  list = nlohmann::json::parse(run("agreement " + file + " --coders A,B --disagreements --json", &st));
  CHECK(list.size() == 3);
  run("undo " + file, &st);
  list = nlohmann::json::parse(run("agreement " + file + " --coders A,B --disagreements --json", &st));
  CHECK(list.size() == 4);

  std::string err = run("agreement " + file + " --coders A,Z", &st);
  CHECK(st == 1);
  CHECK(err.find("no coder 'Z'") != std::string::npos);
  run("agreement " + file + " --coders A,B --unit word", &st);
  CHECK(st == 1);
  run("resolve " + file + " --coders A,B --passage zzzz --keep-both", &st);
  CHECK(st == 1);
}

TEST_CASE("the sample project: ayu and bima on their double-coded documents") {
  TempDir tmp("sample");
  const fs::path file = tmp.dir / "sample.telaah";
  try {
    sample::build_sample(file, fs::path(TELAAH_SOURCE_DIR) / "corpus");
  } catch (const std::exception& e) {
    MESSAGE("SKIPPED: the sample project does not build yet (" << e.what() << ")");
    return;
  }
  {
    auto p = store::Project::open(file);
    AgreementOptions o;
    o.sel.coders = {"ayu", "bima"};
    o.sel.rollup = true;
    auto r = analysis::compute_agreement(*p, o);
    CHECK(r.documents.size() == 6);  // bima coded six documents
    CHECK(!r.codes.empty());
    const double k = r.overall.pairs.at(0).kappa.value;
    CHECK(k > 0.0);  // better than chance ...
    CHECK(k < 1.0);  // ... with the realistic disagreements the corpus was written with
    for (const auto& c : r.codes) {
      CHECK(c.pairs[0].documents == 6);
      CHECK(c.pairs[0].table.total() > 0);
    }
    o.exclude_uncoded = true;
    auto ex = analysis::compute_agreement(*p, o);
    CHECK(ex.overall.pairs[0].percent.value < r.overall.pairs[0].percent.value);
    o.unit = AgreementUnit::segment;
    auto seg = analysis::compute_agreement(*p, o);
    CHECK(seg.overall.pairs[0].table.both > 0);
    analysis::ReviewOptions ro;
    ro.sel = o.sel;
    CHECK(!analysis::list_disagreements(*p, ro).empty());
  }
  int st = -1;
  std::string out = run("agreement " + file.string() + " --coders ayu,bima --rollup", &st);
  CHECK(st == 0);
  CHECK(out.find("Input/Legal infrastructure") != std::string::npos);
  CHECK(out.find("kappa") != std::string::npos);
}
