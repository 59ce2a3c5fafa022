// Agreement on a nominal variable: the stance of passages several coders
// coded with the same code, and a set of mutually exclusive codes taken as
// the values of one categorical variable (Krippendorff 2011's multi-valued
// nominal alpha with missing values). Units come from the segment matching of
// agreement_units.cpp; the statistics from agreement_stats.cpp.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "analysis/agreement.h"
#include "analysis/agreement_units.h"
#include "store/project.h"

namespace telaah::analysis {

namespace detail {

namespace {

std::string fmt(double x) {
  if (std::isnan(x)) return "n/a";
  char b[32];
  std::snprintf(b, sizeof b, "%.4f", x);
  return b;
}

int stance_value(store::Stance s) {
  return s == store::Stance::supports ? 0 : s == store::Stance::contradicts ? 1 : 2;
}

int coder_index(const ResolvedSelection& rs, Id coder) {
  return static_cast<int>(std::find(rs.coder_ids.begin(), rs.coder_ids.end(), coder) - rs.coder_ids.begin());
}

}  // namespace

std::vector<std::vector<Unit>> stance_units(const ResolvedSelection& rs, const SegmentRule& rule) {
  const size_t ncodes = rs.reported.size(), m = rs.coder_ids.size();
  std::unordered_map<Id, size_t> code_index;
  for (size_t i = 0; i < ncodes; ++i) code_index[rs.reported[i]] = i;
  std::vector<std::vector<Unit>> out(ncodes);
  size_t k = 0;
  while (k < rs.codings.size()) {
    const Id doc = rs.codings[k].doc;
    std::vector<std::vector<Seg>> by_code(ncodes);
    std::vector<std::vector<int>> values(ncodes);
    for (; k < rs.codings.size() && rs.codings[k].doc == doc; ++k) {
      const auto& c = rs.codings[k];
      const size_t ci = code_index.at(*rs.target(c.code));
      by_code[ci].push_back({static_cast<int32_t>(ci), coder_index(rs, c.coder), c.start, c.end, c.id});
      values[ci].push_back(stance_value(c.stance));
    }
    for (size_t ci = 0; ci < ncodes; ++ci)
      for (const auto& g : match_segments(by_code[ci], rule)) {
        if (g.segs.size() < 2) continue;  // one coder only: nothing to agree on
        Unit u(m);
        for (size_t s : g.segs) u[static_cast<size_t>(by_code[ci][s].coder)] = values[ci][s];
        out[ci].push_back(std::move(u));
      }
  }
  return out;
}

VariableAgreement summarise_variable(const std::string& name, const std::vector<std::string>& values,
                                     const std::vector<std::string>& coders, const std::vector<Unit>& units,
                                     const std::string& method) {
  VariableAgreement va;
  va.variable = name;
  va.values = values;
  va.coders = coders;
  va.units = static_cast<int64_t>(units.size());
  va.method = method;
  const size_t m = coders.size();
  va.data.assign(m, {});
  for (const auto& u : units) {
    int present = 0;
    for (size_t c = 0; c < m; ++c) {
      va.data[c].push_back(u[c]);
      present += u[c].has_value();
    }
    if (present >= 2) ++va.pairable;
  }
  auto alpha = [&](const std::vector<std::vector<std::optional<int>>>& data, const std::string& who) {
    Statistic s;
    int64_t pairable = 0;
    for (size_t u = 0; u < (data.empty() ? 0 : data[0].size()); ++u) {
      int present = 0;
      for (const auto& row : data) present += row[u].has_value();
      pairable += present >= 2;
    }
    s.value = pairable ? krippendorff_alpha_nominal(data) : std::nan("");
    if (pairable == 0)
      s.method = "Krippendorff's alpha (nominal): n/a, no unit has values from two coders (" + who + ")";
    else if (std::isnan(s.value))
      s.method =
          "Krippendorff's alpha (nominal): n/a, every value is the same, so there is no variation to be "
          "reliable about (" +
          who + ", " + std::to_string(pairable) + " units)";
    else
      s.method = "Krippendorff's alpha (nominal, missing values allowed) over " + std::to_string(pairable) +
                 " units with two or more values (" + who + ")";
    return s;
  };
  for (size_t a = 0; a < m; ++a)
    for (size_t b = a + 1; b < m; ++b) {
      VariablePair vp;
      vp.coder_a = coders[a];
      vp.coder_b = coders[b];
      const std::string who = coders[a] + " x " + coders[b];
      std::vector<int> xa, xb;
      for (const auto& u : units)
        if (u[a] && u[b]) {
          xa.push_back(*u[a]);
          xb.push_back(*u[b]);
        }
      vp.units = static_cast<int64_t>(xa.size());
      int same = 0;
      for (size_t i = 0; i < xa.size(); ++i) same += xa[i] == xb[i];
      if (xa.empty()) {
        vp.percent = {std::nan(""), "percent agreement: n/a, no unit that both coders gave a value (" + who + ")"};
        vp.kappa = {std::nan(""), "Cohen's kappa: n/a, no unit that both coders gave a value (" + who + ")"};
      } else {
        vp.percent = {static_cast<double>(same) / static_cast<double>(xa.size()),
                      "percent agreement = same value / units = " + std::to_string(same) + " / " +
                          std::to_string(xa.size()) + " (" + who + ")"};
        vp.kappa.value = cohen_kappa(xa, xb);
        vp.kappa.method = std::isnan(vp.kappa.value)
                              ? "Cohen's kappa: n/a, both coders gave one and the same value on every unit, so chance "
                                "agreement is 1 (" +
                                    who + ")"
                              : "Cohen's kappa (1960) over " + std::to_string(xa.size()) +
                                    " units both coders gave a value, po = " + fmt(vp.percent.value) + " (" + who + ")";
      }
      vp.alpha = alpha({va.data[a], va.data[b]}, who);
      va.pairs.push_back(std::move(vp));
    }
  std::string all;
  for (const auto& c : coders) all += (all.empty() ? "" : " x ") + c;
  va.alpha = alpha(va.data, all);
  return va;
}

}  // namespace detail

VariableAgreement variable_agreement(const store::Project& p, const AgreementOptions& opt, bool stance) {
  if (!(opt.threshold > 0 && opt.threshold <= 1))
    throw ValidationError("the overlap threshold must be above 0 and at most 1");
  const detail::SegmentRule rule{opt.threshold, opt.overlap};
  char thr[32];
  std::snprintf(thr, sizeof thr, "%g", opt.threshold);
  const std::string matching =
      std::string("segments matched when their overlap (") +
      (opt.overlap == OverlapRatio::union_ ? "intersection over union" : "intersection over the shorter segment") +
      ") is at least " + thr + ", at most one segment per coder in a unit";
  if (stance) {
    ResolvedSelection rs = resolve_selection(p, opt.sel);
    auto per_code = detail::stance_units(rs, rule);
    std::vector<detail::Unit> units;
    for (auto& u : per_code) units.insert(units.end(), u.begin(), u.end());
    return detail::summarise_variable(
        "stance", {"supports", "contradicts", "neutral"}, rs.coder_names, units,
        "Stance as one nominal variable (supports, contradicts, neutral): a unit is a passage that two or more coders "
        "coded with the same code (" +
            matching + "), pooled over " + std::to_string(rs.reported.size()) +
            " code(s); a coder who did not code the passage has a missing value.");
  }

  if (opt.sel.codes.size() < 2)
    throw ValidationError("a categorical variable needs at least two codes as its values (e.g. --variable \"A,B,C\")");
  for (size_t i = 0; i < opt.sel.codes.size(); ++i)
    for (size_t j = i + 1; j < opt.sel.codes.size(); ++j)
      if (opt.sel.codes[i] == opt.sel.codes[j])
        throw ValidationError("code '" + p.code_path(opt.sel.codes[i]) + "' is named twice in the variable");
  ResolvedSelection rs = resolve_selection(p, opt.sel);
  std::vector<std::string> values;
  for (Id c : opt.sel.codes) values.push_back(p.code_path(c));
  auto value_of = [&](Id code) {
    const Id t = *rs.target(code);
    return static_cast<int>(std::find(opt.sel.codes.begin(), opt.sel.codes.end(), t) - opt.sel.codes.begin());
  };
  const size_t m = rs.coder_ids.size();
  std::vector<detail::Unit> units;
  size_t k = 0;
  while (k < rs.codings.size()) {
    const Id doc = rs.codings[k].doc;
    std::vector<detail::Seg> segs;
    std::vector<int> vals;
    for (; k < rs.codings.size() && rs.codings[k].doc == doc; ++k) {
      const auto& c = rs.codings[k];
      const int coder =
          static_cast<int>(std::find(rs.coder_ids.begin(), rs.coder_ids.end(), c.coder) - rs.coder_ids.begin());
      segs.push_back({0, coder, c.start, c.end, c.id});
      vals.push_back(value_of(c.code));
    }
    // Mutually exclusive: one coder may not give two values to the same passage.
    for (size_t a = 0; a < segs.size(); ++a)
      for (size_t b = a + 1; b < segs.size() && segs[b].start < segs[a].end; ++b)
        if (segs[a].coder == segs[b].coder && vals[a] != vals[b] &&
            detail::reaches(overlap_ratio(segs[a].start, segs[a].end, segs[b].start, segs[b].end, opt.overlap),
                            opt.threshold))
          throw ValidationError(
              "the variable's codes are not mutually exclusive: " + rs.coder_names[static_cast<size_t>(segs[a].coder)] +
              " coded [" + std::to_string(segs[b].start) + "," + std::to_string(segs[b].end) + ") of document #" +
              std::to_string(doc) + " with both '" + values[static_cast<size_t>(vals[a])] + "' and '" +
              values[static_cast<size_t>(vals[b])] + "'");
    for (const auto& g : detail::match_segments(segs, rule)) {
      detail::Unit u(m);
      for (size_t s : g.segs) u[static_cast<size_t>(segs[s].coder)] = vals[s];
      units.push_back(std::move(u));
    }
  }
  std::string name;
  for (const auto& v : values) name += (name.empty() ? "" : ", ") + v;
  return detail::summarise_variable(
      name, values, rs.coder_names, units,
      "Categorical variable with " + std::to_string(values.size()) + " mutually exclusive values (the codes " + name +
          (opt.sel.rollup ? ", sub-codes rolled up" : "") + "): a unit is a passage coded with any of them (" +
          matching + "); a coder's value is the code given there, missing where the coder gave none.");
}

}  // namespace telaah::analysis
