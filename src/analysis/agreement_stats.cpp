// Percent agreement, Cohen's kappa and Krippendorff's alpha (nominal).
// Formulas: Cohen (1960), Educational and Psychological Measurement 20(1);
// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability".
#include "analysis/agreement_stats.h"

#include <cmath>
#include <limits>
#include <map>
#include <stdexcept>

namespace telaah::analysis {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

double percent_agreement(const Binary2x2& t) {
  const int64_t n = t.total();
  if (n == 0) return kNaN;
  return static_cast<double>(t.both + t.neither) / static_cast<double>(n);
}

double cohen_expected(const Binary2x2& t) {
  const int64_t n = t.total();
  if (n == 0) return kNaN;
  // long double: character counts of large corpora square past 2^53.
  const long double nn = static_cast<long double>(n);
  const long double a1 = static_cast<long double>(t.both + t.only_a) / nn;  // coder A says present
  const long double b1 = static_cast<long double>(t.both + t.only_b) / nn;
  return static_cast<double>(a1 * b1 + (1 - a1) * (1 - b1));
}

double cohen_kappa(const Binary2x2& t) {
  const int64_t n = t.total();
  if (n == 0) return kNaN;
  const long double nn = static_cast<long double>(n);
  const long double po = static_cast<long double>(t.both + t.neither) / nn;
  const long double a1 = static_cast<long double>(t.both + t.only_a) / nn;
  const long double b1 = static_cast<long double>(t.both + t.only_b) / nn;
  const long double pe = a1 * b1 + (1 - a1) * (1 - b1);
  // Both coders used a single category: chance agreement is already 1.
  if (1 - pe <= 0) return kNaN;
  return static_cast<double>((po - pe) / (1 - pe));
}

double cohen_kappa(std::span<const int> a, std::span<const int> b) {
  if (a.size() != b.size()) throw std::invalid_argument("cohen_kappa: the two label vectors differ in length");
  if (a.empty()) return kNaN;
  std::map<int, size_t> cat;
  for (int x : a) cat.emplace(x, 0);
  for (int x : b) cat.emplace(x, 0);
  size_t k = 0;
  for (auto& [label, idx] : cat) idx = k++;
  std::vector<long double> conf(k * k, 0), ra(k, 0), rb(k, 0);
  for (size_t i = 0; i < a.size(); ++i) {
    size_t x = cat[a[i]], y = cat[b[i]];
    conf[x * k + y] += 1;
    ra[x] += 1;
    rb[y] += 1;
  }
  const long double n = static_cast<long double>(a.size());
  long double po = 0, pe = 0;
  for (size_t c = 0; c < k; ++c) {
    po += conf[c * k + c] / n;
    pe += (ra[c] / n) * (rb[c] / n);
  }
  if (1 - pe <= 0) return kNaN;
  return static_cast<double>((po - pe) / (1 - pe));
}

Coincidences::Coincidences(int values) : v_(values), o_(static_cast<size_t>(values * values), 0.0) {
  if (values < 2) throw std::invalid_argument("Coincidences: a variable needs at least two values");
}

void Coincidences::add_unit(std::span<const double> counts, double weight) {
  if (static_cast<int>(counts.size()) != v_) throw std::invalid_argument("Coincidences: wrong number of values");
  double m = 0;
  for (double c : counts) m += c;
  if (m < 2 || weight == 0) return;  // a lone value has no partner to agree or disagree with
  // Each ordered pair of values from different coders adds 1/(m-1).
  for (int c = 0; c < v_; ++c) {
    if (counts[static_cast<size_t>(c)] == 0) continue;
    for (int k = 0; k < v_; ++k) {
      double pairs = counts[static_cast<size_t>(c)] *
                     (c == k ? counts[static_cast<size_t>(k)] - 1 : counts[static_cast<size_t>(k)]);
      if (pairs != 0) o_[static_cast<size_t>(c * v_ + k)] += weight * pairs / (m - 1);
    }
  }
}

void Coincidences::add_binary(int present, int coders, double weight) {
  const double counts[2] = {static_cast<double>(coders - present), static_cast<double>(present)};
  add_unit(std::span<const double>(counts, 2), weight);
}

Coincidences& Coincidences::operator+=(const Coincidences& o) {
  if (o.v_ != v_) throw std::invalid_argument("Coincidences: cannot add matrices of different size");
  for (size_t i = 0; i < o_.size(); ++i) o_[i] += o.o_[i];
  return *this;
}

double Coincidences::pairable() const {
  double n = 0;
  for (double x : o_) n += x;
  return n;
}

double Coincidences::observed_disagreement() const {
  const double n = pairable();
  if (n == 0) return kNaN;
  long double off = 0;
  for (int c = 0; c < v_; ++c)
    for (int k = 0; k < v_; ++k)
      if (c != k) off += at(c, k);
  return static_cast<double>(off / n);
}

double Coincidences::expected_disagreement() const {
  const double n = pairable();
  if (n <= 1) return kNaN;
  std::vector<long double> nc(static_cast<size_t>(v_), 0);
  for (int c = 0; c < v_; ++c)
    for (int k = 0; k < v_; ++k) nc[static_cast<size_t>(c)] += at(c, k);
  long double e = 0;
  for (int c = 0; c < v_; ++c)
    for (int k = 0; k < v_; ++k)
      if (c != k) e += nc[static_cast<size_t>(c)] * nc[static_cast<size_t>(k)];
  return static_cast<double>(e / (static_cast<long double>(n) * (n - 1)));
}

double Coincidences::alpha_nominal() const {
  const double de = expected_disagreement();
  if (std::isnan(de) || de <= 0) return kNaN;  // every pairable value is the same: no variation to be reliable about
  return 1.0 - observed_disagreement() / de;
}

double krippendorff_alpha_nominal(const std::vector<std::vector<std::optional<int>>>& data) {
  std::map<int, int> values;
  size_t units = 0;
  for (const auto& row : data) {
    units = std::max(units, row.size());
    for (const auto& v : row)
      if (v) values.emplace(*v, 0);
  }
  if (values.size() < 2) return kNaN;
  int k = 0;
  for (auto& [v, idx] : values) idx = k++;
  Coincidences co(k);
  std::vector<double> counts(static_cast<size_t>(k));
  for (size_t u = 0; u < units; ++u) {
    std::fill(counts.begin(), counts.end(), 0.0);
    for (const auto& row : data)
      if (u < row.size() && row[u]) counts[static_cast<size_t>(values[*row[u]])] += 1;
    co.add_unit(counts);
  }
  return co.alpha_nominal();
}

}  // namespace telaah::analysis
