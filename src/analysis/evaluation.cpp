// Ratings, suggestions and the overall verdict (rules in evaluation.h).
#include "analysis/evaluation.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "analysis/project_settings.h"
#include "store/errors.h"
#include "store/evaluation_rows.h"
#include "store/project.h"
#include "store/rating_citations.h"

namespace telaah::analysis {

std::string norm_label(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::replace(s.begin(), s.end(), '_', ' ');
  std::replace(s.begin(), s.end(), '-', ' ');
  return s;
}

std::vector<std::pair<std::string, double>> parse_weights(const std::string& key, const std::string& value) {
  std::vector<std::pair<std::string, double>> out;
  for (const auto& item : split_list(value)) {
    const size_t eq = item.rfind('=');
    std::string name = eq == std::string::npos ? "" : item.substr(0, eq);
    while (!name.empty() && name.back() == ' ') name.pop_back();
    const std::string num = eq == std::string::npos ? "" : item.substr(eq + 1);
    char* end = nullptr;
    const double w = num.empty() ? -1 : std::strtod(num.c_str(), &end);
    if (name.empty() || num.empty() ||
        (end && *end != '\0' && std::string(end).find_first_not_of(' ') != std::string::npos) || !(w >= 0) ||
        !std::isfinite(w))
      throw ValidationError(key + ": '" + item +
                            "' is not NAME=WEIGHT with a weight of 0 or more (e.g. \"I1=2, O2=0.5\")");
    out.emplace_back(name, w);
  }
  return out;
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
  std::string ins = norm_label(p.setting("evaluation.insufficient", "exclude"));
  if (ins == "not achieved")
    s.insufficient_counts_as_not_achieved = true;
  else if (ins != "exclude")
    throw ValidationError("evaluation.insufficient must be 'exclude' or 'not achieved', not '" + ins + "'");
  s.min_coverage = real_setting(p, "evaluation.min_coverage", s.min_coverage);
  if (!(s.min_coverage >= 0 && s.min_coverage <= 1))
    throw ValidationError("evaluation.min_coverage must be between 0 and 1 (e.g. 0.5)");
  s.impediment_penalty = real_setting(p, "evaluation.impediment_penalty", s.impediment_penalty);
  if (!(s.impediment_penalty >= 0 && s.impediment_penalty <= 1))
    throw ValidationError("evaluation.impediment_penalty must be between 0 and 1 (0.5 = one rating step)");
  s.weights = parse_weights("evaluation.weights", p.setting("evaluation.weights", ""));
  s.variable_weights = parse_weights("evaluation.variable_weights", p.setting("evaluation.variable_weights", ""));
  return s;
}

// --- records ---
std::vector<EvaluationRecord> load_evaluations(const store::Project& p) {
  std::vector<EvaluationRecord> out;
  for (auto& row : store::evaluation_rows(p)) {
    EvaluationRecord r;
    r.id = row.id;
    r.code_id = row.code_id;
    r.rating = rating_from_string(row.rating);
    r.justification = std::move(row.justification);
    try {
      r.evidence = nlohmann::json::parse(row.evidence).get<std::vector<Id>>();
    } catch (const std::exception&) {
      throw CorruptProject("the evidence list of the evaluation of code #" + std::to_string(r.code_id) + " is damaged");
    }
    r.modified = std::move(row.modified);
    r.automatic = std::move(row.automatic);
    r.coder = std::move(row.coder);
    r.confirmed = std::move(row.confirmed);
    out.push_back(std::move(r));
  }
  return out;
}

namespace {

// The matrix the audit trail compares with: by source type, the project's
// settings and coder rule, all dates, triangulation overrides applied.
Matrix audit_matrix(const store::Project& p, const EvidenceTable& t) {
  Query q;
  q.coders = default_coders(p, t);
  Matrix m = triangulate(t, q, settings_from_project(p));
  apply_overrides(m, load_overrides(p));
  return m;
}

}  // namespace

std::string automatic_rating(const store::Project& p, Id code_id) {
  const auto t = EvidenceTable::load(p);
  const Matrix m = audit_matrix(p, t);
  const Row* r = m.find(code_id);
  return r ? to_string(suggest_rating(*r, eval_settings_from_project(p)).rating) : "";
}

std::string automatic_verdict(const store::Project& p) {
  const auto t = EvidenceTable::load(p);
  return to_string(evaluate(p, t, audit_matrix(p, t)).verdict.automatic);
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
  // Summary cells cited as [S#ID] in the justification (store/rating_citations.h): checked before anything is written.
  std::string before;
  for (const auto& row : store::evaluation_rows(p))
    if (row.code_id == code_id) before = row.justification;
  store::check_rating_markers(p, code_id, before, justification);
  const std::string now = store::now_iso();
  nlohmann::json cols = {{"rating", to_string(rating)},
                         {"justification", justification},
                         {"evidence", nlohmann::json(ev).dump()},
                         {"modified", now},
                         {"automatic", automatic_rating(p, code_id)},
                         {"coder", p.coder()},
                         {"confirmed", now}};
  auto a = p.begin_action("Rate " + path + ": " + to_string(rating));
  if (auto id = store::find_evaluation_row(p, code_id))
    a.update("evaluations", *id, cols);
  else {
    cols["code_id"] = code_id;
    a.insert("evaluations", cols);
  }
  store::sync_rating_citations(p, a, code_id, before, justification);
  a.commit();
}

void clear_evaluation(store::Project& p, Id code_id) {
  auto id = store::find_evaluation_row(p, code_id);
  if (!id) throw NotFound("'" + p.code_path(code_id) + "' has no recorded rating");
  auto a = p.begin_action("Remove rating of " + p.code_path(code_id));
  store::remove_rating_citations(p, a, code_id);
  a.remove("evaluations", *id);
  a.commit();
}

void confirm_evaluation(store::Project& p, Id code_id) {
  auto id = store::find_evaluation_row(p, code_id);
  if (!id) throw NotFound("'" + p.code_path(code_id) + "' has no recorded rating to confirm");
  const std::string automatic = automatic_rating(p, code_id);
  auto a = p.begin_action("Confirm rating of " + p.code_path(code_id));
  a.update("evaluations", *id, {{"automatic", automatic}, {"coder", p.coder()}, {"confirmed", store::now_iso()}});
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

void set_verdict(store::Project& p, const std::string& value, const std::string& memo) {
  auto a = p.begin_action(value.empty() ? "Remove verdict override" : "Override verdict: " + value);
  if (value.empty()) {
    p.set_setting("evaluation.verdict", "");
    p.set_setting("evaluation.verdict_memo", "");
    p.set_setting("evaluation.verdict_audit", "");
  } else {
    Verdict v = verdict_from_string(value);
    if (v == Verdict::undetermined)
      throw ValidationError("the verdict can be overridden with effective, fairly effective or not effective");
    if (memo.find_first_not_of(" \t\n") == std::string::npos)
      throw ValidationError("overriding the verdict needs a memo that says why");
    const std::string automatic = automatic_verdict(p);  // read inside the action: a rating given with it counts
    p.set_setting("evaluation.verdict", to_string(v));
    p.set_setting("evaluation.verdict_memo", memo);
    p.set_setting("evaluation.verdict_audit", audit_to_json(audit_now(p, automatic)));
  }
  a.commit();
}

void confirm_verdict(store::Project& p) {
  if (p.setting("evaluation.verdict").empty()) throw NotFound("the verdict is not overridden: nothing to confirm");
  auto a = p.begin_action("Confirm verdict override");
  p.set_setting("evaluation.verdict_audit", audit_to_json(audit_now(p, automatic_verdict(p))));
  a.commit();
}

static std::string fold(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Does a weight's name denote code `c` (name, path or alias, case-insensitive)?
static bool names_code(const EvidenceTable& t, int32_t c, const std::string& name) {
  const std::string w = fold(name);
  if (fold(t.code_name[static_cast<size_t>(c)]) == w || fold(t.code_path(c)) == w) return true;
  for (const auto& a : t.code_aliases[static_cast<size_t>(c)])
    if (fold(a) == w) return true;
  return false;
}

std::vector<ScoredIndicator> Evaluation::scored() const {
  std::vector<ScoredIndicator> out;
  for (const auto& ie : indicators)
    out.push_back({ie.variable, ie.rating(), ie.weight, !ie.impediments.empty() || !ie.findings.empty()});
  return out;
}

Evaluation evaluate(const store::Project& p, const EvidenceTable& t, const Matrix& m) {
  Evaluation e;
  e.settings = eval_settings_from_project(p);
  auto records = load_evaluations(p);
  e.impediments = impediments(p, t, m, e.settings);
  e.findings = store::impediments(p);
  // Every weight must name an indicator (or a variable) of the matrix: a typo is an error, not a silent 1.
  std::vector<char> weight_used(e.settings.weights.size(), 0),
      variable_weight_used(e.settings.variable_weights.size(), 0);
  for (const auto& row : m.rows) {
    IndicatorEvaluation ie;
    ie.code_id = row.code_id;
    ie.path = row.path;
    ie.suggested = suggest_rating(row, e.settings);
    for (const auto& r : records)
      if (r.code_id == row.code_id) ie.recorded = r;
    if (ie.recorded) ie.stale = is_stale({ie.recorded->automatic, "", ""}, to_string(ie.suggested.rating));
    for (size_t i = 0; i < e.impediments.size(); ++i) {
      const auto& links = e.impediments[i].indicators;
      if (std::find(links.begin(), links.end(), row.code_id) != links.end()) ie.impediments.push_back(i);
    }
    // A finding hinders the rows its indicators (or their sub-codes) roll up into.
    for (size_t f = 0; f < e.findings.size(); ++f)
      for (Id c : e.findings[f].indicators) {
        const int32_t k = t.code_index(c);
        if (k >= 0 && t.code_rollup[static_cast<size_t>(k)] == row.code) {
          ie.findings.push_back(f);
          break;
        }
      }
    const int32_t parent = row.code >= 0 ? t.code_parent[static_cast<size_t>(row.code)] : -1;
    if (parent >= 0) ie.variable = t.code_name[static_cast<size_t>(parent)];
    for (size_t w = 0; w < e.settings.weights.size(); ++w)
      if (row.code >= 0 && names_code(t, row.code, e.settings.weights[w].first)) {
        ie.weight = e.settings.weights[w].second;
        weight_used[w] = 1;
      }
    for (size_t w = 0; w < e.settings.variable_weights.size(); ++w)
      if (parent >= 0 && names_code(t, parent, e.settings.variable_weights[w].first)) {
        ie.weight *= e.settings.variable_weights[w].second;
        variable_weight_used[w] = 1;
      }
    e.indicators.push_back(std::move(ie));
  }
  for (size_t w = 0; w < weight_used.size(); ++w)
    if (!weight_used[w])
      throw ValidationError("evaluation.weights names '" + e.settings.weights[w].first +
                            "', which is not an indicator of the matrix");
  for (size_t w = 0; w < variable_weight_used.size(); ++w)
    if (!variable_weight_used[w])
      throw ValidationError("evaluation.variable_weights names '" + e.settings.variable_weights[w].first +
                            "', which is not the parent of any indicator");
  const auto scored = e.scored();
  e.verdict = verdict(scored, e.settings);
  e.variables = variable_verdicts(scored, e.settings);
  e.sensitivity = sensitivity(scored, e.settings);
  std::string ov = p.setting("evaluation.verdict");
  if (!ov.empty()) {
    e.verdict.override = verdict_from_string(ov);
    e.verdict.memo = p.setting("evaluation.verdict_memo");
    e.verdict.audit = audit_from_json(p.setting("evaluation.verdict_audit"));
    e.verdict.stale = is_stale(e.verdict.audit, to_string(e.verdict.automatic));
  }
  return e;
}

}  // namespace telaah::analysis
