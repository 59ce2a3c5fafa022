// Reading the project's lists once per revision (see project_cache.h).
#include "ui/shell/project_cache.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <iterator>
#include <set>

#include "store/stats.h"

namespace telaah::ui {

namespace {

bool same(const store::Document& a, const store::Document& b) {
  return a.id == b.id && a.title == b.title && a.source_type_id == b.source_type_id && a.source_type == b.source_type &&
         a.language == b.language && a.date == b.date && a.author == b.author && a.original_name == b.original_name &&
         a.original_size == b.original_size && a.sha256 == b.sha256 && a.length_cp == b.length_cp &&
         a.created == b.created && a.modified == b.modified;
}

bool same(const std::vector<store::Attribute>& a, const std::vector<store::Attribute>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const store::Attribute& x, const store::Attribute& y) {
    return x.name == y.name && x.type == y.type && x.value == y.value;
  });
}

// Versions are unique across caches: a cache made afresh (another project)
// never repeats the version a list was drawn for.
uint64_t next_version() {
  static std::atomic<uint64_t> v{0};
  return ++v;
}

bool by_id(const DocInfo& d, store::Id id) {
  return d.doc.id < id;
}

// Fills attributes and per-code counts of `docs` (sorted by id) from the
// store's rows (grouped by document).
void fill(std::vector<DocInfo>& docs, const std::vector<std::pair<store::Id, store::Attribute>>& attrs,
          const std::vector<store::DocCodeCount>& counts) {
  auto find = [&](store::Id id) -> DocInfo* {
    auto it = std::lower_bound(docs.begin(), docs.end(), id, by_id);
    return it != docs.end() && it->doc.id == id ? &*it : nullptr;
  };
  for (const auto& [id, a] : attrs)
    if (DocInfo* d = find(id)) d->attributes.push_back(a);
  for (const auto& c : counts)
    if (DocInfo* d = find(c.doc)) {
      d->per_code.emplace_back(c.code, c.n);
      d->codings += c.n;
    }
  for (auto& d : docs) std::sort(d.per_code.begin(), d.per_code.end());
}

}  // namespace

void ProjectCache::reload(const store::Project& p) {
  revision = p.revision();
  docs_version = next_version();
  docs.clear();
  for (auto& d : p.documents()) {
    DocInfo info;
    info.doc = std::move(d);
    docs.push_back(std::move(info));
  }
  fill(docs, store::doc_attributes(p), store::doc_code_counts(p));
  per_code_.clear();
  for (const auto& d : docs)
    for (const auto& [code, n] : d.per_code) per_code_[code] += n;
  build_codes(p.codes());
  coders = p.coders();
  source_types = p.source_types();
}

ProjectCache::Delta ProjectCache::update(const store::Project& p, bool allow_reload) {
  Delta delta;
  if (revision < 0) {
    if (!allow_reload) return Delta{false, true, false, {}};
    reload(p);
    delta.full = true;
    return delta;
  }
  const auto changes = p.changes_since(revision);
  if (changes.empty()) return delta;
  std::set<store::Id> touched;
  for (const auto& c : changes) {
    touched.insert(c.docs.begin(), c.docs.end());
    delta.codebook |= c.codebook;
  }
  // Re-reading most of a large project piecemeal is slower than one pass.
  if (touched.size() > 2000 && touched.size() * 4 > docs.size()) {
    if (!allow_reload) return Delta{false, true, false, {}};
    reload(p);
    return Delta{true, false, true, {}};
  }
  delta.docs.assign(touched.begin(), touched.end());
  if (!delta.docs.empty()) {
    std::vector<DocInfo> fresh;
    for (auto& d : p.documents(delta.docs)) {
      DocInfo info;
      info.doc = std::move(d);
      fresh.push_back(std::move(info));
    }
    fill(fresh, store::doc_attributes(p, &delta.docs), store::doc_code_counts(p, &delta.docs));
    // Old counts out, new ones in; documents replaced in place, removed or added.
    bool listed = false;  // the list shows something else now
    std::vector<DocInfo> added;
    size_t next = 0;
    std::set<store::Id> gone;
    for (store::Id id : delta.docs) {
      auto it = std::lower_bound(docs.begin(), docs.end(), id, by_id);
      DocInfo* old = it != docs.end() && it->doc.id == id ? &*it : nullptr;
      DocInfo* now = next < fresh.size() && fresh[next].doc.id == id ? &fresh[next++] : nullptr;
      if (old)
        for (const auto& [code, n] : old->per_code)
          if ((per_code_[code] -= n) == 0) per_code_.erase(code);
      if (now)
        for (const auto& [code, n] : now->per_code) per_code_[code] += n;
      if (old && now) {
        listed = listed || !same(old->doc, now->doc) || !same(old->attributes, now->attributes);
        *old = std::move(*now);
      } else if (old) {
        gone.insert(id);
      } else if (now) {
        added.push_back(std::move(*now));
      }
    }
    if (!gone.empty()) std::erase_if(docs, [&](const DocInfo& d) { return gone.count(d.doc.id) > 0; });
    if (!added.empty()) {
      // `added` is by id; usually all after the last one (an import).
      const auto mid = static_cast<std::ptrdiff_t>(docs.size());
      docs.insert(docs.end(), std::make_move_iterator(added.begin()), std::make_move_iterator(added.end()));
      std::inplace_merge(docs.begin(), docs.begin() + mid, docs.end(),
                         [](const DocInfo& a, const DocInfo& b) { return a.doc.id < b.doc.id; });
    }
    if (listed || !gone.empty() || !added.empty()) docs_version = next_version();
  }
  if (delta.codebook)
    build_codes(p.codes());
  else
    count_codes();
  coders = p.coders();  // small: always read afresh
  source_types = p.source_types();
  revision = changes.back().rev;
  return delta;
}

void ProjectCache::build_codes(std::vector<store::Code> list) {
  codes.clear();
  code_index_.clear();
  for (auto& c : list) {
    CodeInfo ci;
    ci.colour = parse_colour(c.colour);
    if (c.parent) {
      auto it = code_index_.find(*c.parent);
      if (it != code_index_.end()) {
        ci.depth = codes[it->second].depth + 1;
        ci.path = codes[it->second].path + "/" + c.name;
        codes[it->second].has_children = true;
      }
    }
    if (ci.path.empty()) ci.path = c.name;
    ci.code = std::move(c);
    code_index_[ci.code.id] = codes.size();
    codes.push_back(std::move(ci));
  }
  count_codes();
}

// Counts from per_code_, rolled up: codes are depth-first, so children come after parents.
void ProjectCache::count_codes() {
  for (auto& c : codes) {
    auto it = per_code_.find(c.code.id);
    c.count = c.total = it == per_code_.end() ? 0 : it->second;
  }
  for (size_t i = codes.size(); i-- > 0;) {
    if (!codes[i].code.parent) continue;
    auto it = code_index_.find(*codes[i].code.parent);
    if (it != code_index_.end()) codes[it->second].total += codes[i].total;
  }
}

const CodeInfo* ProjectCache::code(store::Id id) const {
  auto it = code_index_.find(id);
  return it == code_index_.end() ? nullptr : &codes[it->second];
}

const DocInfo* ProjectCache::doc(store::Id id) const {
  auto it = std::lower_bound(docs.begin(), docs.end(), id, by_id);
  return it != docs.end() && it->doc.id == id ? &*it : nullptr;
}

std::string ProjectCache::coder_name(store::Id id) const {
  for (const auto& c : coders)
    if (c.id == id) return c.name;
  return "#" + std::to_string(id);
}

ImU32 parse_colour(const std::string& hex, ImU32 fallback) {
  if (hex.size() != 7 || hex[0] != '#') return fallback;
  unsigned r = 0, g = 0, b = 0;
  if (std::sscanf(hex.c_str() + 1, "%02x%02x%02x", &r, &g, &b) != 3) return fallback;
  return IM_COL32(r, g, b, 255);
}

std::string format_colour(const ImVec4& c) {
  auto byte = [](float v) { return static_cast<unsigned>(std::clamp(v, 0.0f, 1.0f) * 255.0f + 0.5f); };
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02X%02X%02X", byte(c.x), byte(c.y), byte(c.z));
  return buf;
}

ImU32 with_alpha(ImU32 c, float alpha) {
  const unsigned a = static_cast<unsigned>(std::clamp(alpha, 0.0f, 1.0f) * 255.0f + 0.5f);
  return (c & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT);
}

}  // namespace telaah::ui
