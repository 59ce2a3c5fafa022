// Reading the project's lists once per revision (see project_cache.h).
#include "ui/shell/project_cache.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <cstdio>

namespace telaah::ui {

void ProjectCache::reload(const store::Project& p) {
  revision = p.revision();
  docs.clear();
  doc_index_.clear();
  for (auto& d : p.documents()) {
    doc_index_[d.id] = docs.size();
    DocInfo info;
    info.doc = std::move(d);
    docs.push_back(std::move(info));
  }
  // Counts in one grouped query each instead of one query per row.
  std::unordered_map<store::Id, int64_t> per_code;
  {
    SQLite::Statement q(p.db(),
                        "SELECT c.doc_id, c.code_id, count(*) FROM codings c JOIN documents d ON d.id=c.doc_id "
                        "WHERE d.deleted=0 GROUP BY c.doc_id, c.code_id");
    while (q.executeStep()) {
      const store::Id doc = q.getColumn(0).getInt64(), code = q.getColumn(1).getInt64();
      const int64_t n = q.getColumn(2).getInt64();
      per_code[code] += n;
      auto it = doc_index_.find(doc);
      if (it != doc_index_.end()) docs[it->second].codings += n;
    }
  }
  {
    SQLite::Statement q(p.db(), "SELECT doc_id, name, type, value FROM attributes ORDER BY doc_id, name");
    while (q.executeStep()) {
      auto it = doc_index_.find(q.getColumn(0).getInt64());
      if (it != doc_index_.end())
        docs[it->second].attributes.push_back(
            {q.getColumn(1).getString(), q.getColumn(2).getString(), q.getColumn(3).getString()});
    }
  }
  codes.clear();
  code_index_.clear();
  for (auto& c : p.codes()) {
    CodeInfo ci;
    ci.colour = parse_colour(c.colour);
    ci.count = per_code.count(c.id) ? per_code[c.id] : 0;
    ci.total = ci.count;
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
  // Roll counts up: codes are depth-first, so children come after parents.
  for (size_t i = codes.size(); i-- > 0;) {
    if (!codes[i].code.parent) continue;
    auto it = code_index_.find(*codes[i].code.parent);
    if (it != code_index_.end()) codes[it->second].total += codes[i].total;
  }
  coders = p.coders();
  source_types = p.source_types();
}

const CodeInfo* ProjectCache::code(store::Id id) const {
  auto it = code_index_.find(id);
  return it == code_index_.end() ? nullptr : &codes[it->second];
}

const DocInfo* ProjectCache::doc(store::Id id) const {
  auto it = doc_index_.find(id);
  return it == doc_index_.end() ? nullptr : &docs[it->second];
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
