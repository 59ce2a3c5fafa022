// Code co-occurrence: how often codings of two codes overlap in the same
// document, by sort-and-sweep over the evidence table (rows are already in
// (document, start) order, so one pass with a small active set suffices).
#pragma once
#include <vector>

#include "analysis/evidence.h"

namespace telaah::analysis {

struct CoOccurrence {
  size_t n = 0;                 // = code_count() of the table; indices are dense code indices
  std::vector<int64_t> counts;  // n x n, symmetric: overlapping coding pairs of codes i and j
  int64_t at(int32_t i, int32_t j) const { return counts[static_cast<size_t>(i) * n + static_cast<size_t>(j)]; }
};

// Two codings co-occur when they are in the same document and their spans
// intersect (a.start < b.end and b.start < a.end). Each unordered pair of
// codings counts once; two overlapping codings of the same code count on the
// diagonal. `coders` (dense indices) restricts the codings; empty: all.
// With `rollup`, codes are replaced by their roll-up target first.
CoOccurrence cooccurrence(const EvidenceTable& t, const std::vector<int32_t>& coders = {}, bool rollup = false);

}  // namespace telaah::analysis
