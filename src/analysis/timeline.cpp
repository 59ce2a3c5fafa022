// The evidence timeline (timeline.h).
#include "analysis/timeline.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "store/errors.h"
#include "store/project.h"

namespace telaah::analysis {

TimeBin time_bin_from(const std::string& s) {
  if (s == "year") return TimeBin::year;
  if (s == "quarter") return TimeBin::quarter;
  if (s == "month") return TimeBin::month;
  throw ValidationError("the time bin '" + s + "' is not one of year, quarter or month");
}

static bool digits(const std::string& s, size_t from, size_t n) {
  if (s.size() < from + n) return false;
  for (size_t i = from; i < from + n; ++i)
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

std::string bin_of(const std::string& date, TimeBin bin) {
  if (!digits(date, 0, 4)) return "";
  const std::string year = date.substr(0, 4);
  if (bin == TimeBin::year) return year;
  if (date.size() < 7 || date[4] != '-' || !digits(date, 5, 2)) return "";
  const int month = std::stoi(date.substr(5, 2));
  if (month < 1 || month > 12) return "";
  if (bin == TimeBin::month) return date.substr(0, 7);
  return year + "-Q" + std::to_string((month - 1) / 3 + 1);
}

static std::string two(int m) {
  return (m < 10 ? "0" : "") + std::to_string(m);
}

std::string next_bin(const std::string& label, TimeBin bin) {
  const int year = std::stoi(label.substr(0, 4));
  if (bin == TimeBin::year) return std::to_string(year + 1);
  if (bin == TimeBin::quarter) {
    const int q = label.back() - '0';
    return q == 4 ? std::to_string(year + 1) + "-Q1" : std::to_string(year) + "-Q" + std::to_string(q + 1);
  }
  const int m = std::stoi(label.substr(5, 2));
  return m == 12 ? std::to_string(year + 1) + "-01" : std::to_string(year) + "-" + two(m + 1);
}

std::pair<int, int> period_years(const std::string& period) {
  std::vector<int> years;
  for (size_t i = 0; i < period.size();) {
    size_t j = i;
    while (j < period.size() && std::isdigit(static_cast<unsigned char>(period[j]))) ++j;
    if (j - i == 4) years.push_back(std::stoi(period.substr(i, 4)));
    i = j == i ? i + 1 : j;
  }
  if (years.empty()) return {0, 0};
  return {std::min(years.front(), years.back()), std::max(years.front(), years.back())};
}

static std::string first_bin_of_year(int y, TimeBin bin) {
  const std::string ys = std::to_string(y);
  return bin == TimeBin::year ? ys : bin == TimeBin::quarter ? ys + "-Q1" : ys + "-01";
}
static std::string last_bin_of_year(int y, TimeBin bin) {
  const std::string ys = std::to_string(y);
  return bin == TimeBin::year ? ys : bin == TimeBin::quarter ? ys + "-Q4" : ys + "-12";
}

static void count_into(TimelineBin& b, const store::Coding& c, const std::string& type, std::set<store::Id>& docs) {
  ++b.codings;
  ++b.by_type[type];
  ++b.by_stance[static_cast<size_t>(c.stance)];
  b.evidence.push_back(c.id);
  if (docs.insert(c.doc).second) ++b.documents;
}

Timeline evidence_timeline(const store::Project& p, store::Id code, TimeBin bin) {
  Timeline t;
  t.code_path = p.code_path(code);
  t.period = p.setting("project.period");
  std::tie(t.period_from, t.period_to) = period_years(t.period);
  t.undated.label = "undated";
  t.imprecise.label = "imprecise";

  store::CodingFilter f;
  f.codes = p.code_descendants(code);
  std::map<store::Id, store::Document> docs;
  std::map<std::string, TimelineBin> bins;
  std::map<std::string, std::set<store::Id>> bin_docs;
  std::set<store::Id> undated_docs, imprecise_docs;
  p.for_each_coding(f, [&](const store::Coding& c) {
    auto it = docs.find(c.doc);
    if (it == docs.end()) it = docs.emplace(c.doc, p.document(c.doc)).first;
    const store::Document& d = it->second;
    if (d.date.empty()) return count_into(t.undated, c, d.source_type, undated_docs);
    const std::string label = bin_of(d.date, bin);
    if (label.empty()) return count_into(t.imprecise, c, d.source_type, imprecise_docs);
    auto& b = bins[label];
    b.label = label;
    count_into(b, c, d.source_type, bin_docs[label]);
  });

  std::string first, last;
  if (!bins.empty()) {
    first = bins.begin()->first;
    last = bins.rbegin()->first;
  }
  if (t.period_from) {
    const std::string pf = first_bin_of_year(t.period_from, bin), pl = last_bin_of_year(t.period_to, bin);
    if (first.empty() || pf < first) first = pf;
    if (last.empty() || pl > last) last = pl;
  }
  if (first.empty()) return t;
  for (std::string l = first;; l = next_bin(l, bin)) {
    auto it = bins.find(l);
    TimelineBin b = it != bins.end() ? std::move(it->second) : TimelineBin{};
    b.label = l;
    const int year = std::stoi(l.substr(0, 4));
    b.in_period = t.period_from && year >= t.period_from && year <= t.period_to;
    t.bins.push_back(std::move(b));
    if (l >= last || t.bins.size() > 100'000) break;
  }
  return t;
}

}  // namespace telaah::analysis
