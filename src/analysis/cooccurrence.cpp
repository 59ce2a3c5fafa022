// Sort-and-sweep code co-occurrence (see cooccurrence.h).
#include "analysis/cooccurrence.h"

#include <algorithm>

namespace telaah::analysis {

CoOccurrence cooccurrence(const EvidenceTable& t, const std::vector<int32_t>& coders, bool rollup) {
  CoOccurrence out;
  out.n = t.code_count();
  out.counts.assign(out.n * out.n, 0);
  std::vector<char> coder_ok(t.coder_id.size(), coders.empty() ? 1 : 0);
  for (int32_t k : coders)
    if (k >= 0 && static_cast<size_t>(k) < coder_ok.size()) coder_ok[static_cast<size_t>(k)] = 1;
  std::vector<size_t> active;  // rows of the current document still open at the sweep position
  int32_t doc = -1;
  for (size_t i = 0; i < t.size(); ++i) {
    if (!coder_ok[static_cast<size_t>(t.row_coder[i])]) continue;
    if (t.row_doc[i] != doc) {
      doc = t.row_doc[i];
      active.clear();
    }
    const int64_t start = t.row_start[i];
    active.erase(std::remove_if(active.begin(), active.end(), [&](size_t a) { return t.row_end[a] <= start; }),
                 active.end());
    const auto ci = static_cast<size_t>(rollup ? t.code_rollup[static_cast<size_t>(t.row_code[i])] : t.row_code[i]);
    for (size_t a : active) {
      const auto ca = static_cast<size_t>(rollup ? t.code_rollup[static_cast<size_t>(t.row_code[a])] : t.row_code[a]);
      ++out.counts[ca * out.n + ci];
      if (ca != ci) ++out.counts[ci * out.n + ca];
    }
    active.push_back(i);
  }
  return out;
}

}  // namespace telaah::analysis
