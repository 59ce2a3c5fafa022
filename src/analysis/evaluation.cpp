// Ratings, suggestions and the overall verdict (rules in evaluation.h).
#include "analysis/evaluation.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "analysis/project_settings.h"
#include "store/errors.h"
#include "store/project.h"

namespace telaah::analysis {

static std::string norm(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::replace(s.begin(), s.end(), '_', ' ');
  std::replace(s.begin(), s.end(), '-', ' ');
  return s;
}

const char* to_string(Rating r) {
  switch (r) {
    case Rating::achieved:
      return "achieved";
    case Rating::partially_achieved:
      return "partially achieved";
    case Rating::not_achieved:
      return "not achieved";
    default:
      return "insufficient evidence";
  }
}

Rating rating_from_string(const std::string& in) {
  std::string s = norm(in);
  if (s == "achieved" || s == "tercapai") return Rating::achieved;
  if (s == "partially achieved" || s == "partial" || s == "partially" || s == "sebagian tercapai")
    return Rating::partially_achieved;
  if (s == "not achieved" || s == "tidak tercapai") return Rating::not_achieved;
  if (s == "insufficient evidence" || s == "insufficient" || s == "bukti tidak cukup")
    return Rating::insufficient_evidence;
  throw ValidationError("unknown rating '" + in +
                        "' (use achieved, partially achieved, not achieved or insufficient evidence)");
}

const char* to_string(Verdict v) {
  switch (v) {
    case Verdict::effective:
      return "effective";
    case Verdict::fairly_effective:
      return "fairly effective";
    case Verdict::not_effective:
      return "not effective";
    default:
      return "undetermined";
  }
}

const char* to_indonesian(Verdict v) {
  switch (v) {
    case Verdict::effective:
      return "efektif";
    case Verdict::fairly_effective:
      return "cukup efektif";
    case Verdict::not_effective:
      return "tidak efektif";
    default:
      return "belum dapat ditentukan";
  }
}

Verdict verdict_from_string(const std::string& in) {
  std::string s = norm(in);
  if (s == "effective" || s == "efektif") return Verdict::effective;
  if (s == "fairly effective" || s == "fairly" || s == "cukup efektif") return Verdict::fairly_effective;
  if (s == "not effective" || s == "tidak efektif") return Verdict::not_effective;
  if (s == "undetermined") return Verdict::undetermined;
  throw ValidationError(
      "unknown verdict '" + in +
      "' (use effective, fairly effective or not effective; or efektif, cukup efektif, tidak efektif)");
}

EvalSettings eval_settings_from_project(const store::Project& p) {
  EvalSettings s;
  s.support_share = real_setting(p, "evaluation.support_share", s.support_share);
  if (!(s.support_share > 0.5 && s.support_share <= 1.0))
    throw ValidationError("evaluation.support_share must be above 0.5 and at most 1 (e.g. 0.67)");
  s.impediment_codes = list_setting(p, "evaluation.impediment_codes", s.impediment_codes);
  s.effective = real_setting(p, "evaluation.verdict.effective", s.effective);
  s.fairly = real_setting(p, "evaluation.verdict.fairly", s.fairly);
  if (!(s.fairly >= 0 && s.fairly <= s.effective && s.effective <= 1))
    throw ValidationError(
        "the verdict thresholds need 0 <= evaluation.verdict.fairly <= evaluation.verdict.effective <= 1");
  std::string ins = norm(p.setting("evaluation.insufficient", "exclude"));
  if (ins == "not achieved")
    s.insufficient_counts_as_not_achieved = true;
  else if (ins != "exclude")
    throw ValidationError("evaluation.insufficient must be 'exclude' or 'not achieved', not '" + ins + "'");
  return s;
}

// --- records ---
std::vector<EvaluationRecord> load_evaluations(const store::Project& p) {
  std::vector<EvaluationRecord> out;
  SQLite::Statement q(p.db(),
                      "SELECT id, code_id, rating, justification, evidence, modified FROM evaluations ORDER BY id");
  while (q.executeStep()) {
    EvaluationRecord r;
    r.id = q.getColumn(0).getInt64();
    r.code_id = q.getColumn(1).getInt64();
    r.rating = rating_from_string(q.getColumn(2).getString());
    r.justification = q.getColumn(3).getString();
    try {
      r.evidence = nlohmann::json::parse(q.getColumn(4).getString()).get<std::vector<Id>>();
    } catch (const std::exception&) {
      throw CorruptProject("the evidence list of the evaluation of code #" + std::to_string(r.code_id) + " is damaged");
    }
    r.modified = q.getColumn(5).getString();
    out.push_back(std::move(r));
  }
  return out;
}

static std::optional<Id> evaluation_id(const store::Project& p, Id code_id) {
  SQLite::Statement q(p.db(), "SELECT id FROM evaluations WHERE code_id=?");
  q.bind(1, code_id);
  if (q.executeStep()) return q.getColumn(0).getInt64();
  return std::nullopt;
}

void set_evaluation(store::Project& p, Id code_id, Rating rating, const std::string& justification,
                    const std::vector<Id>& evidence) {
  const std::string path = p.code_path(code_id);  // throws NotFound
  if (justification.find_first_not_of(" \t\n") == std::string::npos)
    throw ValidationError("a rating of '" + path + "' needs a justification");
  std::vector<Id> ev;
  for (Id id : evidence) {
    p.coding(id);  // throws NotFound for an unknown or deleted coding
    if (std::find(ev.begin(), ev.end(), id) == ev.end()) ev.push_back(id);
  }
  nlohmann::json cols = {{"rating", to_string(rating)},
                         {"justification", justification},
                         {"evidence", nlohmann::json(ev).dump()},
                         {"modified", store::now_iso()}};
  auto a = p.begin_action("Rate " + path + ": " + to_string(rating));
  if (auto id = evaluation_id(p, code_id))
    a.update("evaluations", *id, cols);
  else {
    cols["code_id"] = code_id;
    a.insert("evaluations", cols);
  }
  a.commit();
}

void clear_evaluation(store::Project& p, Id code_id) {
  auto id = evaluation_id(p, code_id);
  if (!id) throw NotFound("'" + p.code_path(code_id) + "' has no recorded rating");
  auto a = p.begin_action("Remove rating of " + p.code_path(code_id));
  a.remove("evaluations", *id);
  a.commit();
}

// --- the rules ---
Suggestion suggest_rating(const Row& row, const EvalSettings& s) {
  const int64_t sup = row.total.supports, con = row.total.contradicts;
  const std::string counts = std::to_string(sup) + " supporting, " + std::to_string(con) + " contradicting, " +
                             std::to_string(row.total.neutral) + " neutral codings";
  const std::string status = to_string(row.effective);
  if (row.effective == Status::gap) return {Rating::insufficient_evidence, "no evidence (gap)"};
  if (sup + con == 0) return {Rating::insufficient_evidence, status + "; only neutral evidence (" + counts + ")"};
  if (row.effective == Status::divergent)
    return {Rating::partially_achieved, "divergent: the sources disagree (" + counts + ")"};
  const double share = static_cast<double>(sup) / static_cast<double>(sup + con);
  const bool corroborated = row.effective == Status::triangulated;
  if (share >= s.support_share)
    return corroborated ? Suggestion{Rating::achieved, "triangulated, mostly supporting (" + counts + ")"}
                        : Suggestion{Rating::partially_achieved,
                                     status + ": supporting but not corroborated across sources (" + counts + ")"};
  if (share <= 1.0 - s.support_share) return {Rating::not_achieved, status + ", mostly contradicting (" + counts + ")"};
  return {Rating::partially_achieved, status + ", mixed evidence (" + counts + ")"};
}

VerdictResult verdict(const std::vector<Rating>& ratings, const EvalSettings& s) {
  VerdictResult v;
  double sum = 0;
  for (Rating r : ratings) {
    if (r == Rating::insufficient_evidence && !s.insufficient_counts_as_not_achieved) {
      ++v.left_out;
      continue;
    }
    ++v.rated;
    sum += r == Rating::achieved ? 1.0 : r == Rating::partially_achieved ? 0.5 : 0.0;
  }
  if (v.rated == 0) return v;
  v.score = sum / v.rated;
  // A tiny tolerance so that a score of exactly 3/4 reaches a 0.75 threshold.
  constexpr double eps = 1e-9;
  v.automatic = v.score + eps >= s.effective ? Verdict::effective
                : v.score + eps >= s.fairly  ? Verdict::fairly_effective
                                             : Verdict::not_effective;
  return v;
}

void set_verdict(store::Project& p, const std::string& value, const std::string& memo) {
  auto a = p.begin_action(value.empty() ? "Remove verdict override" : "Override verdict: " + value);
  if (value.empty()) {
    p.set_setting("evaluation.verdict", "");
    p.set_setting("evaluation.verdict_memo", "");
  } else {
    Verdict v = verdict_from_string(value);
    if (v == Verdict::undetermined)
      throw ValidationError("the verdict can be overridden with effective, fairly effective or not effective");
    if (memo.find_first_not_of(" \t\n") == std::string::npos)
      throw ValidationError("overriding the verdict needs a memo that says why");
    p.set_setting("evaluation.verdict", to_string(v));
    p.set_setting("evaluation.verdict_memo", memo);
  }
  a.commit();
}

Evaluation evaluate(const store::Project& p, const EvidenceTable& t, const Matrix& m) {
  Evaluation e;
  e.settings = eval_settings_from_project(p);
  auto records = load_evaluations(p);
  e.impediments = impediments(p, t, m, e.settings);
  std::vector<Rating> used;
  for (const auto& row : m.rows) {
    IndicatorEvaluation ie;
    ie.code_id = row.code_id;
    ie.path = row.path;
    ie.suggested = suggest_rating(row, e.settings);
    for (const auto& r : records)
      if (r.code_id == row.code_id) ie.recorded = r;
    for (size_t i = 0; i < e.impediments.size(); ++i) {
      const auto& links = e.impediments[i].indicators;
      if (std::find(links.begin(), links.end(), row.code_id) != links.end()) ie.impediments.push_back(i);
    }
    used.push_back(ie.rating());
    e.indicators.push_back(std::move(ie));
  }
  e.verdict = verdict(used, e.settings);
  std::string ov = p.setting("evaluation.verdict");
  if (!ov.empty()) {
    e.verdict.override = verdict_from_string(ov);
    e.verdict.memo = p.setting("evaluation.verdict_memo");
  }
  return e;
}

}  // namespace telaah::analysis
