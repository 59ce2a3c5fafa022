// The verdict rule (evaluation.h): coverage, per-variable verdicts, weights,
// the impediment penalty, the sensitivity table, and the seed study's own
// ratings giving "cukup efektif" — table-driven with hand-computed values,
// then the same through the CLI on a project built from scratch.
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <tuple>
#include <vector>

#include "analysis/evaluation.h"
#include "helpers/run.h"
#include "helpers/temp_dir.h"
#include "store/errors.h"
#include "store/project.h"

using namespace telaah;
using namespace telaah::analysis;
using R = Rating;
using V = Verdict;

namespace {

ScoredIndicator ind(const char* variable, Rating r, double weight = 1, bool impeded = false) {
  return {variable, r, weight, impeded};
}

// The seed study (Jakarta–Seoul sister city, trade), its ratings as the
// article argues them:
//   I1 legal infrastructure   partially achieved: the 1984 Joint Communique grounds the
//                             cooperation but lacks the content Permendagri 3/2008 requires
//                             — impediment 1
//   I2 human/natural resources achieved: staff adequate in number and quality, natural
//                             resources sufficient — impediment 2 (no public information on
//                             further training and achievements)
//   P1 continuity             achieved: 31 years, leader visits 2011–2015
//   P2 community involvement  achieved: "cukup tinggi"
//   O1 trade goals            achieved: exports Rp 24.2 bn (2011) -> Rp 69.7 bn (2015)
//   O2 new cooperation        partially achieved: the cooperation continues, but no new
//                             fields were opened with Seoul
std::vector<ScoredIndicator> seed() {
  return {ind("Input", R::partially_achieved, 1, true),
          ind("Input", R::achieved, 1, true),
          ind("Process", R::achieved),
          ind("Process", R::achieved),
          ind("Output", R::achieved),
          ind("Output", R::partially_achieved)};
}

}  // namespace

TEST_CASE("the seed study's own ratings and two impediments give 'cukup efektif' by the default rule") {
  // Hand computation with the defaults (penalty 0.5, coverage >= 0.5, effective >= 0.75, fairly >= 0.40):
  //   scores  I1 0.5 - 0.5 = 0   I2 1 - 0.5 = 0.5   P1 1   P2 1   O1 1   O2 0.5
  //   coverage 6/6 = 1;  score (0 + 0.5 + 1 + 1 + 1 + 0.5) / 6 = 4/6 = 0.667
  //   0.40 <= 0.667 < 0.75  ->  fairly effective (cukup efektif)
  // Without the impediments: 5/6 = 0.833 -> effective, which is what the study does not conclude.
  // Per variable: Input (0 + 0.5)/2 = 0.25 -> not effective; Process 1 -> effective;
  // Output (1 + 0.5)/2 = 0.75 -> effective.
  const EvalSettings s;
  auto v = verdict(seed(), s);
  CHECK(v.automatic == V::fairly_effective);
  CHECK(std::string(to_indonesian(v.automatic)) == "cukup efektif");
  CHECK(v.score == doctest::Approx(4.0 / 6));
  CHECK(v.coverage == doctest::Approx(1.0));
  CHECK(v.rated == 6);
  CHECK(v.impeded == 2);
  CHECK(v.reason.find("2 with an impediment (-0.5 each, not below 0)") != std::string::npos);

  auto no_imp = seed();
  for (auto& i : no_imp) i.impeded = false;
  CHECK(verdict(no_imp, s).automatic == V::effective);
  CHECK(verdict(no_imp, s).score == doctest::Approx(5.0 / 6));

  // Also with O2 read as "not achieved": (0 + 0.5 + 1 + 1 + 1 + 0) / 6 = 0.583 -> still fairly effective.
  auto harsh = seed();
  harsh[5].rating = R::not_achieved;
  CHECK(verdict(harsh, s).automatic == V::fairly_effective);
  CHECK(verdict(harsh, s).score == doctest::Approx(3.5 / 6));

  auto vars = variable_verdicts(seed(), s);
  REQUIRE(vars.size() == 3);
  struct Want {
    const char* name;
    double score;
    Verdict verdict;
  };
  const Want want[] = {
      {"Input", 0.25, V::not_effective}, {"Process", 1.0, V::effective}, {"Output", 0.75, V::effective}};
  for (size_t i = 0; i < 3; ++i) {
    CAPTURE(want[i].name);
    CHECK(vars[i].variable == want[i].name);
    CHECK(vars[i].indicators.size() == 2);
    CHECK(vars[i].result.score == doctest::Approx(want[i].score));
    CHECK(vars[i].result.automatic == want[i].verdict);
  }
}

TEST_CASE("the verdict rule: coverage, weights, impediments, thresholds (hand-computed)") {
  struct Case {
    const char* what;
    std::vector<ScoredIndicator> in;
    double min_coverage, penalty;
    Verdict want;
    double score, coverage;
  };
  const Case cases[] = {
      // coverage 1/6 = 0.167 < 0.5: one rated indicator of six decides nothing
      {"one of six rated",
       {ind("", R::achieved), ind("", R::insufficient_evidence), ind("", R::insufficient_evidence),
        ind("", R::insufficient_evidence), ind("", R::insufficient_evidence), ind("", R::insufficient_evidence)},
       0.5,
       0.5,
       V::undetermined,
       1.0,
       1.0 / 6},
      // 3/6 = 0.5 reaches 0.5 exactly; score (1 + 1 + 0.5)/3 = 0.833
      {"three of six rated: coverage exactly at the minimum",
       {ind("", R::achieved), ind("", R::achieved), ind("", R::partially_achieved), ind("", R::insufficient_evidence),
        ind("", R::insufficient_evidence), ind("", R::insufficient_evidence)},
       0.5,
       0.5,
       V::effective,
       2.5 / 3,
       0.5},
      // same with min coverage 0.6: 0.5 < 0.6
      {"three of six, minimum 0.6",
       {ind("", R::achieved), ind("", R::achieved), ind("", R::partially_achieved), ind("", R::insufficient_evidence),
        ind("", R::insufficient_evidence), ind("", R::insufficient_evidence)},
       0.6,
       0.5,
       V::undetermined,
       2.5 / 3,
       0.5},
      {"nothing rated, minimum 0", {ind("", R::insufficient_evidence)}, 0.0, 0.5, V::undetermined, 0.0, 0.0},
      {"no indicators", {}, 0.5, 0.5, V::undetermined, 0.0, 0.0},
      // weights: (3*1 + 1*0)/4 = 0.75 -> effective; equal weights would give 0.5
      {"weight 3 on the achieved one",
       {ind("", R::achieved, 3), ind("", R::not_achieved, 1)},
       0.5,
       0.5,
       V::effective,
       0.75,
       1.0},
      {"equal weights", {ind("", R::achieved), ind("", R::not_achieved)}, 0.5, 0.5, V::fairly_effective, 0.5, 1.0},
      // weight 0 leaves the not-achieved indicator out: score 1
      {"weight 0 leaves an indicator out",
       {ind("", R::achieved, 1), ind("", R::not_achieved, 0)},
       0.5,
       0.5,
       V::effective,
       1.0,
       1.0},
      // coverage by weight: 1 / (1 + 3) = 0.25 < 0.5
      {"the unrated indicator weighs 3",
       {ind("", R::achieved, 1), ind("", R::insufficient_evidence, 3)},
       0.5,
       0.5,
       V::undetermined,
       1.0,
       0.25},
      // impediment penalty: achieved 1 - 0.5 = 0.5 -> 0.5 mean with another achieved: (0.5 + 1)/2 = 0.75
      {"one impeded of two achieved",
       {ind("", R::achieved, 1, true), ind("", R::achieved)},
       0.5,
       0.5,
       V::effective,
       0.75,
       1.0},
      // penalty floors at 0: not achieved stays 0; (0 + 0.5)/2 = 0.25
      {"penalty never below 0",
       {ind("", R::not_achieved, 1, true), ind("", R::partially_achieved)},
       0.5,
       0.5,
       V::not_effective,
       0.25,
       1.0},
      {"penalty 0 switches impediments off", {ind("", R::achieved, 1, true)}, 0.5, 0.0, V::effective, 1.0, 1.0},
      // penalty 1: achieved -> 0; (0 + 1)/2 = 0.5
      {"penalty 1", {ind("", R::achieved, 1, true), ind("", R::achieved)}, 0.5, 1.0, V::fairly_effective, 0.5, 1.0},
      // thresholds at exact values: (1+1+1+0)/4 = 0.75; (1+0+0+0+1)/5 = 0.40
      {"exactly 0.75",
       {ind("", R::achieved), ind("", R::achieved), ind("", R::achieved), ind("", R::not_achieved)},
       0.5,
       0.5,
       V::effective,
       0.75,
       1.0},
      {"exactly 0.40",
       {ind("", R::achieved), ind("", R::not_achieved), ind("", R::not_achieved), ind("", R::not_achieved),
        ind("", R::achieved)},
       0.5,
       0.5,
       V::fairly_effective,
       0.4,
       1.0},
  };
  for (const auto& c : cases) {
    CAPTURE(c.what);
    EvalSettings s;
    s.min_coverage = c.min_coverage;
    s.impediment_penalty = c.penalty;
    auto v = verdict(c.in, s);
    CHECK(v.automatic == c.want);
    CHECK(v.coverage == doctest::Approx(c.coverage));
    if (v.rated) CHECK(v.score == doctest::Approx(c.score));
    CHECK_FALSE(v.reason.empty());
    if (c.want == V::undetermined && !c.in.empty() && v.coverage < c.min_coverage)
      CHECK(v.reason.find("below the minimum coverage") != std::string::npos);
  }
  // insufficient evidence as "not achieved": it scores 0 but still does not count as covered
  EvalSettings s;
  s.insufficient_counts_as_not_achieved = true;
  auto v = verdict({ind("", R::achieved), ind("", R::insufficient_evidence)}, s);
  CHECK(v.automatic == V::fairly_effective);  // (1 + 0)/2 = 0.5, coverage 0.5
  CHECK(v.coverage == doctest::Approx(0.5));
  v = verdict({ind("", R::achieved), ind("", R::insufficient_evidence), ind("", R::insufficient_evidence)}, s);
  CHECK(v.automatic == V::undetermined);  // coverage 1/3
}

TEST_CASE("the sensitivity table: the seed's verdict under neighbouring settings") {
  // Seed scores as above. Rows (hand-computed):
  //   as set                         0.667  fairly
  //   effective 0.70 / 0.80          0.667  fairly / fairly
  //   fairly 0.35 / 0.45             0.667  fairly / fairly
  //   min coverage 0.4 / 0.6         coverage 1  fairly / fairly
  //   penalty 0.25: (0.25 + 0.75 + 1 + 1 + 1 + 0.5)/6 = 0.75   effective  <- changes
  //   penalty 0.75: (0 + 0.25 + 1 + 1 + 1 + 0.5)/6 = 0.625     fairly
  auto rows = sensitivity(seed(), EvalSettings{});
  struct Want {
    const char* key;
    double value, score;
    Verdict verdict;
  };
  const Want want[] = {{"as set", 0, 4.0 / 6, V::fairly_effective},
                       {"evaluation.verdict.effective", 0.70, 4.0 / 6, V::fairly_effective},
                       {"evaluation.verdict.effective", 0.80, 4.0 / 6, V::fairly_effective},
                       {"evaluation.verdict.fairly", 0.35, 4.0 / 6, V::fairly_effective},
                       {"evaluation.verdict.fairly", 0.45, 4.0 / 6, V::fairly_effective},
                       {"evaluation.min_coverage", 0.4, 4.0 / 6, V::fairly_effective},
                       {"evaluation.min_coverage", 0.6, 4.0 / 6, V::fairly_effective},
                       {"evaluation.impediment_penalty", 0.25, 0.75, V::effective},
                       {"evaluation.impediment_penalty", 0.75, 0.625, V::fairly_effective}};
  REQUIRE(rows.size() == std::size(want));
  for (size_t i = 0; i < rows.size(); ++i) {
    CAPTURE(i);
    CHECK(rows[i].key == want[i].key);
    if (i) CHECK(rows[i].value == doctest::Approx(want[i].value));
    CHECK(rows[i].score == doctest::Approx(want[i].score));
    CHECK(rows[i].verdict == want[i].verdict);
    CHECK(rows[i].changed == (want[i].verdict != V::fairly_effective));
  }
  CHECK(rows[0].as_set);

  // Rows outside a setting's range, or that would put fairly above effective, are left out.
  EvalSettings edge;
  edge.effective = 0.40;
  edge.fairly = 0.40;
  edge.min_coverage = 1.0;
  edge.impediment_penalty = 0.0;
  rows = sensitivity(seed(), edge);
  for (const auto& r : rows) {
    CAPTURE(r.key);
    CHECK(!(r.key == "evaluation.verdict.effective" && r.value < 0.4));
    CHECK(!(r.key == "evaluation.verdict.fairly" && r.value > 0.4));
    CHECK(!(r.key == "evaluation.min_coverage" && r.value > 1.0));
    CHECK(!(r.key == "evaluation.impediment_penalty" && r.value < 0.0));
  }
  CHECK(rows.size() == 5);  // as set, effective 0.45, fairly 0.35, coverage 0.9, penalty 0.25
}

TEST_CASE("labels both ways: English and Indonesian for every rating and verdict") {
  const std::pair<Rating, const char*> ratings[] = {{R::achieved, "tercapai"},
                                                    {R::partially_achieved, "sebagian tercapai"},
                                                    {R::not_achieved, "tidak tercapai"},
                                                    {R::insufficient_evidence, "bukti tidak cukup"}};
  for (const auto& [r, id] : ratings) {
    CHECK(std::string(to_indonesian(r)) == id);
    CHECK(rating_from_string(id) == r);
    CHECK(rating_from_string(to_string(r)) == r);
    CHECK(both_languages(r) == std::string(to_string(r)) + " (" + id + ")");
  }
  const std::pair<Verdict, const char*> verdicts[] = {{V::effective, "efektif"},
                                                      {V::fairly_effective, "cukup efektif"},
                                                      {V::not_effective, "tidak efektif"},
                                                      {V::undetermined, "belum dapat ditentukan"}};
  for (const auto& [v, id] : verdicts) {
    CHECK(std::string(to_indonesian(v)) == id);
    CHECK(verdict_from_string(id) == v);
    CHECK(verdict_from_string(to_string(v)) == v);
  }
  CHECK(rating_labels().size() == 4);
  CHECK(verdict_labels().size() == 4);
  CHECK_THROWS_AS(rating_from_string("bagus"), ValidationError);
}

// --- through the CLI, on a project made from scratch ---

namespace {

test::Result tl(std::vector<std::string> args) {
  args.insert(args.begin(), std::string(TELAAH_BINARY));
  return test::run(args, {"USER=tester"});
}

}  // namespace

TEST_CASE("CLI: the seed's ratings and impediments -> cukup efektif, per variable, sensitivity, settings") {
  test::TempDir dir("telaah-verdict");
  const std::string p = (dir / "seed.telaah").string();
  dir.write("notes.txt",
            "Informan B: Komunike bersama 1984 tidak memuat hak dan kewajiban para pihak. Revisinya tertunda.\n\n"
            "Informan C: Pegawai biro cakap dan cukup jumlahnya. Data diklat lanjutan tidak dipublikasikan.\n\n"
            "Informan D: Kunjungan pimpinan kota berlangsung rutin.\n");
  REQUIRE(tl({"new", p}).status == 0);
  REQUIRE(tl({"import", p, (dir / "notes.txt").string(), "--type", "interview", "--quiet"}).status == 0);
  auto code = [&](const char* quote, const char* c) {
    auto r = tl({"code", p, "--doc", "1", "--quote", quote, "--code", c});
    CAPTURE(r.err);
    REQUIRE(r.status == 0);
  };
  code("Komunike bersama 1984 tidak memuat hak dan kewajiban para pihak.", "I1");
  code("Revisinya tertunda.", "Impediment");  // same speaker turn as the I1 evidence
  code("Pegawai biro cakap dan cukup jumlahnya.", "I2");
  code("Data diklat lanjutan tidak dipublikasikan.", "Impediment");
  code("Kunjungan pimpinan kota berlangsung rutin.", "P1");

  // Two indicators rated of six: coverage 2/6 < 0.5 -> undetermined, with the reason.
  REQUIRE(tl({"evaluate", p, "--indicator", "I1", "--rating", "sebagian tercapai", "--justification", "x"}).status ==
          0);
  REQUIRE(tl({"evaluate", p, "--indicator", "P1", "--rating", "achieved", "--justification", "x"}).status == 0);
  auto out = tl({"evaluate", p, "--json"});
  REQUIRE(out.status == 0);
  auto j = nlohmann::json::parse(out.out);
  // The codings are neutral, so the suggestions for the four others are "insufficient evidence".
  CHECK(j["verdict"]["coverage"].get<double>() == doctest::Approx(2.0 / 6));
  CHECK(j["verdict"]["automatic"] == "undetermined");
  CHECK(j["verdict"]["automatic_id"] == "belum dapat ditentukan");
  CHECK(j["verdict"]["reason"].get<std::string>().find("2 of 6 indicators rated") != std::string::npos);

  const char* rate[][2] = {{"I2", "achieved"}, {"P2", "tercapai"}, {"O1", "achieved"}, {"O2", "partially achieved"}};
  for (const auto& r : rate)
    REQUIRE(
        tl({"evaluate", p, "--indicator", r[0], "--rating", r[1], "--justification", "as the article argues"}).status ==
        0);
  out = tl({"evaluate", p, "--json"});
  REQUIRE(out.status == 0);
  j = nlohmann::json::parse(out.out);
  CHECK(j["verdict"]["automatic"] == "fairly effective");
  CHECK(j["verdict"]["automatic_id"] == "cukup efektif");
  CHECK(j["verdict"]["score"].get<double>() == doctest::Approx(4.0 / 6));
  CHECK(j["verdict"]["impeded"] == 2);
  REQUIRE(j["variables"].size() == 3);
  CHECK(j["variables"][0]["variable"] == "Input");
  CHECK(j["variables"][0]["automatic"] == "not effective");
  CHECK(j["variables"][1]["automatic"] == "effective");
  CHECK(j["indicators"][0]["rating_id"] == "sebagian tercapai");
  CHECK(j["indicators"][0]["score"].get<double>() == doctest::Approx(0.0));
  bool flips = false;
  for (const auto& row : j["sensitivity"])
    if (row["setting"] == "evaluation.impediment_penalty" && row["value"].get<double>() == doctest::Approx(0.25))
      flips = row["changed"].get<bool>() && row["verdict"] == "effective";
  CHECK(flips);

  auto text = tl({"evaluate", p});
  REQUIRE(text.status == 0);
  CHECK(text.out.find("verdict: fairly effective (cukup efektif)") != std::string::npos);
  CHECK(text.out.find("Input: not effective (tidak efektif)") != std::string::npos);
  CHECK(text.out.find("sensitivity") != std::string::npos);
  auto help = tl({"evaluate", "--help"});
  CHECK(help.out.find("evaluation.min_coverage") != std::string::npos);
  CHECK(help.out.find("evaluation.impediment_penalty") != std::string::npos);

  // Settings: weights and a stricter coverage change the verdict; bad values are one-sentence errors.
  {
    auto proj = store::Project::open(p);
    proj->set_setting("evaluation.weights", "I1=0, I2=0");  // the impeded Input indicators left out
  }
  j = nlohmann::json::parse(tl({"evaluate", p, "--json"}).out);
  CHECK(j["verdict"]["automatic"] == "effective");  // (1 + 1 + 1 + 0.5)/4 = 0.875
  CHECK(j["verdict"]["score"].get<double>() == doctest::Approx(0.875));
  {
    auto proj = store::Project::open(p);
    proj->set_setting("evaluation.weights", "");
    proj->set_setting("evaluation.variable_weights", "Output=2");
  }
  // (0 + 0.5 + 1 + 1 + 2*1 + 2*0.5) / 8 = 5.5/8 = 0.6875
  j = nlohmann::json::parse(tl({"evaluate", p, "--json"}).out);
  CHECK(j["verdict"]["score"].get<double>() == doctest::Approx(0.6875));
  CHECK(j["verdict"]["automatic"] == "fairly effective");
  for (const auto& [key, value, says] : std::vector<std::tuple<std::string, std::string, std::string>>{
           {"evaluation.weights", "I1", "NAME=WEIGHT"},
           {"evaluation.weights", "I1=-1", "NAME=WEIGHT"},
           {"evaluation.weights", "Nowhere=2", "not an indicator"},
           {"evaluation.variable_weights", "Elsewhere=2", "not the parent"},
           {"evaluation.min_coverage", "1.5", "between 0 and 1"},
           {"evaluation.impediment_penalty", "-0.1", "between 0 and 1"}}) {
    CAPTURE(key);
    CAPTURE(value);
    {
      auto proj = store::Project::open(p);
      proj->set_setting("evaluation.variable_weights", "");
      proj->set_setting(key, value);
    }
    auto bad = tl({"evaluate", p});
    CHECK(bad.status == 1);
    CHECK(bad.err.find(says) != std::string::npos);
    auto proj = store::Project::open(p);
    proj->set_setting(key, "");
  }
  {
    auto proj = store::Project::open(p);
    proj->set_setting("evaluation.min_coverage", "1");
    proj->set_setting("evaluation.weights", "");
  }
  // Still all six rated: coverage 1 reaches 1.
  j = nlohmann::json::parse(tl({"evaluate", p, "--json"}).out);
  CHECK(j["verdict"]["automatic"] == "fairly effective");

  const std::string md = (dir / "r.md").string();
  REQUIRE(tl({"report", p, "--format", "md", "--lang", "en", "--out", md}).status == 0);
  std::ifstream in(md);
  std::string body((std::istreambuf_iterator<char>(in)), {});
  CHECK(body.find("### Per variable") != std::string::npos);
  CHECK(body.find("### Sensitivity") != std::string::npos);
  CHECK(body.find("| Input | 2 | 100% | 25% | not effective |") != std::string::npos);
  CHECK(body.find("evaluation.min_coverage") != std::string::npos);  // the rule in the appendix
}

TEST_CASE("stale ratings and verdict overrides: the audit trail, flagged when the automatic value moves, confirmed") {
  // Hand computation (defaults: k = 2, m = 1, support share 0.67; min_coverage set to 0 so that one
  // rated indicator has a verdict):
  //   I1 coded contradicting in the interview and the news: triangulated, S 0 C 2 -> suggested "not achieved".
  //   + an official passage supporting: official net + against net - elsewhere -> dissonance -> divergent
  //     -> suggested "partially achieved".
  //   The verdict by the rule from I1 alone: partially achieved 0.5 -> fairly effective (>= 0.40);
  //   not achieved 0 -> not effective.
  test::TempDir dir("telaah-stale");
  const std::string p = (dir / "stale.telaah").string();
  dir.write("interview.txt", "Informan B: Komunike 1984 tidak memuat kewajiban para pihak.\n");
  dir.write("news.txt", "Komunike 1984 dikritik anggota DPRD.\n");
  dir.write("official.txt", "Komunike 1984 hanya memuat niat.\n\nLKPJ mencatat komunike tetap berlaku.\n");
  REQUIRE(tl({"new", p}).status == 0);
  for (const char* t : {"interview", "news", "official"})
    REQUIRE(tl({"import", p, (dir / (std::string(t) + ".txt")).string(), "--type", t, "--quiet"}).status == 0);
  REQUIRE(tl({"settings", p, "evaluation.min_coverage", "0"}).status == 0);
  auto code = [&](const char* doc, const char* quote, const char* stance) {
    auto r = tl({"code", p, "--doc", doc, "--quote", quote, "--code", "I1", "--stance", stance});
    CAPTURE(r.err);
    REQUIRE(r.status == 0);
  };
  code("1", "Komunike 1984 tidak memuat kewajiban para pihak.", "contradicts");
  code("2", "Komunike 1984 dikritik anggota DPRD.", "contradicts");
  REQUIRE(tl({"evaluate", p, "--indicator", "I1", "--rating", "partially achieved", "--justification", "x"}).status ==
          0);
  REQUIRE(tl({"evaluate", p, "--verdict", "efektif", "--memo", "the programme runs"}).status == 0);

  struct Step {
    const char* what;
    std::vector<std::string> args;  // a command run before the check (empty: none)
    const char* suggested;
    const char* rating_automatic;  // the suggestion recorded under the rating
    bool rating_stale;
    const char* verdict_rule;
    const char* verdict_automatic;  // recorded under the verdict override
    bool verdict_stale;
  };
  const Step steps[] = {
      {"as recorded", {}, "not achieved", "not achieved", false, "fairly effective", "fairly effective", false},
      {"an official passage supports: the suggestion moves",
       {"code", p, "--doc", "3", "--quote", "LKPJ mencatat komunike tetap berlaku.", "--code", "I1", "--stance",
        "supports"},
       "partially achieved",
       "not achieved",
       true,
       "fairly effective",
       "fairly effective",
       false},
      {"the researcher confirms the rating",
       {"evaluate", p, "--indicator", "I1", "--confirm"},
       "partially achieved",
       "partially achieved",
       false,
       "fairly effective",
       "fairly effective",
       false},
      {"a new rating moves the verdict by the rule under the override",
       {"evaluate", p, "--indicator", "I1", "--rating", "not achieved", "--justification", "y"},
       "partially achieved",
       "partially achieved",
       false,
       "not effective",
       "fairly effective",
       true},
      {"the researcher confirms the verdict",
       {"evaluate", p, "--confirm-verdict"},
       "partially achieved",
       "partially achieved",
       false,
       "not effective",
       "not effective",
       false},
      {"undo brings the stale flag back",
       {"undo", p},
       "partially achieved",
       "partially achieved",
       false,
       "not effective",
       "fairly effective",
       true},
  };
  for (const auto& s : steps) {
    CAPTURE(s.what);
    if (!s.args.empty()) {
      auto r = tl(s.args);
      CAPTURE(r.err);
      REQUIRE(r.status == 0);
    }
    auto out = tl({"evaluate", p, "--json"});
    REQUIRE(out.status == 0);
    auto j = nlohmann::json::parse(out.out);
    const auto& i1 = j["indicators"][0];
    CHECK(i1["suggested"] == s.suggested);
    CHECK(i1["recorded"]["automatic"] == s.rating_automatic);
    CHECK(i1["recorded"]["stale"] == s.rating_stale);
    CHECK(i1["recorded"]["coder"] == "tester");
    CHECK_FALSE(i1["recorded"]["confirmed"].get<std::string>().empty());
    CHECK(j["verdict"]["automatic"] == s.verdict_rule);
    CHECK(j["verdict"]["audit"]["automatic"] == s.verdict_automatic);
    CHECK(j["verdict"]["audit"]["coder"] == "tester");
    CHECK(j["verdict"]["stale"] == s.verdict_stale);
    auto text = tl({"evaluate", p});
    CHECK((text.out.find("STALE") != std::string::npos) == (s.rating_stale || s.verdict_stale));
  }
  // Confirming what is not there: one sentence, exit 1, nothing changed.
  REQUIRE(tl({"evaluate", p, "--indicator", "I2", "--confirm"}).status == 1);
  REQUIRE(tl({"evaluate", p, "--clear-verdict"}).status == 0);
  auto r = tl({"evaluate", p, "--confirm-verdict"});
  CHECK(r.status == 1);
  CHECK(r.err.find("not overridden") != std::string::npos);
  CHECK(tl({"evaluate", p, "--indicator", "I1", "--confirm", "--clear"}).status == 1);
}
