// The sample project: it builds from corpus/ from scratch, every quote anchor
// resolves, and the evidence per indicator x source type is exactly the
// pattern written in corpus/README.md (so an edit that breaks the story fails).
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "analysis/evidence.h"
#include "analysis/triangulation.h"
#include "sample/sample.h"
#include "store/project.h"
#include "store/quote.h"

namespace fs = std::filesystem;
using namespace telaah;

namespace {

const fs::path kCorpus = fs::path(TELAAH_SOURCE_DIR) / "corpus";

struct Cell {
  int codings = 0, docs = 0, sup = 0, con = 0, neu = 0;
  bool operator==(const Cell&) const = default;
};

std::string show(const Cell& c) {
  return std::to_string(c.codings) + " / " + std::to_string(c.docs) + " (" + std::to_string(c.sup) + "-" +
         std::to_string(c.con) + "-" + std::to_string(c.neu) + ")";
}

struct Row {
  std::map<std::string, Cell> cells;  // by source type
  std::string status;                 // the bold word of "intended status"
};

std::string slurp(const fs::path& f) {
  std::ifstream in(f);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Rows of the pattern table:
// "| I1 Legal infrastructure | 8 / 4 (0-8-0) | — | ... | **triangulated**, ... |"
std::map<std::string, Row> read_pattern() {
  std::istringstream in(slurp(kCorpus / "README.md"));
  std::map<std::string, Row> out;
  std::string line;
  const std::regex row(R"(^\|\s*([IPO][12]) [^|]*\|([^|]*)\|([^|]*)\|([^|]*)\|\s*\*\*([a-z-]+)\*\*)");
  const std::regex cell(R"((\d+)\s*/\s*(\d+)\s*\((\d+)-(\d+)-(\d+)\))");
  const char* cols[] = {"interview", "news", "official"};
  while (std::getline(in, line)) {
    std::smatch m;
    if (!std::regex_search(line, m, row)) continue;
    for (int k = 0; k < 3; ++k) {
      std::string s = m[2 + k].str();
      std::smatch c;
      Cell v;
      if (std::regex_search(s, c, cell))
        v = {std::stoi(c[1]), std::stoi(c[2]), std::stoi(c[3]), std::stoi(c[4]), std::stoi(c[5])};
      out[m[1].str()].cells[cols[k]] = v;
    }
    out[m[1].str()].status = m[5].str();
  }
  return out;
}

Cell cell_of(const analysis::Cell& c) {
  return {static_cast<int>(c.codings), static_cast<int>(c.documents), static_cast<int>(c.supports),
          static_cast<int>(c.contradicts), static_cast<int>(c.neutral)};
}

struct TempProject {
  fs::path dir = fs::temp_directory_path() / ("telaah-sample-" + std::to_string(::getpid()));
  fs::path file = dir / "sample.telaah";
  TempProject() {
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  ~TempProject() { fs::remove_all(dir); }
};

}  // namespace

TEST_CASE("the sample project builds and tells the intended triangulation story") {
  TempProject t;
  sample::BuildReport r;
  REQUIRE_NOTHROW(r = sample::build_sample(t.file, kCorpus));
  auto p = store::Project::open(t.file);

  SUBCASE("size: at least 32 documents in three source types, 150 codings, two coders, 60,000 words") {
    auto docs = p->documents();
    CHECK(docs.size() >= 32);
    std::map<std::string, int> by_type;
    for (const auto& d : docs) by_type[d.source_type]++;
    CHECK(by_type["interview"] >= 8);
    CHECK(by_type["news"] >= 16);
    CHECK(by_type["official"] >= 8);
    size_t words = 0;
    for (const auto& d : docs) {
      std::istringstream ws(p->text(d.id));
      std::string w;
      while (ws >> w) ++words;
    }
    CHECK(words >= 60000);
    CHECK(p->codings().size() >= 150);
    CHECK(p->coders().size() == 2);
    CHECK(p->check().empty());
  }

  SUBCASE("every quote anchor resolves to its exact text") {
    auto anchors = sample::read_anchors(kCorpus);
    CHECK(anchors.size() == r.codings);
    std::map<std::string, store::Id> by_name;
    for (const auto& d : p->documents()) by_name[d.original_name] = d.id;
    for (const auto& a : anchors) {
      INFO(a.where);
      auto it = by_name.find(fs::path(a.file).filename().string());
      REQUIRE(it != by_name.end());
      auto hits = store::find_quote(p->text(it->second), a.quote);
      CHECK(static_cast<int>(hits.size()) >= a.occurrence);
    }
  }

  SUBCASE("per indicator x source type, under the default coder rule: the pattern of corpus/README.md") {
    // The sample sets no coder rule: its matrix is what any project shows,
    // every coder counted and the same passage once (issue 17, item 7).
    CHECK(p->setting("triangulation.coders").empty());
    auto pattern = read_pattern();
    REQUIRE(pattern.size() == 6);
    const auto t = analysis::EvidenceTable::load(*p);
    analysis::Query q;
    q.coders = analysis::default_coders(*p, t);
    CHECK(q.coders.empty());
    q.all_codes = true;  // the Impediment row too
    const auto m = analysis::triangulate(t, q, analysis::settings_from_project(*p));
    REQUIRE(m.columns.labels == std::vector<std::string>{"interview", "news", "official"});
    for (const auto& [key, expected] : pattern) {
      const analysis::Row* row = m.find(p->resolve_code(key));  // the framework gives indicators aliases I1..O2
      REQUIRE(row != nullptr);
      for (size_t k = 0; k < 3; ++k) {
        const std::string& type = m.columns.labels[k];
        const Cell got = cell_of(row->cells[k]), want = expected.cells.at(type);
        INFO(key << " / " << type << ": README says " << show(want) << ", the matrix has " << show(got));
        CHECK(got == want);
      }
      INFO(key << ": README says " << expected.status);
      CHECK(std::string(analysis::to_string(row->automatic)) == expected.status);
    }
    // "*Impediment* (...): interview 10, news 5, official 8 passages"
    std::smatch im;
    const std::string readme = slurp(kCorpus / "README.md");
    REQUIRE(std::regex_search(
        readme, im, std::regex(R"(Impediment\*[^:]*:\s+interview (\d+), news (\d+),\s+official (\d+) passages)")));
    const analysis::Row* imp = m.find(p->resolve_code("Impediment"));
    REQUIRE(imp != nullptr);
    for (size_t k = 0; k < 3; ++k) {
      INFO("Impediment / " << m.columns.labels[k]);
      CHECK(imp->cells[k].codings == std::stoi(im[1 + k].str()));
    }
  }
}

TEST_CASE("a broken anchor stops the build and leaves no half-built project") {
  TempProject t;
  fs::path corpus = t.dir / "corpus";
  fs::create_directories(corpus / "coding");
  fs::copy_file(kCorpus / "framework.json", corpus / "framework.json");
  std::ofstream(corpus / "a.txt") << "Pewawancara: Apa kabar?\n\nInforman A: Baik, terima kasih.\n";
  std::ofstream(corpus / "manifest.tsv") << "file\ttype\tlang\tdate\ttitle\tauthor\tattributes\n"
                                            "a.txt\tinterview\tid\t2017-01-01\tA\tPeneliti\trole=staff\n";
  std::ofstream(corpus / "coding" / "x.tsv") << "file\tcode\tquote\toccurrence\tstance\tcoder\tmemo\n"
                                                "a.txt\tImpediment\tkalimat yang tidak ada\t1\tneutral\tayu\t\n";
  try {
    sample::build_sample(t.file, corpus);
    FAIL("the build should have failed");
  } catch (const UserError& e) {
    CHECK(std::string(e.what()).find("coding/x.tsv:2") != std::string::npos);
    CHECK(std::string(e.what()).find("not found") != std::string::npos);
  }
  CHECK_FALSE(fs::exists(t.file));
}
