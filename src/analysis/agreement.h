// Intercoder agreement of a project: per code and overall percent agreement,
// Cohen's kappa and Krippendorff's alpha (nominal) between chosen coders, on
// a chosen set of documents and codes, at character or at segment level.
// Every statistic carries a `method` sentence that says exactly what was
// counted, so a report can quote it.
//
// Character level: each code point of the chosen documents is a unit; per
// code each coder decides present/absent. Counted with interval sweeps over
// the coders' merged spans, never with per-character arrays.
// Segment level: the coders' segments of a code are matched when their
// overlap ratio reaches a threshold; matched segments agree, unmatched ones
// disagree; passages coded with other codes supply the "neither" cell.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/agreement_stats.h"
#include "store/types.h"

namespace telaah::store {
class Project;
}

namespace telaah::analysis {

using store::Id;

// What to compare. Shared by the agreement statistics and the review list.
struct AgreementSelection {
  std::vector<std::string> coders;  // names; at least two
  // Documents. Named explicitly: every chosen coder is taken to have read
  // each of them, so silence means "absent". Not named: every document (of
  // `source_type`, when given) in which the coder has at least one coding;
  // elsewhere the coder's decisions are missing.
  std::vector<Id> docs;
  std::optional<std::string> source_type;
  // A document set's members (database ids): only these documents count,
  // chosen as when no documents are named (with `source_type`, both must
  // hold). Not together with `docs`.
  std::optional<std::vector<Id>> within;
  std::vector<Id> codes;  // empty: every code the chosen coders used
  // Sub-codes roll up: a coding counts for its nearest chosen ancestor-or-self
  // (with no codes chosen: its indicator, as everywhere in Telaah).
  bool rollup = false;
};

enum class AgreementUnit { character, segment };
enum class OverlapRatio { union_, shorter };  // intersection over union / over the shorter segment

struct AgreementOptions {
  AgreementSelection sel;
  AgreementUnit unit = AgreementUnit::character;
  // Segment level: segments match when ratio >= threshold (in (0, 1]).
  double threshold = 0.5;
  OverlapRatio overlap = OverlapRatio::union_;
  // Character level: leave out text that no chosen coder coded with any
  // chosen code (it otherwise inflates agreement and kappa).
  bool exclude_uncoded = false;
};

struct Statistic {
  double value = 0;    // NaN when undefined
  std::string method;  // what was computed, on which units, and why n/a
};

// Two coders on one code (or pooled over codes).
struct PairAgreement {
  std::string coder_a, coder_b;
  Binary2x2 table;    // units: code points or segments
  int documents = 0;  // documents both coders are counted in
  Statistic percent, kappa, alpha;
};

// Agreement on one nominal variable over units that several coders coded:
// the stance of passages coded with the same code, or a set of mutually
// exclusive codes taken as the values of one variable (agreement_variable.cpp).
struct VariablePair {
  std::string coder_a, coder_b;
  int64_t units = 0;  // units both coders gave a value
  Statistic percent, kappa, alpha;
};
struct VariableAgreement {
  std::string variable;             // "stance", or the codes' paths joined with ", "
  std::vector<std::string> values;  // the value labels, in value order
  std::vector<std::string> coders;
  int64_t units = 0;                // units (matched groups of segments)
  int64_t pairable = 0;             // units with values from two or more coders
  std::vector<VariablePair> pairs;  // every pair of coders, in the order given
  Statistic alpha;                  // all coders, missing values allowed
  // The reliability data matrix: one row per coder, one column per unit.
  std::vector<std::vector<std::optional<int>>> data;
  std::string method;
};

struct CodeAgreement {
  Id code = 0;                       // 0 for the pooled overall row
  std::string path;                  // "Input/Legal infrastructure"; "overall" for the pooled row
  std::vector<PairAgreement> pairs;  // one per pair of coders, in the order given; each with its own alpha
  Statistic alpha;                   // all chosen coders (= the pair's alpha for two coders)
  double alpha_units = 0;            // pairable values behind alpha
  // Stance (supports / contradicts / neutral) on the passages that two or
  // more coders coded with this code (segments matched by overlap).
  VariableAgreement stance;
};

struct AgreementReport {
  AgreementOptions options;
  std::vector<std::string> coders;
  std::vector<Id> documents;         // documents with at least two coders counted
  std::vector<CodeAgreement> codes;  // in codebook order
  CodeAgreement overall;             // pooled: each (unit, code) pair one binary decision
  std::string method;                // the units and rules, in one paragraph
};

AgreementReport compute_agreement(const store::Project& p, const AgreementOptions& opt);

// A categorical variable: the chosen codes (opt.sel.codes, at least two, in
// the order given) are the values of one nominal variable; or, with
// `stance`, the stance of the codings (over opt.sel.codes, or every code).
// Units: per document, the coders' segments of the variable's codes (of one
// code, for stance) matched by overlap at opt.threshold, at most one segment
// per coder in a unit (complete linkage, as at segment level). A coder
// without a segment in a unit has a missing value there. For stance, only
// units that two or more coders coded count. Codes of a categorical variable
// must be mutually exclusive: one coder giving two of them to overlapping
// passages is refused with the place named.
VariableAgreement variable_agreement(const store::Project& p, const AgreementOptions& opt, bool stance);

// --- shared with the review list ---

// The coders, documents and code mapping a selection resolves to.
struct ResolvedSelection {
  std::vector<Id> coder_ids;  // same order as the names
  std::vector<std::string> coder_names;
  struct Doc {
    Id id = 0;
    int64_t length = 0;
    uint64_t participants = 0;  // bit i: coder i counts in this document
  };
  std::vector<Doc> docs;
  // code id -> the code it counts for (after roll-up); absent: not chosen.
  std::vector<std::pair<Id, Id>> code_map;  // sorted by first
  std::vector<Id> reported;                 // target codes in codebook order
  // The chosen coders' codings with a chosen code in those documents, by (doc, start, id).
  std::vector<store::Coding> codings;
  bool explicit_docs = false;
  std::optional<Id> target(Id code) const;
};

ResolvedSelection resolve_selection(const store::Project& p, const AgreementSelection& sel);

// Overlap of [a0,a1) and [b0,b1) as a ratio in [0, 1].
double overlap_ratio(int64_t a0, int64_t a1, int64_t b0, int64_t b1, OverlapRatio how);

}  // namespace telaah::analysis
