// Evaluation: per indicator a rating with a justification linked to codings,
// the impediments, and an overall verdict, after the structure of the seed
// study (an indicator-by-indicator judgement ending in "cukup efektif").
//
// Suggested rating (what the evidence says before the researcher decides),
// from the indicator's effective triangulation status and the share of
// supporting codings among the stance-bearing ones, p = S / (S + C):
//   gap, or no stance-bearing evidence (only neutral)  -> insufficient evidence
//   divergent (the sources disagree)                   -> partially achieved
//   triangulated:  p >= t -> achieved;  p <= 1 - t -> not achieved;  else partially achieved
//   single-source or insufficient (uncorroborated):
//                  p >= t -> partially achieved (achievement needs corroboration);
//                  p <= 1 - t -> not achieved (one source can document a shortfall);
//                  else partially achieved
// with t = evaluation.support_share (default 0.67).
//
// Audit trail: a recorded rating keeps the suggestion it replaced (the
// automatic value), the coder and the time; so does the verdict override. When
// the suggestion (or the verdict by the rule) later differs from the recorded
// automatic value, the judgement is STALE until the researcher confirms it
// (`telaah evaluate --indicator I --confirm`, `--confirm-verdict`) or
// removes it. Judgements made before schema 3 have no automatic value and are
// never stale until confirmed.
//
// The rating used for an indicator is the researcher's when recorded, else
// the suggestion.
//
// The verdict rule (the same for the whole framework and for each variable,
// i.e. the indicators under one parent code such as Input / Process / Output):
//   1. Score of an indicator: achieved 1, partially achieved 0.5, not achieved
//      0; insufficient evidence is left out (or scores 0 when
//      evaluation.insufficient = "not achieved").
//   2. Impediments: an indicator with at least one impediment linked to it
//      (see below) loses evaluation.impediment_penalty (default 0.5, one
//      rating step; at most to 0). The rating records what the evidence says
//      about the indicator; the verdict, not the rating, accounts for the
//      impediment.
//   3. Weights: evaluation.weights ("I1=2, Output/Trade goals=0.5"; default 1
//      each) times evaluation.variable_weights ("Output=2"; default 1 each).
//      Weight 0 leaves an indicator out.
//   4. Coverage = weight of the indicators rated other than insufficient
//      evidence / weight of all indicators. Below evaluation.min_coverage
//      (default 0.5) the verdict is undetermined ("belum dapat ditentukan"),
//      with the reason.
//   5. Score = weighted mean of the scored indicators;
//        score >= evaluation.verdict.effective (0.75) -> effective (efektif)
//        score >= evaluation.verdict.fairly (0.40)    -> fairly effective (cukup efektif)
//        otherwise                                     -> not effective (tidak efektif)
// A sensitivity table recomputes the overall verdict with each threshold one
// step either side (effective and fairly +-0.05, min coverage +-0.1, penalty
// +-0.25). The researcher may override the verdict with a memo (settings
// evaluation.verdict and evaluation.verdict_memo, one undoable action).
//
// Impediments: codings of the impediment codes (setting
// evaluation.impediment_codes, names, aliases or paths, comma-separated;
// default "Impediment, Hambatan") and their sub-codes. An impediment is
// linked to an indicator when the researcher attached it to the indicator
// (or a sub-code of it) explicitly, or when it overlaps, or shares a
// paragraph (speaker turn) with, a coding of that indicator in the same
// document. An impediment finding (a titled impediment with its evidence,
// store/judgement.h) hinders the indicators it names. "At least one
// impediment" in step 2 counts linked impediment codings and findings.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "analysis/overrides.h"
#include "analysis/triangulation.h"
#include "store/judgement.h"

namespace telaah::analysis {

enum class Rating { achieved, partially_achieved, not_achieved, insufficient_evidence };
const char* to_string(Rating r);      // "achieved", "partially achieved", ...
const char* to_indonesian(Rating r);  // "tercapai", "sebagian tercapai", "tidak tercapai", "bukti tidak cukup"
Rating rating_from_string(
    const std::string& s);  // also "partial", "not-achieved", "insufficient"; throws ValidationError

enum class Verdict { effective, fairly_effective, not_effective, undetermined };
const char* to_string(Verdict v);      // "effective", "fairly effective", "not effective", "undetermined"
const char* to_indonesian(Verdict v);  // "efektif", "cukup efektif", "tidak efektif", "belum dapat ditentukan"
Verdict verdict_from_string(const std::string& s);  // English or Indonesian
// "achieved (tercapai)": the English label with the Indonesian in brackets.
std::string both_languages(Rating r);
std::string both_languages(Verdict v);

// The labels table, both ways: English and Indonesian for every rating and
// verdict; rating_from_string and verdict_from_string accept either.
struct Label {
  const char* en;
  const char* id;
};
const std::vector<Label>& rating_labels();   // in Rating order
const std::vector<Label>& verdict_labels();  // in Verdict order

struct EvalSettings {
  double support_share = 0.67;
  std::vector<std::string> impediment_codes = {"Impediment", "Hambatan"};
  double effective = 0.75, fairly = 0.40;
  bool insufficient_counts_as_not_achieved = false;
  double min_coverage = 0.5;        // share of the weight that must be rated
  double impediment_penalty = 0.5;  // score lost by an indicator with an impediment
  // name, path or alias -> weight (>= 0); unnamed ones weigh 1.
  std::vector<std::pair<std::string, double>> weights, variable_weights;
};
EvalSettings eval_settings_from_project(const store::Project& p);

struct EvaluationRecord {
  Id id = 0, code_id = 0;
  Rating rating = Rating::insufficient_evidence;
  std::string justification;
  std::vector<Id> evidence;  // coding ids
  std::string modified;
  // The audit trail (schema 3): the suggested rating when the researcher
  // rated (or last confirmed), who, and when ("" for ratings made before).
  std::string automatic, coder, confirmed;
};
std::vector<EvaluationRecord> load_evaluations(const store::Project& p);
// Records (or replaces) the researcher's rating; one undoable action.
// Every evidence id must be a coding of a live document.
void set_evaluation(store::Project& p, Id code_id, Rating rating, const std::string& justification,
                    const std::vector<Id>& evidence);
void clear_evaluation(store::Project& p, Id code_id);  // throws NotFound when there is none
// Records the current suggestion under a recorded rating (the researcher has
// looked again and keeps the rating), with the coder and time; one undoable
// action. Throws NotFound when the indicator has no recorded rating.
void confirm_evaluation(store::Project& p, Id code_id);
// The automatic values an audit records: the suggested rating of an indicator
// ("" when it is no row of the matrix) and the verdict by the rule, both on the
// matrix by source type under the project's settings and coder rule, all
// dates, with the researcher's triangulation overrides applied (the same
// matrix `telaah evaluate` shows by default).
std::string automatic_rating(const store::Project& p, Id code_id);
std::string automatic_verdict(const store::Project& p);

struct Suggestion {
  Rating rating = Rating::insufficient_evidence;
  std::string reason;  // one sentence, for the report
};
Suggestion suggest_rating(const Row& row, const EvalSettings& s);

// One indicator as the verdict rule sees it.
struct ScoredIndicator {
  std::string variable;  // the parent code's name; "" for a top-level indicator
  Rating rating = Rating::insufficient_evidence;
  double weight = 1;     // indicator weight x variable weight
  bool impeded = false;  // at least one impediment is linked to it
};
// The score the rule gives one indicator (step 1 and 2), or nullopt when it
// is left out (insufficient evidence, or weight 0).
std::optional<double> indicator_score(const ScoredIndicator& i, const EvalSettings& s);

struct VerdictResult {
  Verdict automatic = Verdict::undetermined;
  double score = 0;
  double coverage = 0;          // share of the weight rated other than insufficient evidence
  int rated = 0, left_out = 0;  // indicators scored / left out (insufficient evidence or weight 0)
  int impeded = 0;              // scored indicators that lost the impediment penalty
  int present = 0;              // indicators with a weight above 0
  int with_rating = 0;          // of those, rated other than insufficient evidence
  std::string reason;           // one sentence: why this verdict
  std::optional<Verdict> override;
  std::string memo;
  // The override's audit trail (setting evaluation.verdict_audit): the
  // verdict by the rule when it was made or last confirmed, who, when; stale
  // when the rule now gives another verdict.
  Audit audit;
  bool stale = false;
  Verdict effective() const { return override ? *override : automatic; }
};
VerdictResult verdict(const std::vector<ScoredIndicator>& indicators, const EvalSettings& s);
// Ratings only: every indicator weight 1, one variable, no impediments.
VerdictResult verdict(const std::vector<Rating>& ratings, const EvalSettings& s);

struct VariableVerdict {
  std::string variable;            // "" for top-level indicators
  std::vector<size_t> indicators;  // indices into the input
  VerdictResult result;
};
// The verdict per variable, variables in first-appearance order.
std::vector<VariableVerdict> variable_verdicts(const std::vector<ScoredIndicator>& indicators, const EvalSettings& s);

// The overall verdict with one setting moved to a neighbouring value.
struct SensitivityRow {
  std::string key;  // "evaluation.verdict.effective", ...
  double value = 0;
  bool as_set = false;  // the project's own value (the first row)
  double score = 0, coverage = 0;
  Verdict verdict = Verdict::undetermined;
  bool changed = false;  // differs from the verdict as set
};
std::vector<SensitivityRow> sensitivity(const std::vector<ScoredIndicator>& indicators, const EvalSettings& s);

// Overrides the verdict with a memo; an empty verdict removes the override.
// Records the audit trail (the verdict by the rule now, the coder, the time).
void set_verdict(store::Project& p, const std::string& verdict, const std::string& memo);
// Records the verdict by the rule now under the override (confirms it);
// throws NotFound when the verdict is not overridden. One undoable action.
void confirm_verdict(store::Project& p);

struct ImpedimentItem {
  size_t row = 0;  // in the evidence table
  Id coding_id = 0;
  std::vector<Id> indicators;  // code ids of the linked indicators (attached or by overlap)
  std::vector<Id> attached;    // those attached explicitly (store::attach_coding)
};
// Dense indices of the impediment codes with their sub-codes.
std::vector<int32_t> impediment_codes(const EvidenceTable& t, const std::vector<std::string>& names);
// Impediment codings under the matrix's coder and date filters, linked to indicators.
std::vector<ImpedimentItem> impediments(const store::Project& p, const EvidenceTable& t, const Matrix& m,
                                        const EvalSettings& s);

struct IndicatorEvaluation {
  Id code_id = 0;
  std::string path;
  Suggestion suggested;
  std::optional<EvaluationRecord> recorded;
  std::vector<size_t> impediments;  // indices into Evaluation::impediments
  std::vector<size_t> findings;     // indices into Evaluation::findings (impediment findings naming it)
  std::string variable;             // the parent code's name ("" top-level)
  double weight = 1;                // as the verdict rule uses it
  // A recorded rating whose audited suggestion differs from the suggestion
  // now: later evidence (or a changed setting) moved it; until confirmed.
  bool stale = false;
  Rating rating() const { return recorded ? recorded->rating : suggested.rating; }
};

struct Evaluation {
  EvalSettings settings;
  std::vector<IndicatorEvaluation> indicators;  // in matrix row order
  std::vector<ImpedimentItem> impediments;
  std::vector<store::Impediment> findings;  // the project's impediment findings (store/judgement.h)
  VerdictResult verdict;
  std::vector<VariableVerdict> variables;
  std::vector<SensitivityRow> sensitivity;
  std::vector<ScoredIndicator> scored() const;  // the verdict rule's input, in indicator order
};
// The rule in a few lines, for --help, the report's appendix and the README.
std::vector<std::string> verdict_rule_text(const EvalSettings& s);
// Everything the report and the CLI show, for a matrix with overrides applied.
Evaluation evaluate(const store::Project& p, const EvidenceTable& t, const Matrix& m);

}  // namespace telaah::analysis
