// The fixture corpus of the search index (tests/fixtures/index/corpus:
// documents 1..7, a two-level codebook, four codings) and its query table
// with the exact expected document sets, shared by test_index.cpp (the local
// index) and test_shards.cpp (the same answers from remote shards).
// Header-only.
#pragma once
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "index/search.h"
#include "store/project.h"
#include "store/quote.h"
#include "temp_dir.h"

namespace telaah::test {

using Docs = std::vector<store::Id>;

inline const std::filesystem::path kIndexCorpus =
    std::filesystem::path(TELAAH_SOURCE_DIR) / "tests/fixtures/index/corpus";

inline void code_quote(store::Project& p, store::Id doc, const std::string& code, const std::string& quote) {
  store::Coding c;
  c.doc = doc;
  c.code = p.resolve_code(code);
  auto span = store::resolve_quote(p.text(doc), quote, 0, p.document(doc).title);
  c.start = span.start;
  c.end = span.end;
  p.add_coding(c);
}

// Documents 1..7 from the manifest, a two-level codebook, four codings.
inline void build_index_fixture(const std::filesystem::path& project) {
  auto p = store::Project::create(project, {.create = true, .verify = true, .coder = "tester"});
  std::ifstream in(kIndexCorpus / "manifest.tsv");
  REQUIRE(in);
  std::string line;
  std::vector<store::NewDocument> docs;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, '\t')) f.push_back(cell);
    f.resize(7);
    store::NewDocument d;
    d.source_type = f[1];
    d.language = f[2];
    d.date = f[3];
    d.title = f[4];
    d.author = f[5];
    if (!f[6].empty()) d.attributes.push_back({"outlet", "text", f[6]});
    d.text = read_file(kIndexCorpus / f[0]);
    d.original_name = f[0];
    docs.push_back(d);
  }
  REQUIRE(docs.size() == 7);
  p->add_documents(docs, "Import fixture");
  p->load_codebook(nlohmann::json::parse(R"({"codes":[
    {"name":"Input","children":[{"name":"Legal infrastructure","aliases":["Infrastruktur hukum","I1"]}]},
    {"name":"Process","children":[{"name":"Programme continuity","aliases":["Keberlanjutan program"]}]}]})"));
  code_quote(*p, 2, "Input/Legal infrastructure", "bekerjasama dengan Seoul sejak 1984");
  code_quote(*p, 7, "Input/Legal infrastructure", "sister city agreement");
  code_quote(*p, 5, "Process/Programme continuity", "pelatihan pegawai masih kurang");
  code_quote(*p, 6, "Process/Programme continuity", "Laporan ini tidak memuat evaluasi dampak pelatihan.");
}

// The hits' documents, sorted.
inline Docs docs_of(const index::Results& r) {
  Docs d;
  for (const auto& h : r.hits) d.push_back(h.doc);
  std::sort(d.begin(), d.end());
  return d;
}

// Queries on the fixture corpus and exactly the documents they find.
struct QueryCase {
  const char* query;
  Docs expected;
};
inline const QueryCase kQueryCases[] = {
    // Indonesian stemming: perdagangan, pedagang, berdagang share "dagang"
    {"perdagangan", {1, 2}},
    {"berdagang", {1, 2}},
    // English stemming
    {"cooperation", {3, 4}},
    {"cooperating", {3, 4}},
    // the compound, joined, affixed, possessive, and apart
    {"kerjasama", {1, 2, 5}},
    {"bekerjasama", {1, 2, 5}},
    {"kerjasamanya", {1, 2, 5}},
    {"\"kerja sama\"", {1, 2, 5}},
    // phrases
    {"\"trade deals\"", {3}},
    {"\"new trade deals\"", {3}},
    {"\"deals trade\"", {}},
    {"\"pelatihan bahasa\"", {5}},
    // boolean (plain words AND within one passage)
    {"Seoul pelatihan", {6}},
    {"Seoul AND pelatihan", {6}},
    {"rempah OR spices", {1, 4, 7}},
    {"Seoul NOT kerjasama", {3, 4, 6}},
    {"Seoul -kerjasama", {3, 4, 6}},
    {"(rempah OR spices) AND Korea", {7}},
    {"NOT Seoul type:official", {6, 7}},
    // proximity
    {"pelatihan NEAR/3 bahasa", {5}},
    {"pelatihan NEAR/3 siswa", {6}},
    {"pelatihan NEAR/1 siswa", {}},
    {"dampak NEAR pelatihan", {6}},
    // wildcards over surface forms
    {"trad*", {2, 3, 4}},
    {"ekspor*", {1}},
    {"\"small export*\"", {4}},
    // every field filter
    {"type:interview", {5}},
    {"type:official", {6, 7}},
    {"type:News lang:en", {3, 4}},
    {"type:news type:official lang:en", {3, 4, 7}},
    {"lang:id Seoul", {1, 2, 5, 6}},
    {"year:2012", {3}},
    {"year:2013..2015", {1, 2, 4, 5, 6}},
    {"year:..2012", {3, 7}},
    {"year:2015..", {4, 5, 6}},
    {"date:2015-06..2015-09", {4, 5}},
    {"date:2013-03-11", {1}},
    {"outlet:kabar", {1}},
    {"outlet:\"jakarta ledger\"", {3}},
    {"author:hartono", {4}},
    {"speaker:\"informan c\"", {5}},
    {"speaker:\"informan c\" pelatihan", {5}},
    {"speaker:pewawancara kurang", {}},
    {"title:trade", {3, 4}},
    {"title:pelatihan", {6}},
    {"title:\"sister city\"", {7}},
    {"code:\"Legal infrastructure\"", {2, 7}},
    {"code:Input", {2, 7}},                    // sub-code evidence rolls up
    {"code:\"infrastruktur hukum\"", {2, 7}},  // an alias
    {"code:Process pelatihan", {5, 6}},
    {"code:Process bahasa", {}},  // "bahasa" is in d5, but not in the coded turn
    {"doc:3 Seoul", {3}},
};

}  // namespace telaah::test
