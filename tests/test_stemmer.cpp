// The dictionary-checked Indonesian stemmer: its rules on a small dictionary
// we control, its accuracy against Snowball on the word -> root table
// (tests/fixtures/index/id_roots.tsv), and the cases the issue names.
#include <doctest/doctest.h>
#include <xapian.h>

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "index/stem_id.h"
#include "store/errors.h"

using namespace telaah::index;
namespace fs = std::filesystem;

namespace {

// A hunspell-format dictionary with just these roots (first line: the count).
std::shared_ptr<const IdDictionary> tiny_dictionary(const std::vector<std::string>& roots) {
  fs::path p = fs::temp_directory_path() / ("telaah-stem-" + std::to_string(::getpid()) + ".dic");
  {
    std::ofstream out(p);
    out << roots.size() << "\n";
    for (const auto& r : roots) out << r << "/XY\n";
  }
  auto d = IdDictionary::load(p);
  fs::remove(p);
  return d;
}

struct Pair {
  std::string word, root;
};

std::vector<Pair> root_table(const std::string& name = "id_roots.tsv") {
  std::ifstream in(std::string(TELAAH_SOURCE_DIR) + "/tests/fixtures/index/" + name);
  REQUIRE_MESSAGE(in, "tests/fixtures/index/" << name << " is missing");
  std::vector<Pair> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    auto tab = line.find('\t');
    REQUIRE_MESSAGE(tab != std::string::npos, "bad line in id_roots.tsv: " << line);
    out.push_back({line.substr(0, tab), line.substr(tab + 1)});
  }
  return out;
}

}  // namespace

TEST_CASE("confix stripping rules on a dictionary we control") {
  auto d = tiny_dictionary({"kerja", "sama",  "ajar",   "tahu", "dagang",  "sapu", "tulis", "kirim", "pukul",
                            "makan", "pakan", "tanya",  "satu", "kenal",   "baik", "punya", "lihat", "nilai",
                            "temu",  "usaha", "bersih", "tani", "menteri", "teri", "cat",   "angkat"});
  IdStemmer s(d);
  struct Case {
    const char* word;
    const char* root;
  };
  const Case cases[] = {
      {"bekerja", "kerja"},          // be-C1erC2
      {"bekerjasama", "kerjasama"},  // compound is a root
      {"kerjasamanya", "kerjasama"},
      {"pekerjaan", "kerja"},     // pe- ... -an
      {"belajar", "ajar"},        // bel-ajar
      {"diketahui", "tahu"},      // di-ke-...-i (ke-i allowed for tahu)
      {"perdagangan", "dagang"},  // per-an
      {"berdagang", "dagang"},
      {"pedagang", "dagang"},
      {"menyapu", "sapu"},          // meny- -> s
      {"menulis", "tulis"},         // men- + vowel -> t
      {"pengiriman", "kirim"},      // peng- + vowel -> k
      {"memukul", "pukul"},         // mem- + vowel -> p
      {"memakan", "makan"},         // mem- + vowel -> m before p (not "pakan")
      {"bertanya", "tanya"},        // -nya belongs to the root: loop back
      {"dipersatukan", "satu"},     // di-per-...-kan
      {"memperkenalkan", "kenal"},  // mem-per-...-kan
      {"diperbaiki", "baik"},
      {"mempunyai", "punya"},
      {"kelihatannya", "lihat"},  // ke-an + possessive
      {"menilaikah", "nilai"},    // particle
      {"pertemuan", "temu"},
      {"pengusahanya", "usaha"},
      {"kebersihan", "bersih"},
      {"petani", "tani"},
      {"menteri", "menteri"},       // a root: never stripped to "teri"
      {"mengecat", "cat"},          // menge- before a one-syllable root
      {"keberangkatan", "angkat"},  // ke-ber-...-an
      {"sekolah", "sekolah"},       // unknown word: unchanged (not "seko")
      {"jakarta", "jakarta"},
      {"rp", "rp"},
      {"2015", "2015"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.word);
    CHECK(s.stem(c.word) == c.root);
  }
}

TEST_CASE("compounds are known both joined and apart") {
  auto d = tiny_dictionary({"kerja", "sama", "ibu", "kota"});
  REQUIRE(d->compound("kerjasama") != nullptr);
  CHECK(d->compound("kerjasama")->first == "kerja");
  CHECK(d->compound("kerjasama")->second == "sama");
  CHECK(d->compound_of("kerja", "sama") == d->compound("kerjasama"));
  CHECK(d->compound_of("sama", "kerja") == nullptr);
  // A compound whose parts are not both roots is not used.
  CHECK(d->compound("tanggungjawab") == nullptr);
}

TEST_CASE("plugged into Xapian as a StemImplementation") {
  auto d = tiny_dictionary({"kerja", "sama"});
  Xapian::Stem stem(new DictionaryStemImplementation(d));
  CHECK(stem("bekerjasama") == "kerjasama");
  CHECK(stem("pekerjaan") == "kerja");
  CHECK(stem.get_description().find("indonesian-dictionary") != std::string::npos);
}

TEST_CASE("stemmer choice and the fallback when the dictionary is missing") {
  CHECK(id_stemmer_kind_from_string("") == IdStemmerKind::dictionary);
  CHECK(id_stemmer_kind_from_string("snowball") == IdStemmerKind::snowball);
  CHECK_THROWS_AS(id_stemmer_kind_from_string("porter"), telaah::ValidationError);
  std::string note;
  Xapian::Stem s = make_id_stem(IdStemmerKind::dictionary, &note, "/nonexistent/id_ID.dic");
  CHECK(note.find("missing") != std::string::npos);
  CHECK(s("kerjasama") == Xapian::Stem("indonesian")("kerjasama"));  // Snowball took over
  CHECK_THROWS(IdDictionary::load("/nonexistent/id_ID.dic"));
}

TEST_CASE("the hunspell-id dictionary: the issue's cases and accuracy against Snowball") {
  auto dict = IdDictionary::system();
  if (!dict) {
    MESSAGE("SKIPPED: " << kHunspellIdDic << " is missing (install hunspell-id)");
    return;
  }
  CHECK(dict->size() > 25000);
  IdStemmer ours(dict);
  Xapian::Stem snowball("indonesian");

  // The over-stripping the issue reports, and what we do instead.
  CHECK(snowball("kerjasama") != snowball("bekerjasama"));
  CHECK(ours.stem("kerjasama") == "kerjasama");
  CHECK(ours.stem("bekerjasama") == "kerjasama");
  CHECK(ours.stem("kerjasamanya") == "kerjasama");
  CHECK(ours.stem("pemuda") != "puda");
  CHECK(ours.stem("perdagangan") == ours.stem("berdagang"));

  auto table = root_table();
  REQUIRE(table.size() >= 300);
  size_t ok_ours = 0, ok_snow = 0;
  std::ostringstream misses;
  for (const auto& p : table) {
    std::string a = ours.stem(p.word), b = snowball(p.word);
    ok_ours += a == p.root;
    ok_snow += b == p.root;
    if (a != p.root) misses << " " << p.word << "->" << a << "(" << p.root << ")";
  }
  const double acc_ours = double(ok_ours) / table.size(), acc_snow = double(ok_snow) / table.size();
  MESSAGE("Indonesian stemmers on " << table.size() << " word->root pairs: dictionary " << ok_ours << " ("
                                    << int(acc_ours * 1000) / 10.0 << " %), Snowball " << ok_snow << " ("
                                    << int(acc_snow * 1000) / 10.0 << " %)");
  MESSAGE("dictionary stemmer misses:" << misses.str());
  CHECK(acc_ours >= 0.90);
  CHECK(acc_ours > acc_snow + 0.10);

  // The held-out table was written after tuning and never used to change
  // the stemmer: its figure is the one to quote.
  auto holdout = root_table("id_roots_holdout.tsv");
  REQUIRE(holdout.size() >= 100);
  size_t h_ours = 0, h_snow = 0;
  std::ostringstream h_misses;
  for (const auto& p : holdout) {
    std::string a = ours.stem(p.word);
    h_ours += a == p.root;
    h_snow += snowball(p.word) == p.root;
    if (a != p.root) h_misses << " " << p.word << "->" << a << "(" << p.root << ")";
  }
  MESSAGE("held out, " << holdout.size() << " pairs: dictionary " << h_ours << " ("
                       << int(1000.0 * h_ours / holdout.size()) / 10.0 << " %), Snowball " << h_snow << " ("
                       << int(1000.0 * h_snow / holdout.size()) / 10.0 << " %); misses:" << h_misses.str());
  CHECK(h_ours > h_snow);
}
