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
// The rating used for an indicator is the researcher's when recorded, else
// the suggestion. Overall verdict: the mean score of the used ratings
// (achieved 1, partially achieved 0.5, not achieved 0; insufficient evidence
// is left out, or scores 0 when evaluation.insufficient = "not achieved"):
//   score >= evaluation.verdict.effective (0.75) -> effective
//   score >= evaluation.verdict.fairly (0.40)    -> fairly effective (cukup efektif)
//   otherwise                                     -> not effective
//   no indicator rated                            -> undetermined
// The researcher may override the verdict with a memo (settings
// evaluation.verdict and evaluation.verdict_memo, one undoable action).
//
// Impediments: codings of the impediment codes (setting
// evaluation.impediment_codes, names, aliases or paths, comma-separated;
// default "Impediment, Hambatan") and their sub-codes. An impediment is
// linked to an indicator when it overlaps, or shares a paragraph (speaker
// turn) with, a coding of that indicator in the same document.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "analysis/triangulation.h"

namespace telaah::analysis {

enum class Rating { achieved, partially_achieved, not_achieved, insufficient_evidence };
const char* to_string(Rating r);  // "achieved", "partially achieved", ...
Rating rating_from_string(
    const std::string& s);  // also "partial", "not-achieved", "insufficient"; throws ValidationError

enum class Verdict { effective, fairly_effective, not_effective, undetermined };
const char* to_string(Verdict v);      // "effective", "fairly effective", "not effective", "undetermined"
const char* to_indonesian(Verdict v);  // "efektif", "cukup efektif", "tidak efektif", "belum dapat ditentukan"
Verdict verdict_from_string(const std::string& s);  // English or Indonesian

struct EvalSettings {
  double support_share = 0.67;
  std::vector<std::string> impediment_codes = {"Impediment", "Hambatan"};
  double effective = 0.75, fairly = 0.40;
  bool insufficient_counts_as_not_achieved = false;
};
EvalSettings eval_settings_from_project(const store::Project& p);

struct EvaluationRecord {
  Id id = 0, code_id = 0;
  Rating rating = Rating::insufficient_evidence;
  std::string justification;
  std::vector<Id> evidence;  // coding ids
  std::string modified;
};
std::vector<EvaluationRecord> load_evaluations(const store::Project& p);
// Records (or replaces) the researcher's rating; one undoable action.
// Every evidence id must be a coding of a live document.
void set_evaluation(store::Project& p, Id code_id, Rating rating, const std::string& justification,
                    const std::vector<Id>& evidence);
void clear_evaluation(store::Project& p, Id code_id);  // throws NotFound when there is none

struct Suggestion {
  Rating rating = Rating::insufficient_evidence;
  std::string reason;  // one sentence, for the report
};
Suggestion suggest_rating(const Row& row, const EvalSettings& s);

struct VerdictResult {
  Verdict automatic = Verdict::undetermined;
  double score = 0;
  int rated = 0, left_out = 0;  // indicators scored / left out (insufficient evidence)
  std::optional<Verdict> override;
  std::string memo;
  Verdict effective() const { return override ? *override : automatic; }
};
VerdictResult verdict(const std::vector<Rating>& ratings, const EvalSettings& s);
// Overrides the verdict with a memo; an empty verdict removes the override.
void set_verdict(store::Project& p, const std::string& verdict, const std::string& memo);

struct ImpedimentItem {
  size_t row = 0;  // in the evidence table
  Id coding_id = 0;
  std::vector<Id> indicators;  // code ids of the linked indicators
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
  Rating rating() const { return recorded ? recorded->rating : suggested.rating; }
};

struct Evaluation {
  EvalSettings settings;
  std::vector<IndicatorEvaluation> indicators;  // in matrix row order
  std::vector<ImpedimentItem> impediments;
  VerdictResult verdict;
};
// Everything the report and the CLI show, for a matrix with overrides applied.
Evaluation evaluate(const store::Project& p, const EvidenceTable& t, const Matrix& m);

}  // namespace telaah::analysis
