// Near-duplicate documents: syndicated and re-published articles (issue 23).
//
// The rule (documented in `telaah duplicates --help` and the report's method
// appendix):
//   - A document's text is cut into shingles: runs of 5 consecutive words,
//     lower-cased, words being letters and digits (punctuation, case and
//     white space do not matter).
//   - Two documents are near-duplicates when the shorter one shares at least
//     `threshold` (default 0.7) of its distinct shingles with the other
//     (containment) AND the shorter has at least `min_ratio` (default 0.3) of
//     the longer's shingles (so a brief quoted inside a long round-up is not
//     called its duplicate). Containment tolerates a changed headline, cut
//     paragraphs and added boilerplate; see the measured precision and
//     recall in docs/performance.md.
//   - Documents with fewer than 10 shingles (under 14 words) are compared only
//     when their shingles are identical.
//   - Near-duplicate pairs are joined transitively into groups.
//
// Finding the pairs does not compare every document with every other: each
// document gets a 128-value MinHash sketch (one-permutation hashing with
// densification), and locality-sensitive hashing over 42 bands of 3 values
// proposes candidate pairs; a candidate whose sketch estimates a Jaccard
// similarity under 0.15 is dropped, the rest are checked exactly on their
// shingles. A pair of Jaccard 0.4 is proposed with probability 0.94, of 0.5
// with 0.996.
//
// Pairs the researcher has kept apart (a 'distinct' decision holding both)
// are not proposed again; groups already recorded are marked so.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "store/types.h"

namespace telaah::store {
class Project;
}

namespace telaah::analysis {

using store::Id;

struct DuplicateOptions {
  double threshold = 0.7;   // containment of the shorter document's shingles
  double min_ratio = 0.3;   // shingles of the shorter / of the longer
  std::string source_type;  // only documents of this type; empty: all
};
void validate(const DuplicateOptions& o);  // ValidationError naming the option

// Sorted distinct 64-bit hashes of the text's 5-word shingles.
std::vector<uint64_t> shingles(std::string_view text);
struct Overlap {
  double containment = 0, jaccard = 0, ratio = 0;  // ratio: smaller / larger set
};
Overlap overlap(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b);
bool near_duplicates(const Overlap& o, size_t smaller, const DuplicateOptions& opt);

struct DuplicatePair {
  Id a = 0, b = 0;  // a < b
  Overlap overlap;
};
struct FoundGroup {
  std::vector<Id> docs;              // by id
  double similarity = 1;             // the lowest containment among the pairs that joined the group
  Id recorded = 0;                   // the recorded 'duplicates' group holding all of them, or 0
  std::vector<DuplicatePair> pairs;  // the pairs found, by (a, b)
};
struct DuplicateReport {
  size_t documents = 0;            // documents compared
  size_t candidates = 0;           // pairs checked exactly
  std::vector<FoundGroup> groups;  // by their first document
};

// `progress(done, total)` is called now and then; returning false cancels
// (the report is then empty, and `cancelled` true).
DuplicateReport find_duplicates(const store::Project& p, const DuplicateOptions& o,
                                const std::function<bool(size_t, size_t)>& progress = {}, bool* cancelled = nullptr);

// Documents of a recorded 'duplicates' group are counted as one in the
// triangulation matrix when project setting triangulation.duplicates is
// "once" (the default); "each" counts every copy.
bool count_duplicates_once(const store::Project& p);

}  // namespace telaah::analysis
