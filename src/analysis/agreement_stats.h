// The statistics of intercoder agreement, as pure functions over counts:
// percent agreement and Cohen's kappa over a two-coder table, and
// Krippendorff's alpha (nominal) over a coincidence matrix that takes units
// with any number of values, missing values and weights. Weighted units let
// the character-level analysis add a run of identical code points as one
// unit of weight "run length" instead of one unit per code point.
//
// An undefined statistic (no units, or chance agreement already perfect) is
// NaN; callers print it as "n/a" and say why.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace telaah::analysis {

// Two coders' present/absent decisions on one code, counted over units
// (code points or segments).
struct Binary2x2 {
  int64_t both = 0, only_a = 0, only_b = 0, neither = 0;
  int64_t total() const { return both + only_a + only_b + neither; }
  Binary2x2& operator+=(const Binary2x2& o) {
    both += o.both, only_a += o.only_a, only_b += o.only_b, neither += o.neither;
    return *this;
  }
  bool operator==(const Binary2x2&) const = default;
};

// Share of units on which both coders decided alike.
double percent_agreement(const Binary2x2& t);
// Cohen (1960): (po - pe) / (1 - pe), pe from each coder's own marginals.
double cohen_kappa(const Binary2x2& t);
// The expected (chance) agreement pe of the table, for method texts.
double cohen_expected(const Binary2x2& t);

// Cohen's kappa for two label vectors of equal length over any categories
// (labels are arbitrary integers).
double cohen_kappa(std::span<const int> a, std::span<const int> b);

// Krippendorff's coincidence matrix for nominal values 0..V-1.
class Coincidences {
 public:
  explicit Coincidences(int values = 2);
  // A unit with counts[v] coders assigning value v (missing values are simply
  // not counted). Units with fewer than two values are not pairable and add
  // nothing. `weight` multiplies the unit, e.g. a run of identical units.
  void add_unit(std::span<const double> counts, double weight = 1.0);
  // Binary shortcut: `present` of `coders` values say 1, the rest 0.
  void add_binary(int present, int coders, double weight = 1.0);
  Coincidences& operator+=(const Coincidences& o);

  double pairable() const;               // n: the number of pairable values
  double observed_disagreement() const;  // Do
  double expected_disagreement() const;  // De
  double alpha_nominal() const;          // 1 - Do/De; NaN when De = 0
  double at(int c, int k) const { return o_[static_cast<size_t>(c * v_ + k)]; }
  int values() const { return v_; }

 private:
  int v_;
  std::vector<double> o_;  // V x V, row-major
};

// Krippendorff's alpha (nominal) of a reliability data matrix: one row per
// coder, one column per unit, nullopt for a missing value.
double krippendorff_alpha_nominal(const std::vector<std::vector<std::optional<int>>>& data);

}  // namespace telaah::analysis
