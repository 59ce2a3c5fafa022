// The synonym table: seed, project setting, Xapian copy (see synonyms.h).
#include "index/synonyms.h"

#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "index/analyzer.h"
#include "store/errors.h"

namespace telaah::index {
namespace {

// Indonesian | English terms of sister-city and trade evaluation.
const std::vector<std::vector<std::string>> kGlossary = {
    {"kerjasama", "kerja sama", "cooperation"},
    {"perdagangan", "trade"},
    {"ekspor", "export"},
    {"impor", "import"},
    {"eksportir", "exporter"},
    {"importir", "importer"},
    {"kota kembar", "kota bersaudara", "sister city"},
    {"pemerintah", "government"},
    {"pemerintah daerah", "pemda", "local government"},
    {"gubernur", "governor"},
    {"wali kota", "walikota", "mayor"},
    {"pelatihan", "diklat", "training"},
    {"pemuda", "youth"},
    {"pelajar", "siswa", "student"},
    {"komunike", "communique"},
    {"perjanjian", "agreement"},
    {"nota kesepahaman", "memorandum of understanding", "mou"},
    {"kunjungan", "visit"},
    {"hambatan", "kendala", "impediment", "obstacle"},
    {"evaluasi", "evaluation"},
    {"pegawai", "staf", "staff"},
    {"sumber daya manusia", "sdm", "human resources"},
    {"pendapatan asli daerah", "regional revenue"},
    {"pengusaha", "entrepreneur"},
    {"kebudayaan", "budaya", "culture"},
    {"pariwisata", "tourism"},
    {"investasi", "investment"},
    {"pameran", "exhibition"},
    {"bea cukai", "customs"},
    {"keberlanjutan", "continuity", "sustainability"},
};

bool code_like(const std::string& s) {
  static const std::regex re("^[A-Za-z]{1,2}[0-9]+$");  // "I1", "P2": labels, not words
  return std::regex_match(s, re);
}

}  // namespace

std::string synonym_key(const std::string& phrase) {
  std::vector<Token> toks;
  tokenize(phrase, toks);
  std::string k;
  for (const auto& t : toks) k += (k.empty() ? "" : " ") + t.word;
  return k;
}

SynonymGroups seed_synonyms(const std::vector<CodeInfo>& codes) {
  SynonymGroups g = kGlossary;
  for (const auto& c : codes) {
    std::vector<std::string> group{c.name};
    for (const auto& a : c.aliases)
      if (!code_like(a)) group.push_back(a);
    if (group.size() > 1) g.push_back(std::move(group));
  }
  return g;
}

SynonymGroups parse_synonyms(const std::string& text) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const std::exception& e) {
    throw ValidationError(std::string("the synonym table is not valid JSON: ") + e.what());
  }
  if (!j.is_array())
    throw ValidationError("the synonym table must be a list of groups, e.g. [[\"kerjasama\", \"cooperation\"]]");
  SynonymGroups out;
  for (size_t i = 0; i < j.size(); ++i) {
    if (!j[i].is_array()) throw ValidationError("synonym group " + std::to_string(i + 1) + " is not a list of words");
    std::vector<std::string> group;
    for (const auto& w : j[i]) {
      if (!w.is_string() || synonym_key(w.get<std::string>()).empty())
        throw ValidationError("synonym group " + std::to_string(i + 1) +
                              " holds something that is not a word or phrase");
      group.push_back(w.get<std::string>());
    }
    if (group.size() < 2)
      throw ValidationError("synonym group " + std::to_string(i + 1) + " needs at least two entries");
    out.push_back(std::move(group));
  }
  return out;
}

std::string synonyms_to_json(const SynonymGroups& g) {
  return nlohmann::json(g).dump();
}

SynonymGroups project_synonyms(ProjectSource& src) {
  std::string s = src.setting(kSynonymSetting);
  if (!s.empty()) {
    try {
      return parse_synonyms(s);
    } catch (const UserError&) {
      // A damaged setting must not break search: fall back to the seed.
    }
  }
  return seed_synonyms(src.codes());
}

std::string synonyms_fingerprint(const SynonymGroups& g) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a: stable across builds, unlike std::hash
  for (unsigned char c : synonyms_to_json(g)) h = (h ^ c) * 1099511628211ull;
  return std::to_string(h) + ":" + std::to_string(g.size());
}

void write_synonyms(Xapian::WritableDatabase& db, const SynonymGroups& g) {
  std::vector<std::string> old;
  for (auto it = db.synonym_keys_begin(); it != db.synonym_keys_end(); ++it) old.push_back(*it);
  for (const auto& k : old) db.clear_synonyms(k);
  for (const auto& group : g) {
    std::set<std::string> keys;
    for (const auto& w : group) keys.insert(synonym_key(w));
    for (const auto& a : keys)
      for (const auto& b : keys)
        if (a != b) db.add_synonym(a, b);
  }
}

}  // namespace telaah::index
