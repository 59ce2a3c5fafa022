// Word frequencies, stop lists, keyness and subsets (content.h).
#include <algorithm>
#include <cmath>
#include <map>

#include "index/content.h"
#include "index/search.h"
#include "store/doc_sets.h"
#include "store/errors.h"
#include "store/project.h"
#include "text/utf8.h"

namespace telaah::index {

const std::vector<std::string>& default_stopwords_id() {
  static const std::vector<std::string> v = {
      "ada",    "adalah", "agar",   "akan",   "antara", "atau",    "bagi",   "bahwa", "belum", "bisa",
      "dalam",  "dan",    "dapat",  "dari",   "dengan", "di",      "dia",    "hanya", "harus", "hingga",
      "ia",     "ini",    "itu",    "jika",   "juga",   "kami",    "karena", "kata",  "ke",    "kita",
      "lagi",   "lebih",  "masih",  "mereka", "namun",  "nya",     "oleh",   "pada",  "para",  "pun",
      "saat",   "saya",   "secara", "sejak",  "serta",  "setelah", "sudah",  "tapi",  "telah", "tersebut",
      "tetapi", "tidak",  "ujar",   "untuk",  "yaitu",  "yang"};
  return v;
}

const std::vector<std::string>& default_stopwords_en() {
  static const std::vector<std::string> v = {
      "a",    "about", "also", "an",   "and",  "are",  "as",    "at",  "be",    "been",  "but",   "by",
      "can",  "could", "did",  "do",   "does", "for",  "from",  "had", "has",   "have",  "he",    "her",
      "his",  "i",     "if",   "in",   "into", "is",   "it",    "its", "more",  "no",    "not",   "of",
      "on",   "or",    "our",  "said", "she",  "than", "that",  "the", "their", "there", "these", "they",
      "this", "those", "to",   "was",  "we",   "were", "which", "who", "will",  "with",  "would", "you"};
  return v;
}

std::set<std::string> project_stopwords(const store::Project& p) {
  std::set<std::string> out;
  auto take = [&](const std::string& key, const std::vector<std::string>& fallback) {
    const std::string v = p.setting(key);
    if (v.empty()) {
      out.insert(fallback.begin(), fallback.end());
      return;
    }
    size_t i = 0;
    while (i <= v.size()) {
      size_t j = v.find(',', i);
      if (j == std::string::npos) j = v.size();
      std::string w = fold_case(v.substr(i, j - i));
      while (!w.empty() && std::isspace(static_cast<unsigned char>(w.front()))) w.erase(0, 1);
      while (!w.empty() && std::isspace(static_cast<unsigned char>(w.back()))) w.pop_back();
      if (!w.empty() && w != "none") out.insert(w);
      i = j + 1;
    }
  };
  take("content.stopwords.id", default_stopwords_id());
  take("content.stopwords.en", default_stopwords_en());
  return out;
}

// --- frequencies ---

int64_t FreqTable::count(const std::string& word) const {
  for (const auto& w : words)
    if (w.word == word) return w.count;
  return 0;
}

FrequencyCounter::FrequencyCounter(Stemmers& stemmers, bool stem, std::set<std::string> stopwords)
    : stemmers_(stemmers), stem_(stem), stop_(std::move(stopwords)) {}

static bool has_letter(const std::string& w) {
  return std::any_of(w.begin(), w.end(), [](char c) {
    return !(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == ',' || c == '\'');
  });
}

void FrequencyCounter::add(std::string_view text, Lang lang) {
  const int64_t t = texts_++;
  scratch_.clear();
  tokenize(text, scratch_);
  for (const auto& tok : scratch_) {
    if (tok.word.size() > kMaxWordBytes || !has_letter(tok.word)) continue;
    ++running_;
    if (stop_.count(tok.word)) continue;
    ++counted_;
    const std::string key = stem_ ? stemmers_.stem(lang, tok.word) : tok.word;
    Entry& e = counts_[key];
    ++e.count;
    if (e.last_text != t) {
      e.last_text = t;
      ++e.docs;
    }
    if (stem_) ++e.forms[tok.word];
  }
}

FreqTable FrequencyCounter::table() const {
  FreqTable out;
  out.running_words = running_;
  out.counted_words = counted_;
  out.texts = texts_;
  out.words.reserve(counts_.size());
  for (const auto& [word, e] : counts_) {
    WordCount w{word, word, e.count, e.docs};
    int64_t best = -1;
    for (const auto& [form, n] : e.forms)
      if (n > best || (n == best && form < w.form)) {
        best = n;
        w.form = form;
      }
    out.words.push_back(std::move(w));
  }
  std::sort(out.words.begin(), out.words.end(), [](const WordCount& x, const WordCount& y) {
    return x.count != y.count ? x.count > y.count : x.word < y.word;
  });
  return out;
}

// --- keyness ---

double log_likelihood(int64_t a, int64_t b, int64_t n_a, int64_t n_b) {
  if (n_a <= 0 || n_b <= 0 || a + b == 0) return 0;
  const double total = static_cast<double>(n_a) + static_cast<double>(n_b);
  const double e_a = static_cast<double>(n_a) * static_cast<double>(a + b) / total;
  const double e_b = static_cast<double>(n_b) * static_cast<double>(a + b) / total;
  double g = 0;
  if (a > 0) g += static_cast<double>(a) * std::log(static_cast<double>(a) / e_a);
  if (b > 0) g += static_cast<double>(b) * std::log(static_cast<double>(b) / e_b);
  return 2 * g;
}

std::string significance(double g2) {
  if (g2 >= 15.13) return "<0.0001";
  if (g2 >= 10.83) return "<0.001";
  if (g2 >= 6.63) return "<0.01";
  if (g2 >= 3.84) return "<0.05";
  return "";
}

std::vector<KeyRow> keyness(const FreqTable& a, const FreqTable& b) {
  std::map<std::string, KeyRow> rows;
  for (const auto& w : a.words) {
    auto& r = rows[w.word];
    r.word = w.word;
    r.form = w.form;
    r.a = w.count;
  }
  for (const auto& w : b.words) {
    auto& r = rows[w.word];
    if (r.word.empty()) {
      r.word = w.word;
      r.form = w.form;
    }
    r.b = w.count;
  }
  std::vector<KeyRow> out;
  out.reserve(rows.size());
  for (auto& [word, r] : rows) {
    r.per_k_a = a.running_words ? 1000.0 * static_cast<double>(r.a) / static_cast<double>(a.running_words) : 0;
    r.per_k_b = b.running_words ? 1000.0 * static_cast<double>(r.b) / static_cast<double>(b.running_words) : 0;
    r.g2 = log_likelihood(r.a, r.b, a.running_words, b.running_words);
    r.more_in_a = static_cast<double>(r.a) * static_cast<double>(b.running_words) >
                  static_cast<double>(r.b) * static_cast<double>(a.running_words);
    r.p = significance(r.g2);
    out.push_back(std::move(r));
  }
  std::stable_sort(out.begin(), out.end(), [](const KeyRow& x, const KeyRow& y) { return x.g2 > y.g2; });
  return out;
}

// --- subsets ---

std::string group_of(const store::Project& p, const store::Document& d, const std::string& by) {
  std::string v;
  if (by.empty()) return "";
  if (by == "type") {
    v = d.source_type;
  } else if (by == "year") {
    v = d.date.size() >= 4 ? d.date.substr(0, 4) : "";
  } else {
    const std::string name = by == "outlet" ? "outlet" : by;
    for (const auto& a : p.attributes(d.id))
      if (a.name == name) v = a.value;
    if (v.empty() && by == "outlet") v = d.author;
  }
  return v.empty() ? "(none)" : v;
}

std::vector<SubsetDoc> subset_documents(Index* idx, const store::Project& p, const Subset& s, const std::string& by) {
  std::vector<store::Document> docs;
  if (!s.query.empty()) {
    if (!idx) throw UserError("a query needs the search index");
    Query q;
    q.text = s.query;
    q.limit = 100'000'000;
    q.all_matches = false;
    q.snippet_length = 0;
    auto r = idx->search(q);
    std::vector<Id> ids;
    for (const auto& h : r.hits) ids.push_back(h.doc);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    docs = p.documents(ids);
  } else {
    docs = p.documents();
  }
  if (!s.set.empty()) {
    const auto set = store::doc_set(p, s.set);
    const auto members = store::doc_set_members(p, set.id);
    std::erase_if(docs,
                  [&](const store::Document& d) { return !std::binary_search(members.begin(), members.end(), d.id); });
  }
  std::vector<SubsetDoc> out;
  out.reserve(docs.size());
  for (auto& d : docs) {
    std::string g = group_of(p, d, by);
    out.push_back({std::move(d), std::move(g)});
  }
  return out;
}

std::vector<std::pair<std::string, FreqTable>> count_subset(const store::Project& p, Stemmers& stemmers,
                                                            const std::vector<SubsetDoc>& docs, const Subset& s,
                                                            const FreqOptions& o) {
  const std::set<std::string> stop = o.use_stopwords ? project_stopwords(p) : std::set<std::string>{};
  std::map<std::string, FrequencyCounter> counters;
  std::vector<Id> codes;
  if (!s.code.empty()) codes = p.code_descendants(p.resolve_code(s.code));
  for (const auto& sd : docs) {
    auto it = counters.find(sd.group);
    if (it == counters.end()) it = counters.emplace(sd.group, FrequencyCounter(stemmers, o.stem, stop)).first;
    const Lang lang = lang_from_code(sd.doc.language);
    const std::string text = p.text(sd.doc.id);
    if (codes.empty()) {
      it->second.add(text, lang);
      continue;
    }
    store::CodingFilter f;
    f.doc = sd.doc.id;
    f.codes = codes;
    const text::OffsetMap map(text);
    for (const auto& c : p.codings(f))
      it->second.add(text::slice_cp(text, map, static_cast<size_t>(c.start), static_cast<size_t>(c.end)), lang);
  }
  std::vector<std::pair<std::string, FreqTable>> out;
  for (const auto& [g, c] : counters) out.emplace_back(g, c.table());
  return out;
}

}  // namespace telaah::index
