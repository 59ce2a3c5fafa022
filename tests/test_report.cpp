// Evaluation and the report: suggested ratings and the verdict rule
// (table-driven), recorded ratings and verdict overrides with undo,
// impediments and their links, the Markdown and HTML report (quotes,
// citations, self-contained HTML), the CLI commands end to end, and the HTML
// rendered by headless Chromium to a PNG that must not be blank.
#include <dlfcn.h>
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "analysis/evaluation.h"
#include "analysis/overrides.h"
#include "exchange/report.h"
#include "helpers/report_fixture.h"
#include "store/project.h"
#include "store/quote.h"
#include "text/utf8.h"
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

using Fixture = test::ReportFixture;

Row row_with(Status s, int64_t sup, int64_t con, int64_t neu) {
  Row r;
  r.effective = r.automatic = s;
  r.total.supports = sup;
  r.total.contradicts = con;
  r.total.neutral = neu;
  r.total.codings = sup + con + neu;
  return r;
}

// Runs the telaah binary; returns exit status and stdout (stderr to `err`).
int run(const std::string& args, std::string* out = nullptr, std::string* err = nullptr) {
  const std::string errfile =
      (fs::temp_directory_path() / ("telaah-report-err-" + std::to_string(::getpid()))).string();
  FILE* f = ::popen((std::string(TELAAH_BINARY) + " " + args + " 2>" + errfile).c_str(), "r");
  REQUIRE(f != nullptr);
  std::string o;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) o.append(buf, n);
  int st = ::pclose(f);
  if (out) *out = o;
  if (err) {
    std::ifstream e(errfile);
    *err = std::string(std::istreambuf_iterator<char>(e), {});
  }
  fs::remove(errfile);
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

std::string q(const fs::path& p) {
  return "'" + p.string() + "'";
}

}  // namespace

TEST_CASE("suggested rating: the documented rule, case by case") {
  struct Case {
    const char* what;
    Row row;
    Rating want;
  };
  const Case cases[] = {
      {"gap", row_with(Status::gap, 0, 0, 0), Rating::insufficient_evidence},
      {"neutral-only evidence", row_with(Status::triangulated, 0, 0, 4), Rating::insufficient_evidence},
      {"divergent", row_with(Status::divergent, 12, 14, 0), Rating::partially_achieved},
      {"triangulated, all supporting", row_with(Status::triangulated, 20, 0, 3), Rating::achieved},
      {"triangulated, all contradicting", row_with(Status::triangulated, 0, 20, 2), Rating::not_achieved},
      {"triangulated, mixed", row_with(Status::triangulated, 5, 5, 0), Rating::partially_achieved},
      {"triangulated, share at the threshold (2 of 3 < 0.67)", row_with(Status::triangulated, 2, 1, 0),
       Rating::partially_achieved},
      {"triangulated, share above the threshold", row_with(Status::triangulated, 7, 3, 0), Rating::achieved},
      {"single-source supporting: not corroborated", row_with(Status::single_source, 8, 0, 0),
       Rating::partially_achieved},
      {"single-source contradicting", row_with(Status::single_source, 0, 3, 0), Rating::not_achieved},
      {"insufficient, supporting", row_with(Status::insufficient, 4, 0, 0), Rating::partially_achieved},
  };
  EvalSettings s;
  for (const auto& c : cases) {
    CAPTURE(c.what);
    auto got = suggest_rating(c.row, s);
    CHECK(got.rating == c.want);
    CHECK_FALSE(got.reason.empty());
  }
  s.support_share = 0.6;
  CHECK(suggest_rating(row_with(Status::triangulated, 2, 1, 0), s).rating == Rating::achieved);
}

TEST_CASE("overall verdict: the documented rule, thresholds and what insufficient evidence counts as") {
  using R = Rating;
  struct Case {
    const char* what;
    std::vector<Rating> ratings;
    bool insufficient_as_not;
    Verdict want;
    int rated;
  };
  const Case cases[] = {
      {"the seed study's shape",
       {R::not_achieved, R::insufficient_evidence, R::achieved, R::achieved, R::partially_achieved,
        R::partially_achieved},
       false,
       Verdict::fairly_effective,
       5},
      {"all achieved", {R::achieved, R::achieved}, false, Verdict::effective, 2},
      {"exactly 0.75", {R::achieved, R::achieved, R::achieved, R::not_achieved}, false, Verdict::effective, 4},
      {"just under 0.75",
       {R::achieved, R::partially_achieved, R::achieved, R::not_achieved, R::achieved},
       false,
       Verdict::fairly_effective,
       5},
      {"exactly 0.40",
       {R::achieved, R::not_achieved, R::not_achieved, R::not_achieved, R::achieved},
       false,
       Verdict::fairly_effective,
       5},
      {"under 0.40", {R::partially_achieved, R::not_achieved, R::not_achieved}, false, Verdict::not_effective, 3},
      {"nothing rated", {R::insufficient_evidence, R::insufficient_evidence}, false, Verdict::undetermined, 0},
      {"no indicators", {}, false, Verdict::undetermined, 0},
      {"insufficient counts as not achieved",
       {R::achieved, R::insufficient_evidence},
       true,
       Verdict::fairly_effective,
       2},
      {"insufficient left out", {R::achieved, R::insufficient_evidence}, false, Verdict::effective, 1},
  };
  for (const auto& c : cases) {
    CAPTURE(c.what);
    EvalSettings s;
    s.insufficient_counts_as_not_achieved = c.insufficient_as_not;
    auto v = verdict(c.ratings, s);
    CHECK(v.automatic == c.want);
    CHECK(v.rated == c.rated);
    CHECK(v.effective() == c.want);
  }
  CHECK(std::string(to_indonesian(Verdict::fairly_effective)) == "cukup efektif");
  CHECK(verdict_from_string("cukup efektif") == Verdict::fairly_effective);
  CHECK_THROWS_AS(verdict_from_string("great"), ValidationError);
  for (auto r : {R::achieved, R::partially_achieved, R::not_achieved, R::insufficient_evidence})
    CHECK(rating_from_string(to_string(r)) == r);
  CHECK(rating_from_string("partially-achieved") == R::partially_achieved);
  CHECK_THROWS_AS(rating_from_string("good"), ValidationError);
}

TEST_CASE("recorded ratings and the verdict override: validation, one action each, undo") {
  Fixture f;
  f.code_study();
  auto ids = f.p->codings();
  const int64_t rev = f.p->revision();
  CHECK_THROWS_AS(set_evaluation(*f.p, f.legal, Rating::not_achieved, "  ", {}), ValidationError);
  CHECK_THROWS_AS(set_evaluation(*f.p, f.legal, Rating::not_achieved, "why", {ids[0].id, 99999}), NotFound);
  CHECK_THROWS_AS(set_evaluation(*f.p, 4242, Rating::not_achieved, "why", {}), NotFound);
  CHECK(f.p->revision() == rev);

  set_evaluation(*f.p, f.legal, Rating::not_achieved, "The 1984 communique lacks what the regulation requires.",
                 {ids[0].id, ids[1].id, ids[0].id});
  auto recs = load_evaluations(*f.p);
  REQUIRE(recs.size() == 1);
  CHECK(recs[0].evidence == std::vector<Id>{ids[0].id, ids[1].id});  // duplicates dropped
  set_evaluation(*f.p, f.legal, Rating::partially_achieved, "second thoughts", {});
  recs = load_evaluations(*f.p);
  REQUIRE(recs.size() == 1);  // replaced, not added
  CHECK(recs[0].rating == Rating::partially_achieved);
  f.p->undo();
  CHECK(load_evaluations(*f.p).at(0).rating == Rating::not_achieved);

  auto t = f.table();
  auto m = f.matrix(t);
  auto e = evaluate(*f.p, t, m);
  REQUIRE(e.indicators.size() == 3);
  CHECK(e.indicators[0].recorded.has_value());
  CHECK(e.indicators[0].rating() == Rating::not_achieved);
  CHECK(e.indicators[0].suggested.rating == Rating::not_achieved);   // triangulated, all contradicting
  CHECK(e.indicators[1].rating() == Rating::insufficient_evidence);  // gap
  CHECK(e.indicators[2].rating() == Rating::partially_achieved);     // divergent
  CHECK(e.verdict.automatic == Verdict::not_effective);              // (0 + 0.5) / 2

  CHECK_THROWS_AS(set_verdict(*f.p, "fairly effective", ""), ValidationError);
  CHECK_THROWS_AS(set_verdict(*f.p, "splendid", "memo"), ValidationError);
  set_verdict(*f.p, "cukup efektif", "the programmes run; the legal basis is the weak point");
  e = evaluate(*f.p, t, m);
  REQUIRE(e.verdict.override.has_value());
  CHECK(e.verdict.effective() == Verdict::fairly_effective);
  CHECK(e.verdict.automatic == Verdict::not_effective);
  CHECK(e.verdict.memo.find("legal basis") != std::string::npos);
  f.p->undo();  // one action for verdict and memo
  e = evaluate(*f.p, t, m);
  CHECK_FALSE(e.verdict.override.has_value());

  clear_evaluation(*f.p, f.legal);
  CHECK(load_evaluations(*f.p).empty());
  CHECK_THROWS_AS(clear_evaluation(*f.p, f.legal), NotFound);

  f.p->set_setting("evaluation.verdict.fairly", "0.9");
  CHECK_THROWS_AS(eval_settings_from_project(*f.p), ValidationError);  // fairly above effective
}

TEST_CASE("impediments: the impediment codes by name or alias, linked by overlap or shared paragraph") {
  Fixture f;
  f.code_study();
  auto t = f.table();
  auto m = f.matrix(t);
  EvalSettings s;  // default names: Impediment, Hambatan
  auto items = impediments(*f.p, t, m, s);
  REQUIRE(items.size() == 3);
  std::map<std::string, std::vector<Id>> by_quote;
  for (const auto& it : items) {
    auto c = f.p->coding(it.coding_id);
    std::string body = f.p->text(c.doc);
    text::OffsetMap om(body);
    by_quote[std::string(text::slice_cp(body, om, static_cast<size_t>(c.start), static_cast<size_t>(c.end)))] =
        it.indicators;
  }
  CHECK(by_quote["Revisinya selalu tertunda."] == std::vector<Id>{f.legal});               // same speaker turn
  CHECK(by_quote["Data diklat pegawai tidak dipublikasikan."].empty());                    // cross-cutting
  CHECK(by_quote["kewajiban para pihak <menurut pengamat>"] == std::vector<Id>{f.legal});  // overlaps the legal coding
  s.impediment_codes = {"Nothing here"};
  CHECK(impediments(*f.p, t, m, s).empty());
  f.p->set_setting("evaluation.impediment_codes", "Output/Trade goals reached");
  auto codes = impediment_codes(t, eval_settings_from_project(*f.p).impediment_codes);
  CHECK(codes.size() == 2);  // the code and its sub-code
}

TEST_CASE("the report: framework, matrix, quotes with citations, ratings, impediments, verdict, method") {
  Fixture f;
  f.code_study();
  set_evaluation(*f.p, f.legal, Rating::not_achieved, "Every source says the communique lacks the required content.",
                 {});
  auto t = f.table();
  set_override(*f.p, t, f.goals, "type", "interview", "official", "partial agreement",
               "they answer different questions");
  t.refresh(*f.p);
  exchange::ReportOptions o;
  o.generated = "2026-01-02";
  auto data = exchange::build_report(*f.p, t, o);
  REQUIRE(data.indicators.size() == 3);
  const auto& legal = data.indicators[0];
  CHECK(legal.variable == "Input");
  CHECK(legal.definition.find("Permendagri") != std::string::npos);
  REQUIRE(legal.columns.size() == 3);
  REQUIRE(legal.columns[0].quotes.size() == 1);
  CHECK(legal.columns[0].quotes[0].text == "Komunike kita tidak memuat objek kerja sama.");
  CHECK(legal.columns[0].quotes[0].citation == "Wawancara Informan B, para. 2");
  CHECK(legal.columns[2].quotes[0].citation == "LKPJ 2015, p. 2");  // the document has a page map
  CHECK(legal.impediments.size() == 2);
  const auto& goals = data.indicators[2];
  CHECK(goals.columns[2].quotes.size() == 2);
  CHECK(goals.columns[2].quotes[0].code == "Export performance");  // the sub-code is named
  CHECK(data.method.codings_total == 9);
  CHECK(data.method.codings_counted == 6);

  const std::string md = exchange::render_markdown(data);
  for (const char* want :
       {"# Untitled study", "## 4. Indicators at a glance", "| Input | Legal infrastructure |",
        "Komunike kita tidak memuat objek kerja sama.", "Wawancara Informan B, para. 2", "LKPJ 2015, p. 2",
        "partial agreement (override; automatic: dissonance)", "they answer different questions",
        "**not achieved** (researcher; suggested: not achieved)", "## 7. Impediments", "Data diklat pegawai",
        "cross-cutting (linked to no indicator)", "## 10. Overall verdict", "at least k = 2 columns",
        "at least m = 1 document(s)", "at most 3 × the smaller", "| Report date | 2 January 2026 |"}) {
    CAPTURE(want);
    CHECK(md.find(want) != std::string::npos);
  }

  const std::string html = exchange::render_html(data);
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("<svg") != std::string::npos);
  CHECK(html.find("@media print") != std::string::npos);
  CHECK(html.find("&lt;menurut pengamat&gt; &amp; DPRD") == std::string::npos);  // only the coded part is quoted ...
  CHECK(html.find("kewajiban para pihak &lt;menurut pengamat&gt;") != std::string::npos);  // ... escaped
  CHECK(html.find("<menurut") == std::string::npos);
  // Self-contained: no scripts, no external resources.
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
  CHECK(html.find("src=") == std::string::npos);
  CHECK(html.find("url(") == std::string::npos);
  size_t http = 0;
  for (size_t at = html.find("http"); at != std::string::npos; at = html.find("http", at + 1)) ++http;
  CHECK(http == 1);  // the SVG namespace only
  CHECK_NOTHROW(text::require_valid_utf8(html));
}

TEST_CASE("the CLI: triangulate, override, evaluate and report end to end") {
  Fixture f;
  f.code_study();
  const fs::path file = f.dir / "study.telaah";
  f.p.reset();  // the CLI opens the project itself
  std::string out, err;

  CHECK(run("triangulate " + q(file), &out) == 0);
  CHECK(out.find("Input/Legal infrastructure") != std::string::npos);
  CHECK(out.find("triangulated") != std::string::npos);
  CHECK(out.find("divergent") != std::string::npos);

  CHECK(run("triangulate " + q(file) + " --format json", &out) == 0);
  auto j = nlohmann::json::parse(out);
  CHECK(j["columns"] == nlohmann::json({"interview", "news", "official"}));
  CHECK(j["rows"][0]["status"]["effective"] == "triangulated");
  CHECK(j["rows"][0]["cells"][0]["contradicts"] == 1);

  CHECK(run("triangulate " + q(file) + " --format csv", &out) == 0);
  CHECK(out.rfind("code_id,indicator,status", 0) == 0);
  CHECK(std::count(out.begin(), out.end(), '\n') == 4);
  CHECK(run("triangulate " + q(file) + " --format md --by year", &out) == 0);  // no dates: no columns, still a table
  CHECK(out.find("| indicator |") != std::string::npos);

  CHECK(run("triangulate " + q(file) + " --by informant", &out, &err) == 1);
  CHECK(err.find("no document attribute 'informant'") != std::string::npos);
  CHECK(run("triangulate " + q(file) + " --coder nobody", &out, &err) == 1);
  CHECK(err.find("no coder 'nobody'") != std::string::npos);

  CHECK(run("override " + q(file) + " --indicator O1 --pair interview,official --label agreement", &out, &err) ==
        1);  // no such alias
  CHECK(run("override " + q(file) + " --indicator 'Trade goals reached' --pair interview,official --label agreement",
            &out, &err) == 1);
  CHECK(err.find("memo") != std::string::npos);
  CHECK(run("override " + q(file) +
                " --indicator 'Trade goals reached' --pair interview,official --label 'partial agreement' "
                "--memo 'different questions'",
            &out) == 0);
  CHECK(run("triangulate " + q(file) + " --json", &out) == 0);
  j = nlohmann::json::parse(out);
  CHECK(j["rows"][2]["status"]["effective"] == "triangulated");
  CHECK(j["rows"][2]["status"]["automatic"] == "divergent");
  CHECK(run("undo " + q(file), &out) == 0);
  CHECK(run("triangulate " + q(file) + " --json", &out) == 0);
  CHECK(nlohmann::json::parse(out)["rows"][2]["status"]["effective"] == "divergent");

  CHECK(run("evaluate " + q(file) +
                " --indicator 'Legal infrastructure' --rating 'not achieved' --justification 'no content' "
                "--evidence 1,2 --verdict 'cukup efektif' --memo 'overall judgement'",
            &out) == 0);
  CHECK(out.find("rating: not achieved (recorded)") != std::string::npos);
  CHECK(out.find("verdict: fairly effective (cukup efektif)") != std::string::npos);
  CHECK(run("undo " + q(file), &out) == 0);  // rating and verdict were one action
  CHECK(run("evaluate " + q(file) + " --json", &out) == 0);
  j = nlohmann::json::parse(out);
  CHECK(j["indicators"][0]["recorded"].is_null());
  CHECK(j["verdict"]["override"].is_null());
  CHECK(run("evaluate " + q(file) + " --indicator 'Legal infrastructure' --rating great --justification x", &out,
            &err) == 1);
  CHECK(err.find("unknown rating") != std::string::npos);
  CHECK(run("evaluate " + q(file) +
                " --indicator 'Legal infrastructure' --rating achieved --justification x --evidence 1,x",
            &out, &err) == 1);

  const fs::path html = f.dir / "report.html", md = f.dir / "report.md";
  CHECK(run("report " + q(file) + " --out " + q(html), &out) == 0);
  CHECK(fs::file_size(html) > 5000);
  CHECK(run("report " + q(file) + " --format md --lang en --out " + q(md), &out) == 0);
  std::ifstream in(md);
  std::string body((std::istreambuf_iterator<char>(in)), {});
  CHECK(body.find("## 1. Method") != std::string::npos);
  CHECK(run("report " + q(file) + " --out " + q(f.dir / "no" / "such" / "dir.html"), &out, &err) == 1);
  CHECK(err.find("cannot write") != std::string::npos);
}

// --- rendering in headless Chromium ---
namespace {

std::string find_chromium() {
  for (const char* name : {"chromium", "chromium-browser", "google-chrome"})
    for (const char* dir : {"/usr/bin/", "/usr/local/bin/", "/snap/bin/"})
      if (::access((std::string(dir) + name).c_str(), X_OK) == 0) return std::string(dir) + name;
  return "";
}

// A PNG decoded to RGB(A) rows (8-bit, non-interlaced: what Chromium writes),
// with zlib's uncompress loaded at run time.
struct Image {
  uint32_t w = 0, h = 0, channels = 0;
  std::vector<uint8_t> px;
};

uint32_t be32(const uint8_t* p) {
  return (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) | (uint32_t(p[2]) << 8) | p[3];
}

Image decode_png(const std::string& bytes) {
  Image img;
  REQUIRE(bytes.size() > 8);
  REQUIRE(bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
  const auto* b = reinterpret_cast<const uint8_t*>(bytes.data());
  std::string idat;
  int depth = 0, colour = 0, interlace = 0;
  for (size_t at = 8; at + 12 <= bytes.size();) {
    uint32_t len = be32(b + at);
    std::string type(bytes, at + 4, 4);
    const uint8_t* data = b + at + 8;
    if (type == "IHDR") {
      img.w = be32(data);
      img.h = be32(data + 4);
      depth = data[8];
      colour = data[9];
      interlace = data[12];
    } else if (type == "IDAT") {
      idat.append(reinterpret_cast<const char*>(data), len);
    }
    at += 12 + len;
  }
  REQUIRE(depth == 8);
  REQUIRE(interlace == 0);
  REQUIRE((colour == 2 || colour == 6));
  img.channels = colour == 6 ? 4 : 3;
  void* z = ::dlopen("libz.so.1", RTLD_NOW);
  REQUIRE_MESSAGE(z != nullptr, "zlib (libz.so.1) is needed to decode the screenshot");
  using Uncompress = int (*)(unsigned char*, unsigned long*, const unsigned char*, unsigned long);
  auto uncompress = reinterpret_cast<Uncompress>(::dlsym(z, "uncompress"));
  REQUIRE(static_cast<bool>(uncompress));
  const size_t stride = size_t(img.w) * img.channels;
  std::vector<uint8_t> raw((stride + 1) * img.h);
  unsigned long raw_len = raw.size();
  REQUIRE(uncompress(raw.data(), &raw_len, reinterpret_cast<const unsigned char*>(idat.data()), idat.size()) == 0);
  img.px.assign(stride * img.h, 0);
  for (uint32_t y = 0; y < img.h; ++y) {  // undo the per-row filters
    const uint8_t f = raw[y * (stride + 1)];
    const uint8_t* in = &raw[y * (stride + 1) + 1];
    uint8_t* row = &img.px[y * stride];
    const uint8_t* up = y ? &img.px[(y - 1) * stride] : nullptr;
    for (size_t x = 0; x < stride; ++x) {
      int a = x >= img.channels ? row[x - img.channels] : 0, u = up ? up[x] : 0,
          c = (up && x >= img.channels) ? up[x - img.channels] : 0;
      int pred = 0;
      switch (f) {
        case 1:
          pred = a;
          break;
        case 2:
          pred = u;
          break;
        case 3:
          pred = (a + u) / 2;
          break;
        case 4: {
          int p = a + u - c, pa = std::abs(p - a), pb = std::abs(p - u), pc = std::abs(p - c);
          pred = (pa <= pb && pa <= pc) ? a : pb <= pc ? u : c;
          break;
        }
        default:
          pred = 0;
      }
      row[x] = static_cast<uint8_t>(in[x] + pred);
    }
  }
  ::dlclose(z);
  return img;
}

}  // namespace

TEST_CASE("the HTML report renders in headless Chromium to a PNG that is not blank") {
  const std::string chromium = find_chromium();
  if (chromium.empty()) {
    MESSAGE("skipped: no chromium on this machine (apt-get install chromium)");
    return;
  }
  Fixture f;
  fs::path project = f.dir / "study.telaah";
#ifdef TELAAH_HAVE_SAMPLE
  const fs::path corpus = fs::path(TELAAH_SOURCE_DIR) / "corpus";
  if (fs::exists(corpus / "framework.json")) {  // the real thing when the sample builder is there
    project = f.dir / "sample.telaah";
    sample::build_sample(project, corpus);
  } else {
    f.code_study();
  }
#else
  f.code_study();
#endif
  f.p.reset();
  const fs::path html = f.dir / "report.html";
  // Kept in the build tree so that a person can look at it.
  const fs::path png = fs::current_path() / "report_render.png";
  fs::remove(png);
  REQUIRE(run("report " + q(project) + " --out " + q(html)) == 0);
  const std::string cmd = "timeout 120 " + chromium +
                          " --headless --no-sandbox --disable-gpu --hide-scrollbars "
                          "--user-data-dir=" +
                          q(f.dir / "chromium-profile") + " --window-size=1280,9000 --screenshot=" + q(png) + " " +
                          q("file://" + html.string()) + " >/dev/null 2>&1";
  int rc = std::system(cmd.c_str());
  REQUIRE_MESSAGE(fs::exists(png), "chromium wrote no screenshot (exit " << rc << ")");
  std::ifstream in(png, std::ios::binary);
  const Image img = decode_png(std::string((std::istreambuf_iterator<char>(in)), {}));
  CHECK(img.w == 1280);
  CHECK(img.h == 9000);  // tall enough to reach the matrix (section 5)
  size_t ink = 0, green = 0, red = 0;
  const size_t n = size_t(img.w) * img.h;
  for (size_t i = 0; i < n; ++i) {
    const uint8_t* p = &img.px[i * img.channels];
    if (p[0] < 200 || p[1] < 200 || p[2] < 200) ++ink;
    if (p[1] > p[0] + 40 && p[1] > p[2] + 40) ++green;  // supporting cells, "triangulated" badges
    if (p[0] > p[1] + 60 && p[0] > p[2] + 60) ++red;    // contradicting cells, "divergent" badges
  }
  MESSAGE("screenshot " << png.string() << ": " << 100.0 * double(ink) / double(n) << "% ink, " << green
                        << " green and " << red << " red pixels");
  CHECK(double(ink) / double(n) > 0.03);  // text, tables and the matrix, not a white page
  CHECK(green > 2000);
  CHECK(red > 2000);
}
