// Near-duplicate detection (see duplicates.h for the rule).
#include "analysis/duplicates.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "store/duplicates.h"
#include "store/errors.h"
#include "store/project.h"
#include "store/stats.h"
#include "text/structure.h"
#include "text/utf8.h"

namespace telaah::analysis {

namespace {

constexpr int kShingleWords = 5;
constexpr size_t kSmallSet = 10;  // fewer shingles: compared only when identical
constexpr int kBins = 128, kBands = 42, kRows = 3;
constexpr double kSketchFloor = 0.15;  // estimated Jaccard under which a candidate is dropped

uint64_t mix(uint64_t x) {  // splitmix64's finaliser
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

using Sketch = std::array<uint32_t, kBins>;

// One-permutation MinHash: the hash's top 7 bits choose a bin, each bin keeps
// its smallest low 32 bits; an empty bin borrows from the next filled one
// (rotation densification, offset by the distance so borrowed values differ).
Sketch sketch_of(const std::vector<uint64_t>& sh) {
  Sketch s;
  s.fill(UINT32_MAX);
  std::array<bool, kBins> filled{};
  for (uint64_t h : sh) {
    const auto bin = static_cast<size_t>(h >> 57);
    const auto v = static_cast<uint32_t>(h);
    if (!filled[bin] || v < s[bin]) s[bin] = v;
    filled[bin] = true;
  }
  Sketch out = s;
  for (size_t i = 0; i < kBins; ++i) {
    if (filled[i]) continue;
    for (size_t d = 1; d < kBins; ++d) {
      const size_t j = (i + d) % kBins;
      if (filled[j]) {
        out[i] = static_cast<uint32_t>(mix(s[j] + 0x9e3779b97f4a7c15ULL * d));
        break;
      }
    }
  }
  return out;
}

double sketch_jaccard(const Sketch& a, const Sketch& b) {
  int same = 0;
  for (size_t i = 0; i < kBins; ++i) same += a[i] == b[i] ? 1 : 0;
  return same / static_cast<double>(kBins);
}

struct UnionFind {
  std::vector<size_t> parent;
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  size_t find(size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void join(size_t a, size_t b) {
    a = find(a), b = find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
};

}  // namespace

void validate(const DuplicateOptions& o) {
  if (!std::isfinite(o.threshold) || o.threshold <= 0 || o.threshold > 1)
    throw ValidationError("the duplicate threshold must be greater than 0 and at most 1");
  if (!std::isfinite(o.min_ratio) || o.min_ratio < 0 || o.min_ratio > 1)
    throw ValidationError("the duplicate size ratio must be between 0 and 1");
}

std::vector<uint64_t> shingles(std::string_view text) {
  std::vector<uint64_t> words;  // one hash per word
  uint64_t h = 0xcbf29ce484222325ULL;
  bool in_word = false;
  for (size_t i = 0; i < text.size();) {
    char32_t c = text::decode_next(text, i);
    if (text::is_word_char(c)) {
      c = c < 0x80 ? static_cast<char32_t>(std::tolower(static_cast<int>(c)))
                   : static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
      h = (h ^ c) * 0x100000001b3ULL;
      in_word = true;
    } else if (in_word) {
      words.push_back(mix(h));
      h = 0xcbf29ce484222325ULL;
      in_word = false;
    }
  }
  if (in_word) words.push_back(mix(h));
  std::vector<uint64_t> out;
  if (words.empty()) return out;
  if (words.size() < kShingleWords) {  // a text shorter than one shingle is one shingle
    uint64_t s = 0;
    for (uint64_t w : words) s = mix(s * 31 + w);
    out.push_back(s);
    return out;
  }
  out.reserve(words.size() - kShingleWords + 1);
  for (size_t i = 0; i + kShingleWords <= words.size(); ++i) {
    uint64_t s = 0;
    for (size_t j = 0; j < kShingleWords; ++j) s = mix(s * 31 + words[i + j]);
    out.push_back(s);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

Overlap overlap(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  Overlap o;
  if (a.empty() || b.empty()) return o;
  size_t common = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j])
      ++common, ++i, ++j;
    else if (a[i] < b[j])
      ++i;
    else
      ++j;
  }
  const size_t small = std::min(a.size(), b.size()), large = std::max(a.size(), b.size());
  o.containment = static_cast<double>(common) / static_cast<double>(small);
  o.jaccard = static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
  o.ratio = static_cast<double>(small) / static_cast<double>(large);
  return o;
}

bool near_duplicates(const Overlap& o, size_t smaller, const DuplicateOptions& opt) {
  if (smaller < kSmallSet) return o.jaccard >= 1.0;
  return o.containment >= opt.threshold && o.ratio >= opt.min_ratio;
}

DuplicateReport find_duplicates(const store::Project& p, const DuplicateOptions& o,
                                const std::function<bool(size_t, size_t)>& progress, bool* cancelled) {
  validate(o);
  if (cancelled) *cancelled = false;
  DuplicateReport r;
  // Pass 1: a sketch per document (texts streamed, one at a time).
  std::vector<Id> ids;
  std::vector<Sketch> sketches;
  std::vector<uint32_t> sizes;
  bool stop = false;
  size_t total = 0;
  if (progress) {
    const auto counts = store::document_counts(p);
    if (o.source_type.empty()) {
      total = static_cast<size_t>(counts.live);
    } else {
      const Id type = p.source_type_id(o.source_type);
      auto it = counts.by_type.find(type);
      total = it == counts.by_type.end() ? 0 : static_cast<size_t>(it->second);
    }
  } else if (!o.source_type.empty()) {
    p.source_type_id(o.source_type);  // NotFound for an unknown type
  }
  // Progress counts the documents sketched; the bands and the exact check
  // after them report `total` of `total` (they take a fraction of the time).
  store::for_each_text(p, o.source_type, [&](Id id, std::string_view text) {
    if (stop) return;
    auto sh = shingles(text);
    if (sh.empty()) return;
    ids.push_back(id);
    sizes.push_back(static_cast<uint32_t>(sh.size()));
    sketches.push_back(sketch_of(sh));
    if (progress && ids.size() % 1000 == 0 && !progress(ids.size(), total)) stop = true;
  });
  if (stop) {
    if (cancelled) *cancelled = true;
    return {};
  }
  r.documents = ids.size();
  // Pass 2: candidate pairs from the bands.
  std::unordered_set<uint64_t> candidates;
  auto propose = [&](size_t a, size_t b) {
    if (a > b) std::swap(a, b);
    if (sketch_jaccard(sketches[a], sketches[b]) < kSketchFloor) return;
    candidates.insert((static_cast<uint64_t>(a) << 32) | b);
  };
  std::vector<std::pair<uint64_t, uint32_t>> keys(ids.size());
  for (int band = 0; band < kBands; ++band) {
    for (size_t d = 0; d < ids.size(); ++d) {
      uint64_t k = mix(static_cast<uint64_t>(band) + 1);
      for (int j = 0; j < kRows; ++j) k = mix(k * 31 + sketches[d][static_cast<size_t>(band * kRows + j)]);
      keys[d] = {k, static_cast<uint32_t>(d)};
    }
    std::sort(keys.begin(), keys.end());
    for (size_t i = 0; i < keys.size();) {
      size_t e = i + 1;
      while (e < keys.size() && keys[e].first == keys[i].first) ++e;
      const size_t n = e - i;
      if (n <= 64) {
        for (size_t a = i; a < e; ++a)
          for (size_t b = a + 1; b < e; ++b) propose(keys[a].second, keys[b].second);
      } else {  // a crowded bucket: each member against its neighbour and the first (bounded work)
        for (size_t a = i + 1; a < e; ++a) {
          propose(keys[i].second, keys[a].second);
          propose(keys[a - 1].second, keys[a].second);
        }
      }
      i = e;
    }
    if (progress && !progress(total, total)) {
      if (cancelled) *cancelled = true;
      return {};
    }
  }
  r.candidates = candidates.size();
  // Pass 3: exact check on the shingles of the candidates' documents.
  std::vector<uint64_t> pairs(candidates.begin(), candidates.end());
  std::sort(pairs.begin(), pairs.end());
  std::unordered_map<size_t, std::vector<uint64_t>> cache;
  auto shingles_of = [&](size_t d) -> const std::vector<uint64_t>& {
    auto it = cache.find(d);
    if (it != cache.end()) return it->second;
    if (cache.size() > 20000) cache.clear();  // bounded memory on a very large run
    return cache[d] = shingles(p.text(ids[d]));
  };
  // Decisions already recorded.
  std::map<Id, Id> dup_group_of;                // doc -> recorded 'duplicates' group
  std::set<std::pair<Id, Id>> kept_apart;       // (a, b), a < b
  std::map<Id, std::vector<Id>> recorded_docs;  // 'duplicates' group -> its live docs
  for (const auto& g : store::duplicate_groups(p)) {
    if (g.duplicates) {
      for (Id d : g.docs) dup_group_of[d] = g.id;
      recorded_docs[g.id] = g.docs;
    } else {
      for (size_t i = 0; i < g.docs.size(); ++i)
        for (size_t j = i + 1; j < g.docs.size(); ++j) kept_apart.insert({g.docs[i], g.docs[j]});
    }
  }
  UnionFind uf(ids.size());
  std::vector<DuplicatePair> found;
  for (size_t i = 0; i < pairs.size(); ++i) {
    const auto a = static_cast<size_t>(pairs[i] >> 32), b = static_cast<size_t>(pairs[i] & 0xffffffffULL);
    const Id ia = std::min(ids[a], ids[b]), ib = std::max(ids[a], ids[b]);
    if (kept_apart.count({ia, ib})) continue;
    const auto& sa = shingles_of(a);
    const auto& sb = shingles_of(b);
    const Overlap ov = overlap(sa, sb);
    if (!near_duplicates(ov, std::min(sa.size(), sb.size()), o)) continue;
    found.push_back({ia, ib, ov});
    uf.join(a, b);
    if (progress && i % 1000 == 999 && !progress(total, total)) {
      if (cancelled) *cancelled = true;
      return {};
    }
  }
  // Groups.
  std::map<size_t, FoundGroup> by_root;
  std::unordered_map<Id, size_t> index_of;
  for (size_t d = 0; d < ids.size(); ++d) index_of[ids[d]] = d;
  std::sort(found.begin(), found.end(),
            [](const DuplicatePair& x, const DuplicatePair& y) { return std::tie(x.a, x.b) < std::tie(y.a, y.b); });
  for (const auto& pr : found) {
    auto& g = by_root[uf.find(index_of[pr.a])];
    g.pairs.push_back(pr);
    g.similarity = std::min(g.similarity, pr.overlap.containment);
  }
  for (size_t d = 0; d < ids.size(); ++d) {
    auto it = by_root.find(uf.find(d));
    if (it != by_root.end()) it->second.docs.push_back(ids[d]);
  }
  for (auto& [root, g] : by_root) {
    std::sort(g.docs.begin(), g.docs.end());
    auto rec = dup_group_of.find(g.docs.front());
    if (rec != dup_group_of.end()) {
      const auto& have = recorded_docs[rec->second];
      if (std::includes(have.begin(), have.end(), g.docs.begin(), g.docs.end())) g.recorded = rec->second;
    }
    r.groups.push_back(std::move(g));
  }
  std::sort(r.groups.begin(), r.groups.end(),
            [](const FoundGroup& x, const FoundGroup& y) { return x.docs.front() < y.docs.front(); });
  return r;
}

bool count_duplicates_once(const store::Project& p) {
  const std::string v = p.setting("triangulation.duplicates", "once");
  if (v == "once") return true;
  if (v == "each") return false;
  throw ValidationError("project setting triangulation.duplicates must be once or each, not '" + v + "'");
}

}  // namespace telaah::analysis
