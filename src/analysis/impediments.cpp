// Impediments ("hambatan"): the codings of the impediment codes, and which
// indicators each one bears on: attached explicitly, or by overlap (rules in evaluation.h).
#include <algorithm>
#include <map>
#include <set>

#include "analysis/evaluation.h"
#include "store/project.h"

namespace telaah::analysis {

static std::string fold(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::vector<int32_t> impediment_codes(const EvidenceTable& t, const std::vector<std::string>& names) {
  std::set<int32_t> out;
  for (const auto& want : names) {
    const std::string w = fold(want);
    for (int32_t c : t.code_order) {
      bool hit = fold(t.code_name[static_cast<size_t>(c)]) == w || fold(t.code_path(c)) == w;
      for (const auto& a : t.code_aliases[static_cast<size_t>(c)]) hit |= fold(a) == w;
      if (!hit) continue;
      for (int32_t d : t.code_subtree(c)) out.insert(d);
    }
  }
  return {out.begin(), out.end()};
}

// Index of the block holding code point `pos` (the last block starting at or
// before it, so text between blocks counts with the block before).
static size_t block_of(const std::vector<text::Block>& blocks, int64_t pos) {
  auto it =
      std::upper_bound(blocks.begin(), blocks.end(), pos, [](int64_t p, const text::Block& b) { return p < b.start; });
  return it == blocks.begin() ? 0 : static_cast<size_t>(it - blocks.begin() - 1);
}

std::vector<ImpedimentItem> impediments(const store::Project& p, const EvidenceTable& t, const Matrix& m,
                                        const EvalSettings& s) {
  std::vector<ImpedimentItem> out;
  const auto codes = impediment_codes(t, s.impediment_codes);
  if (codes.empty()) return out;
  std::vector<char> is_imp(t.code_count(), 0);
  for (int32_t c : codes) is_imp[static_cast<size_t>(c)] = 1;
  std::vector<char> coder_ok(t.coder_id.size(), m.query.coders.empty() ? 1 : 0);
  for (const auto& name : m.query.coders)
    if (int32_t k = t.coder_index(name); k >= 0) coder_ok[static_cast<size_t>(k)] = 1;
  std::vector<Id> indicator_of(t.code_count(), 0);  // code -> the matrix row it rolls up into
  for (size_t c = 0; c < t.code_count(); ++c)
    for (const auto& row : m.rows)
      if (row.code == t.code_rollup[c]) indicator_of[c] = row.code_id;
  auto counts = [&](size_t i) {
    return coder_ok[static_cast<size_t>(t.row_coder[i])] && m.columns.of_doc[static_cast<size_t>(t.row_doc[i])] >= 0;
  };
  // Explicit attachments: coding -> the matrix rows its attached codes roll up into.
  std::map<Id, std::set<Id>> attached;
  for (const auto& a : store::coding_attachments(p)) {
    const int32_t k = t.code_index(a.code);
    if (k >= 0 && indicator_of[static_cast<size_t>(k)] != 0)
      attached[a.coding].insert(indicator_of[static_cast<size_t>(k)]);
  }
  int32_t doc = -1;
  std::vector<text::Block> blocks;
  for (size_t i = 0; i < t.size(); ++i) {
    if (!is_imp[static_cast<size_t>(t.row_code[i])] || !counts(i)) continue;
    if (t.row_doc[i] != doc) {
      doc = t.row_doc[i];
      blocks = p.blocks(t.doc_id[static_cast<size_t>(doc)]);
    }
    ImpedimentItem item;
    item.row = i;
    item.coding_id = t.row_id[i];
    const size_t b0 = block_of(blocks, t.row_start[i]), b1 = block_of(blocks, t.row_end[i] - 1);
    auto [first, last] = t.doc_rows(doc);
    std::set<Id> linked;
    if (auto at = attached.find(item.coding_id); at != attached.end()) linked = at->second;
    for (size_t j = first; j < last; ++j) {
      const Id ind = indicator_of[static_cast<size_t>(t.row_code[j])];
      if (j == i || ind == 0 || is_imp[static_cast<size_t>(t.row_code[j])] || !counts(j)) continue;
      const bool overlap = t.row_start[j] < t.row_end[i] && t.row_start[i] < t.row_end[j];
      const size_t c0 = block_of(blocks, t.row_start[j]), c1 = block_of(blocks, t.row_end[j] - 1);
      const bool same_block = !blocks.empty() && c0 <= b1 && b0 <= c1;
      if (overlap || same_block) linked.insert(ind);
    }
    // Keep the matrix's row order for the links.
    for (const auto& row : m.rows) {
      if (linked.count(row.code_id)) item.indicators.push_back(row.code_id);
      if (attached.count(item.coding_id) && attached[item.coding_id].count(row.code_id))
        item.attached.push_back(row.code_id);
    }
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace telaah::analysis
