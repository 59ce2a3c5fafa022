// The verdict rule: labels in both languages, scores with the impediment
// penalty and weights, the coverage rule, the verdict per variable and the
// sensitivity table (the rule is documented in evaluation.h).
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "analysis/evaluation.h"
#include "store/errors.h"

namespace telaah::analysis {

std::string norm_label(std::string s);  // evaluation.cpp: lower case, '_' and '-' as spaces

const std::vector<Label>& rating_labels() {
  static const std::vector<Label> t = {{"achieved", "tercapai"},
                                       {"partially achieved", "sebagian tercapai"},
                                       {"not achieved", "tidak tercapai"},
                                       {"insufficient evidence", "bukti tidak cukup"}};
  return t;
}

const std::vector<Label>& verdict_labels() {
  static const std::vector<Label> t = {{"effective", "efektif"},
                                       {"fairly effective", "cukup efektif"},
                                       {"not effective", "tidak efektif"},
                                       {"undetermined", "belum dapat ditentukan"}};
  return t;
}

const char* to_string(Rating r) {
  return rating_labels()[static_cast<size_t>(r)].en;
}
const char* to_indonesian(Rating r) {
  return rating_labels()[static_cast<size_t>(r)].id;
}
const char* to_string(Verdict v) {
  return verdict_labels()[static_cast<size_t>(v)].en;
}
const char* to_indonesian(Verdict v) {
  return verdict_labels()[static_cast<size_t>(v)].id;
}
std::string both_languages(Rating r) {
  return std::string(to_string(r)) + " (" + to_indonesian(r) + ")";
}
std::string both_languages(Verdict v) {
  return std::string(to_string(v)) + " (" + to_indonesian(v) + ")";
}

Rating rating_from_string(const std::string& in) {
  const std::string s = norm_label(in);
  const auto& t = rating_labels();
  for (size_t i = 0; i < t.size(); ++i)
    if (s == t[i].en || s == t[i].id) return static_cast<Rating>(i);
  if (s == "partial" || s == "partially") return Rating::partially_achieved;
  if (s == "insufficient") return Rating::insufficient_evidence;
  throw ValidationError("unknown rating '" + in +
                        "' (use achieved, partially achieved, not achieved or insufficient evidence; or tercapai, "
                        "sebagian tercapai, tidak tercapai, bukti tidak cukup)");
}

Verdict verdict_from_string(const std::string& in) {
  const std::string s = norm_label(in);
  const auto& t = verdict_labels();
  for (size_t i = 0; i < t.size(); ++i)
    if (s == t[i].en || s == t[i].id) return static_cast<Verdict>(i);
  if (s == "fairly") return Verdict::fairly_effective;
  throw ValidationError(
      "unknown verdict '" + in +
      "' (use effective, fairly effective or not effective; or efektif, cukup efektif, tidak efektif)");
}

namespace {

std::string num(double x) {
  char b[32];
  std::snprintf(b, sizeof b, "%g", x);
  return b;
}

std::string percent(double x) {
  return std::to_string(static_cast<int>(std::floor(x * 100 + 0.5))) + "%";
}

// A tiny tolerance so that a score or coverage of exactly 3/4 reaches 0.75.
constexpr double kEps = 1e-9;

}  // namespace

std::optional<double> indicator_score(const ScoredIndicator& i, const EvalSettings& s) {
  if (!(i.weight > 0)) return std::nullopt;
  if (i.rating == Rating::insufficient_evidence && !s.insufficient_counts_as_not_achieved) return std::nullopt;
  double x = i.rating == Rating::achieved ? 1.0 : i.rating == Rating::partially_achieved ? 0.5 : 0.0;
  if (i.impeded) x = std::max(0.0, x - s.impediment_penalty);
  return x;
}

VerdictResult verdict(const std::vector<ScoredIndicator>& in, const EvalSettings& s) {
  VerdictResult v;
  double all = 0, covered = 0, scored = 0, sum = 0;
  int present = 0;
  for (const auto& i : in) {
    if (i.weight > 0) {
      all += i.weight;
      ++present;
      if (i.rating != Rating::insufficient_evidence) covered += i.weight;
    }
    auto x = indicator_score(i, s);
    if (!x) {
      ++v.left_out;
      continue;
    }
    ++v.rated;
    if (i.impeded && s.impediment_penalty > 0) ++v.impeded;
    scored += i.weight;
    sum += i.weight * *x;
  }
  if (present == 0) {
    v.reason = "no indicator carries weight";
    return v;
  }
  v.coverage = covered / all;
  v.present = present;
  if (scored > 0) v.score = sum / scored;
  const int with_rating = static_cast<int>(std::count_if(in.begin(), in.end(), [](const ScoredIndicator& i) {
    return i.weight > 0 && i.rating != Rating::insufficient_evidence;
  }));
  v.with_rating = with_rating;
  const std::string cov = std::to_string(with_rating) + " of " + std::to_string(present) + " indicators rated (" +
                          percent(v.coverage) + " of the weight)";
  if (v.coverage + kEps < s.min_coverage) {
    v.reason = cov + ", below the minimum coverage of " + percent(s.min_coverage) +
               ": too few indicators have evidence to judge";
    return v;
  }
  if (v.rated == 0) {
    v.reason = cov + ": no indicator is rated";
    return v;
  }
  v.automatic = v.score + kEps >= s.effective ? Verdict::effective
                : v.score + kEps >= s.fairly  ? Verdict::fairly_effective
                                              : Verdict::not_effective;
  v.reason = "score " + percent(v.score) + " over " + cov;
  if (v.impeded)
    v.reason +=
        ", " + std::to_string(v.impeded) + " with an impediment (-" + num(s.impediment_penalty) + " each, not below 0)";
  v.reason += std::string("; ") + (v.automatic == Verdict::effective ? "at least " + percent(s.effective)
                                   : v.automatic == Verdict::fairly_effective
                                       ? "at least " + percent(s.fairly) + " and below " + percent(s.effective)
                                       : "below " + percent(s.fairly));
  return v;
}

VerdictResult verdict(const std::vector<Rating>& ratings, const EvalSettings& s) {
  std::vector<ScoredIndicator> in;
  for (Rating r : ratings) in.push_back({"", r, 1.0, false});
  return verdict(in, s);
}

std::vector<VariableVerdict> variable_verdicts(const std::vector<ScoredIndicator>& in, const EvalSettings& s) {
  std::vector<VariableVerdict> out;
  for (size_t i = 0; i < in.size(); ++i) {
    auto it =
        std::find_if(out.begin(), out.end(), [&](const VariableVerdict& v) { return v.variable == in[i].variable; });
    if (it == out.end()) {
      out.push_back({in[i].variable, {}, {}});
      it = out.end() - 1;
    }
    it->indicators.push_back(i);
  }
  for (auto& v : out) {
    std::vector<ScoredIndicator> part;
    for (size_t i : v.indicators) part.push_back(in[i]);
    v.result = verdict(part, s);
  }
  return out;
}

std::vector<SensitivityRow> sensitivity(const std::vector<ScoredIndicator>& in, const EvalSettings& s) {
  std::vector<SensitivityRow> out;
  const VerdictResult base = verdict(in, s);
  auto add = [&](const std::string& key, double value, const EvalSettings& t, bool as_set) {
    const VerdictResult r = verdict(in, t);
    out.push_back({key, value, as_set, r.score, r.coverage, r.automatic, r.automatic != base.automatic});
  };
  add("as set", 0, s, true);
  auto round2 = [](double x) { return std::round(x * 100) / 100; };
  struct Knob {
    const char* key;
    double EvalSettings::*field;
    double step;
  };
  const Knob knobs[] = {{"evaluation.verdict.effective", &EvalSettings::effective, 0.05},
                        {"evaluation.verdict.fairly", &EvalSettings::fairly, 0.05},
                        {"evaluation.min_coverage", &EvalSettings::min_coverage, 0.1},
                        {"evaluation.impediment_penalty", &EvalSettings::impediment_penalty, 0.25}};
  for (const auto& k : knobs)
    for (double dir : {-1.0, 1.0}) {
      EvalSettings t = s;
      const double value = round2(s.*k.field + dir * k.step);
      if (value < -kEps || value > 1 + kEps) continue;  // outside the setting's range
      t.*k.field = std::clamp(value, 0.0, 1.0);
      if (t.fairly > t.effective + kEps) continue;  // thresholds must stay ordered
      add(k.key, t.*k.field, t, false);
    }
  return out;
}

std::vector<std::string> verdict_rule_text(const EvalSettings& s) {
  return {
      "Score per indicator: achieved 1, partially achieved 0.5, not achieved 0; insufficient evidence " +
          std::string(s.insufficient_counts_as_not_achieved ? "scores 0 (evaluation.insufficient)"
                                                            : "is left out (evaluation.insufficient)") +
          ".",
      "Impediments: an indicator with at least one impediment linked to it (an impediment coding attached to it or "
      "overlapping its evidence, or an impediment finding naming it) loses " +
          num(s.impediment_penalty) + " (evaluation.impediment_penalty; 0.5 = one rating step, never below 0).",
      "Weights: evaluation.weights per indicator times evaluation.variable_weights per variable (default 1 each; 0 "
      "leaves an indicator out).",
      "Coverage: the share of the weight rated other than insufficient evidence must be at least " +
          num(s.min_coverage) +
          " (evaluation.min_coverage); below it the verdict is undetermined (belum dapat ditentukan).",
      "Verdict: weighted mean score >= " + num(s.effective) + " effective (efektif), >= " + num(s.fairly) +
          " fairly effective (cukup efektif), otherwise not effective (tidak efektif) "
          "(evaluation.verdict.effective, evaluation.verdict.fairly); the same rule per variable (Input, Process, "
          "Output: the indicators' parent codes).",
      "Sensitivity: the overall verdict is recomputed with each threshold one step either side (effective and fairly "
      "±0.05, coverage ±0.1, impediment penalty ±0.25).",
  };
}

}  // namespace telaah::analysis
