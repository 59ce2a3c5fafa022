// Intercoder agreement through the CLI on projects built from scratch:
// three coders (each pair's own alpha, the all-coder alpha on its own row),
// "not meaningful" printed as n/a / JSON null, stance agreement, and a
// categorical variable reproducing Krippendorff's (2011) published example.
#include <doctest/doctest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "helpers/run.h"
#include "helpers/temp_dir.h"

namespace {

telaah::test::Result tl(std::vector<std::string> args) {
  args.insert(args.begin(), std::string(TELAAH_BINARY));
  return telaah::test::run(args, {"USER=tester"});
}

void ok(const std::vector<std::string>& args) {
  auto r = tl(args);
  CAPTURE(r.err);
  REQUIRE(r.status == 0);
}

nlohmann::json json_of(std::vector<std::string> args) {
  args.push_back("--json");
  auto r = tl(args);
  CAPTURE(r.err);
  REQUIRE(r.status == 0);
  return nlohmann::json::parse(r.out);
}

// A project with one document of numbered paragraphs ("Paragraf nomor 01." ...)
// and the given codes at the top level.
struct Project {
  telaah::test::TempDir dir{"telaah-agree-cli"};
  std::string p = (dir / "a.telaah").string();
  Project(int paragraphs, const std::vector<std::string>& codes) {
    std::string text;
    for (int i = 1; i <= paragraphs; ++i)
      text += "Paragraf nomor " + std::string(i < 10 ? "0" : "") + std::to_string(i) + ".\n\n";
    dir.write("units.txt", text);
    ok({"new", p, "--empty"});
    ok({"import", p, (dir / "units.txt").string(), "--type", "interview", "--quiet"});
    for (const auto& c : codes) ok({"codes", p, "--add", c});
  }
  static std::string para(int i) {
    return "Paragraf nomor " + std::string(i < 10 ? "0" : "") + std::to_string(i) + ".";
  }
  void code(const std::string& coder, int paragraph, const std::string& c, const std::string& stance = "neutral") {
    ok({"code", p, "--doc", "1", "--quote", para(paragraph), "--code", c, "--coder", coder, "--stance", stance});
  }
};

}  // namespace

TEST_CASE("Krippendorff (2011): 4 coders, 12 units, missing values, nominal alpha 0.743 via --variable") {
  // The reliability data of Krippendorff (2011), "Computing Krippendorff's
  // Alpha-Reliability", section C (0 = missing):
  const int data[4][12] = {{1, 2, 3, 3, 2, 1, 4, 1, 2, 0, 0, 0},
                           {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, 0, 3},
                           {0, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, 0},
                           {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, 0}};
  const char* coders[4] = {"A", "B", "C", "D"};
  Project pr(12, {"V1", "V2", "V3", "V4", "V5"});
  for (int c = 0; c < 4; ++c)
    for (int u = 0; u < 12; ++u)
      if (data[c][u]) pr.code(coders[c], u + 1, "V" + std::to_string(data[c][u]));

  auto j = json_of({"agreement", pr.p, "--coders", "A,B,C,D", "--variable", "V1,V2,V3,V4,V5"});
  CHECK(j["units"] == 12);
  CHECK(j["pairable_units"] == 11);  // unit 12 has one value only
  REQUIRE(j["alpha"]["value"].is_number());
  CHECK(std::fabs(j["alpha"]["value"].get<double>() - 0.743) < 0.0005);  // published to three decimals
  CHECK(j["pairs"].size() == 6);
  // A and B: units 1-9 both valued, 8 of 9 equal (unit 6: 1 vs 2).
  CHECK(j["pairs"][0]["coder_a"] == "A");
  CHECK(j["pairs"][0]["units"] == 9);
  CHECK(j["pairs"][0]["percent_agreement"]["value"].get<double>() == doctest::Approx(8.0 / 9));
  CHECK(j["pairs"][0]["alpha"]["value"].is_number());

  auto text = tl({"agreement", pr.p, "--coders", "A,B,C,D", "--variable", "V1,V2,V3,V4,V5"});
  REQUIRE(text.status == 0);
  CHECK(text.out.find("all 4 coders") != std::string::npos);
  CHECK(text.out.find("0.743") != std::string::npos);

  // Mutually exclusive codes: a coder giving two values to one passage is refused.
  pr.code("A", 1, "V2");
  auto bad = tl({"agreement", pr.p, "--coders", "A,B,C,D", "--variable", "V1,V2,V3,V4,V5"});
  CHECK(bad.status == 1);
  CHECK(bad.err.find("not mutually exclusive") != std::string::npos);
  bad = tl({"agreement", pr.p, "--coders", "A,B", "--variable", "V1"});
  CHECK(bad.status == 1);
  CHECK(bad.err.find("at least two codes") != std::string::npos);
}

TEST_CASE("three coders: every pair its own alpha (equal to the two-coder run), the all-coder alpha apart") {
  Project pr(6, {"X", "Y"});
  // A, B and C code X and Y differently over six paragraphs.
  const char* x[3] = {"11100", "11000", "10101"};  // paragraphs 1-5 coded X (1) or not (0)
  const char* coders[3] = {"A", "B", "C"};
  for (int c = 0; c < 3; ++c) {
    for (int u = 0; u < 5; ++u)
      if (x[c][u] == '1') pr.code(coders[c], u + 1, "X");
    pr.code(coders[c], 6, "Y");
  }
  auto j = json_of({"agreement", pr.p, "--coders", "A,B,C"});
  REQUIRE(j["codes"].size() == 2);
  const auto& row = j["codes"][0];
  REQUIRE(row["pairs"].size() == 3);
  for (const auto& pa : row["pairs"]) {
    CAPTURE(pa.dump());
    CHECK(!pa["alpha"]["method"].get<std::string>().empty());
    CHECK((pa["alpha"]["value"].is_number() || pa["alpha"]["value"].is_null()));
  }
  CHECK(row["alpha"]["value"].is_number());
  const std::vector<std::pair<std::string, int>> pairs = {{"A,B", 0}, {"A,C", 1}, {"B,C", 2}};
  for (const auto& [who, i] : pairs) {
    CAPTURE(who);
    auto two = json_of({"agreement", pr.p, "--coders", who});
    CHECK(row["pairs"][i]["alpha"]["value"].get<double>() ==
          doctest::Approx(two["codes"][0]["alpha"]["value"].get<double>()).epsilon(1e-12));
    CHECK(row["pairs"][i]["kappa"]["value"].get<double>() ==
          doctest::Approx(two["codes"][0]["pairs"][0]["kappa"]["value"].get<double>()).epsilon(1e-12));
  }
  // The pairs differ, so the per-pair alphas are not one copied number.
  CHECK(row["pairs"][0]["alpha"]["value"].get<double>() != row["pairs"][1]["alpha"]["value"].get<double>());

  auto text = tl({"agreement", pr.p, "--coders", "A,B,C"});
  REQUIRE(text.status == 0);
  CHECK(text.out.find("all 3 coders") != std::string::npos);
  CHECK(text.out.find("A-B") != std::string::npos);
}

TEST_CASE("segment level with a single code: kappa and alpha print n/a (JSON null), never 0") {
  Project pr(4, {"X"});
  pr.code("A", 1, "X");
  pr.code("B", 1, "X");
  pr.code("A", 2, "X");
  pr.code("B", 3, "X");
  auto j = json_of({"agreement", pr.p, "--coders", "A,B", "--unit", "segment"});
  REQUIRE(j["codes"].size() == 1);
  const auto& pa = j["codes"][0]["pairs"][0];
  CHECK(pa["table"]["both"] == 1);
  CHECK(pa["table"]["neither"] == 0);
  CHECK(pa["percent_agreement"]["value"].get<double>() == doctest::Approx(1.0 / 3));  // a number: it means something
  CHECK(pa["kappa"]["value"].is_null());
  CHECK(pa["alpha"]["value"].is_null());
  CHECK(j["codes"][0]["alpha"]["value"].is_null());
  CHECK(pa["kappa"]["method"].get<std::string>().find("not meaningful") != std::string::npos);
  CHECK(j["overall"]["pairs"][0]["kappa"]["value"].is_null());
  auto text = tl({"agreement", pr.p, "--coders", "A,B", "--unit", "segment"});
  REQUIRE(text.status == 0);
  CHECK(text.out.find("n/a") != std::string::npos);
  CHECK(text.out.find("0.0000") == std::string::npos);
}

TEST_CASE("stance agreement on the passages both coders coded with the same code") {
  Project pr(6, {"X"});
  // Paragraphs 1-4 coded X by both; stances A: + + - 0, B: + - - 0. Paragraph 5 by A only.
  const char* a[4] = {"supports", "supports", "contradicts", "neutral"};
  const char* b[4] = {"supports", "contradicts", "contradicts", "neutral"};
  for (int u = 0; u < 4; ++u) {
    pr.code("A", u + 1, "X", a[u]);
    pr.code("B", u + 1, "X", b[u]);
  }
  pr.code("A", 5, "X", "supports");
  auto j = json_of({"agreement", pr.p, "--coders", "A,B"});
  const auto& st = j["codes"][0]["stance"];
  // Hand computation: 4 units; po = 3/4.
  //   kappa: A (+2, -1, 0 1), B (+1, -2, 0 1): pe = (2*1 + 1*2 + 1*1)/16 = 5/16;
  //          (0.75 - 0.3125) / (1 - 0.3125) = 0.63636
  //   alpha: coincidences o(+,+)=2, o(+,-)=o(-,+)=1, o(-,-)=2, o(0,0)=2; n+ = 3, n- = 3, n0 = 2, n = 8;
  //          Do = 2/8, De = (3*3 + 3*2 + 3*2)*2 / (8*7) = 42/56; alpha = 1 - 0.25/0.75 = 0.6667
  CHECK(st["units"] == 4);
  CHECK(st["pairs"][0]["units"] == 4);
  CHECK(st["pairs"][0]["percent_agreement"]["value"].get<double>() == doctest::Approx(0.75));
  CHECK(st["pairs"][0]["kappa"]["value"].get<double>() == doctest::Approx(0.4375 / 0.6875));
  CHECK(st["alpha"]["value"].get<double>() == doctest::Approx(2.0 / 3));
  CHECK(j["overall"]["stance"]["units"] == 4);

  auto v = json_of({"agreement", pr.p, "--coders", "A,B", "--variable", "stance"});
  CHECK(v["variable"] == "stance");
  CHECK(v["alpha"]["value"].get<double>() == doctest::Approx(2.0 / 3));
  CHECK(v["pairs"][0]["kappa"]["value"].get<double>() == doctest::Approx(0.4375 / 0.6875));

  auto text = tl({"agreement", pr.p, "--coders", "A,B"});
  REQUIRE(text.status == 0);
  CHECK(text.out.find("Stance agreement") != std::string::npos);
  CHECK(text.out.find("0.6364") != std::string::npos);

  // No passage in common: stance statistics are n/a, not 0.
  Project lone(3, {"X"});
  lone.code("A", 1, "X", "supports");
  lone.code("B", 2, "X", "supports");
  auto none = json_of({"agreement", lone.p, "--coders", "A,B"});
  CHECK(none["codes"][0]["stance"]["units"] == 0);
  CHECK(none["codes"][0]["stance"]["pairs"][0]["percent_agreement"]["value"].is_null());
  CHECK(none["codes"][0]["stance"]["alpha"]["value"].is_null());
}
