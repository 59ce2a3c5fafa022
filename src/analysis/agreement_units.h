// Internal to the agreement analysis: turning one document's segments into
// agreement counts, at character level (interval sweeps) and at segment
// level (matching by overlap ratio). Shared by agreement.cpp and review.cpp;
// not part of the model's public API.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/agreement.h"

namespace telaah::analysis::detail {

// One coding as the analysis sees it: the code it counts for (dense index of
// ResolvedSelection::reported) and the coder (index into the chosen coders).
struct Seg {
  int32_t code = 0;
  int32_t coder = 0;
  int64_t start = 0, end = 0;
  Id coding = 0;
};

struct Span {
  int64_t start = 0, end = 0;
};

// Sorted, disjoint union of spans (touching spans are joined).
std::vector<Span> merge_spans(std::vector<Span> spans);
int64_t total_length(const std::vector<Span>& spans);

// Counts of one view (a set of coders) on one code.
struct Tally {
  Binary2x2 table;  // filled only for two-coder views
  Coincidences co{2};
  int64_t units = 0;  // code points or segment units that counted
};

// A view: the coders compared. For two coders, `a` and `b` are their indices
// (a is "coder A" of the table); `mask` holds all coders of the view.
struct View {
  uint64_t mask = 0;
  int a = -1, b = -1;
  bool pair() const { return a >= 0; }
};

// `segs` of one document, sorted by (code, coder, start, end); `ncodes` the
// number of reported codes. Adds into tallies[code].
void count_characters(const std::vector<Seg>& segs, int ncodes, int64_t doc_length, uint64_t participants,
                      const View& v, bool exclude_uncoded, std::vector<Tally>& tallies);

struct SegmentRule {
  double threshold = 0.5;
  OverlapRatio overlap = OverlapRatio::union_;
};
void count_segments(const std::vector<Seg>& segs, int ncodes, uint64_t participants, const View& v,
                    const SegmentRule& rule, std::vector<Tally>& tallies);

// Groups of one code's segments: at most one segment per coder, every two
// members overlapping at or above the threshold (complete linkage, best
// ratios first). For two coders this is the greedy best-ratio one-to-one
// matching. `segs` are one code's segments of coders in the view.
struct Group {
  uint64_t members = 0;
  int64_t start = 0, end = 0;  // hull of the members
  std::vector<size_t> segs;    // indices into the input
};
std::vector<Group> match_segments(const std::vector<Seg>& segs, const SegmentRule& rule);

bool reaches(double ratio, double threshold);  // ratio >= threshold, with a 1e-9 tolerance

// --- nominal variables (agreement_variable.cpp) ---

// One unit: a value per coder (nullopt: missing).
using Unit = std::vector<std::optional<int>>;
// Stance units of every reported code (indexed like rs.reported): the
// coders' segments of the code matched by overlap; units two or more coders
// coded; values 0 supports, 1 contradicts, 2 neutral.
std::vector<std::vector<Unit>> stance_units(const ResolvedSelection& rs, const SegmentRule& rule);
// The statistics of a variable over its units: every pair and all coders.
VariableAgreement summarise_variable(const std::string& name, const std::vector<std::string>& values,
                                     const std::vector<std::string>& coders, const std::vector<Unit>& units,
                                     const std::string& method);

}  // namespace telaah::analysis::detail
