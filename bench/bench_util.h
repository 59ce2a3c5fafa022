// What the search benchmarks share (search_bench: Telaah against raw Xapian,
// FTS5 and scans; shards_bench: the local index against remote shards): the
// generated project, the query workload, timing and percentiles. The corpus
// generator itself is in search_corpus.h. Header-only.
#pragma once
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "search_corpus.h"
#include "store/project.h"

namespace bench {

using Clock = std::chrono::steady_clock;

inline double secs(Clock::time_point a) {
  return std::chrono::duration<double>(Clock::now() - a).count();
}

// The bytes of a file, or of every file below a directory.
inline int64_t dir_bytes(const std::filesystem::path& p) {
  int64_t n = 0;
  std::error_code ec;
  if (std::filesystem::is_regular_file(p, ec)) return static_cast<int64_t>(std::filesystem::file_size(p, ec));
  for (const auto& e : std::filesystem::recursive_directory_iterator(p, ec))
    if (e.is_regular_file()) n += static_cast<int64_t>(e.file_size());
  return n;
}

struct Stats {
  double p50 = 0, p99 = 0, mean = 0;
  size_t n = 0;
};

inline Stats stats(std::vector<double> ms) {
  Stats s;
  if (ms.empty()) return s;
  std::sort(ms.begin(), ms.end());
  s.n = ms.size();
  s.p50 = ms[ms.size() / 2];
  s.p99 = ms[std::min(ms.size() - 1, static_cast<size_t>(static_cast<double>(ms.size()) * 0.99))];
  for (double x : ms) s.mean += x;
  s.mean /= static_cast<double>(ms.size());
  return s;
}

struct QuerySpec {
  std::string cls;
  std::vector<std::string> words;
  bool phrase = false, filtered = false;
  std::string joined() const {  // the words, space-separated
    std::string s;
    for (const auto& w : words) s += (s.empty() ? "" : " ") + w;
    return s;
  }
};

// The query workload: words of middling frequency in 1-3-word queries,
// two- or three-word phrases taken from real documents, and one word with
// filters. The same seed: the same queries in every benchmark and run.
inline std::vector<QuerySpec> workload(const CorpusGenerator& gen, int64_t ndocs, int per_class) {
  Rng rng(7);
  std::vector<QuerySpec> out;
  auto mid_word = [&](const std::string& lang) {
    const auto& v = gen.vocabulary(lang).words;
    return v[static_cast<size_t>(rng.range(40, std::min<int>(3000, static_cast<int>(v.size()) - 1)))];
  };
  for (int k = 1; k <= 3; ++k)
    for (int i = 0; i < per_class; ++i) {
      QuerySpec q{std::to_string(k) + " word" + (k > 1 ? "s" : ""), {}};
      const std::string lang = rng.unit() < 0.6 ? "id" : "en";
      for (int j = 0; j < k; ++j) q.words.push_back(mid_word(j == 0 ? lang : (rng.unit() < 0.8 ? lang : "en")));
      out.push_back(q);
    }
  for (int i = 0; i < per_class; ++i) {  // phrases: two or three consecutive words of a real document
    GenDoc d = gen.make(static_cast<uint64_t>(rng.range(0, static_cast<int>(ndocs - 1))));
    std::vector<std::string> w;
    std::string cur;
    for (char c : d.text) {
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        cur += static_cast<char>(c | 32);
      else {
        if (!cur.empty()) w.push_back(cur);
        cur.clear();
        if (c != ' ') w.push_back("");  // punctuation breaks a phrase
      }
    }
    for (int tries = 0; tries < 50; ++tries) {
      size_t at = static_cast<size_t>(rng.range(0, static_cast<int>(w.size()) - 4));
      size_t len = static_cast<size_t>(rng.range(2, 3));
      bool ok = true;
      for (size_t j = at; j < at + len; ++j) ok = ok && w[j].size() >= 3;
      if (!ok) continue;
      QuerySpec q{"phrase", {w.begin() + static_cast<long>(at), w.begin() + static_cast<long>(at + len)}, true};
      out.push_back(q);
      break;
    }
  }
  for (int i = 0; i < per_class; ++i) out.push_back({"filtered", {mid_word("id")}, false, true});
  return out;
}

// The query in Telaah's query language.
inline std::string telaah_query(const QuerySpec& q) {
  std::string s = q.joined();
  if (q.phrase) s = "\"" + s + "\"";
  if (q.filtered) s += " type:news lang:id year:2013..2016";
  return s;
}

// The generated corpus as a project (documents 0..ndocs-1 of `gen`).
inline void make_project(const std::filesystem::path& project, int64_t ndocs, const CorpusGenerator& gen) {
  auto t0 = Clock::now();
  auto p = telaah::store::Project::create(project, {.create = true, .verify = false, .coder = "bench"});
  std::vector<telaah::store::NewDocument> batch;
  for (int64_t i = 0; i < ndocs; ++i) {
    GenDoc g = gen.make(static_cast<uint64_t>(i));
    telaah::store::NewDocument d;
    d.title = g.title;
    d.source_type = g.type;
    d.language = g.lang;
    d.date = g.date;
    d.author = g.author;
    if (!g.outlet.empty()) d.attributes.push_back({"outlet", "text", g.outlet});
    d.text = std::move(g.text);
    d.original_bytes = " ";  // the benchmarks measure search, not the copy of originals
    batch.push_back(std::move(d));
    if (batch.size() == 2000 || i + 1 == ndocs) {
      p->add_documents(batch, "Import batch");
      batch.clear();
    }
  }
  std::cerr << "generated " << ndocs << " documents in " << secs(t0) << " s\n";
}

}  // namespace bench
