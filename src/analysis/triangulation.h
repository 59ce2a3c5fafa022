// Triangulation: the indicator x column matrix and convergence coding after
// Farmer et al. (2006), as pure functions over the evidence table.
//
// Columns are source types by default, or the values of any document
// attribute (outlet, informant role, ...), or the built-in document fields
// year (from the date), language and author. Rows are the indicators (codes
// of kind indicator) in tree order; sub-code evidence rolls up to them.
//
// Evidence units (whose codings count, and each passage once): the codings
// counted are those of the coder rule (setting triangulation.coders: every
// coder, one named coder, or a chosen set). Within one document, codings
// that roll up to the same row (the indicator itself and its sub-codes, by
// any of the counted coders) are the SAME PASSAGE when their spans overlap by
// at least `same_passage` (default 0.5) of the shorter span; same-passage
// codings are joined transitively into one unit, which counts once. Half the
// shorter span, not "any overlap": two neighbouring passages that share a
// clause or a sentence boundary stay two pieces of evidence, while a second
// coder's slightly wider or narrower boundary around the same passage (the
// usual reliability double-coding), or a sub-code coded inside the
// indicator's span, is recognised as the same passage. A unit's stance is the
// net of its codings' stances (more supports than contradicts: supports; the
// reverse: contradicts; a tie or only neutral: neutral).
//
// The rules (domain.md §3), per indicator and pair of columns A, B with
// net stance = sign(supports - contradicts) over the units and prominence =
// unit count (or, with triangulation.prominence_unit = documents, the
// number of documents):
//   none         neither column has evidence
//   silence      exactly one column has evidence
//   dissonance   both have evidence and their net stances are opposite (+ vs -)
//   agreement    same net stance (0 = 0 included) and comparable prominence:
//                max(count) <= prominence ratio * min(count)
//   partial      the rest: same net stance but very different prominence, or
//                one side's net stance is 0 (neutral only, or a tie)
// Per indicator, in this order:
//   gap           no column has evidence
//   divergent     some pair is dissonant
//   single-source exactly one column has evidence
//   triangulated  at least k columns carry evidence from at least m documents each
//   insufficient  evidence in two or more columns, but fewer than k of them reach
//                 m documents. The domain rules name no status for this case; it
//                 is not single-source (several columns speak) and not
//                 triangulated (the thresholds are not met), so it gets its own.
// Researcher overrides replace a pair label or a status; the automatic value
// is kept alongside. The effective status is the status override if there is
// one, else the rules applied to the effective (possibly overridden) labels.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "analysis/evidence.h"

namespace telaah::store {
class Project;
}

namespace telaah::analysis {

enum class Convergence { none, agreement, partial, silence, dissonance };
enum class Status { gap, single_source, insufficient, triangulated, divergent };
const char* to_string(Convergence c);                       // "agreement", "partial agreement", ...
const char* to_string(Status s);                            // "triangulated", "single-source", ...
Convergence convergence_from_string(const std::string& s);  // throws ValidationError
Status status_from_string(const std::string& s);

enum class ProminenceUnit { codings, documents };
const char* to_string(ProminenceUnit u);  // "codings", "documents"

struct Settings {
  int k = 2;                                      // columns needed for "triangulated"
  int m = 1;                                      // documents a column needs to count towards k
  double prominence = 3.0;                        // comparable prominence: max/min count <= this
  ProminenceUnit unit = ProminenceUnit::codings;  // what prominence counts
  double same_passage = 0.5;  // overlap share of the shorter span that makes two codings one passage
  // triangulation.duplicates = once: a recorded near-duplicate group counts as
  // one document (the member with the most evidence units for the row).
  bool duplicates_once = true;
};
void validate(const Settings& s);  // throws ValidationError naming the setting
// From project settings triangulation.k, .m, .prominence, .prominence_unit, .same_passage, .duplicates.
Settings settings_from_project(const store::Project& p);

struct Query {
  std::string by = "type";          // type | an attribute name | year | language | author
  std::vector<std::string> coders;  // empty: every coder (see default_coders)
  std::string from, to;             // date periods (YYYY, YYYY-MM, YYYY-MM-DD); empty: open
  bool all_codes = false;           // rows: every roll-up target, not only indicators
  bool subcodes = false;            // a row per sub-code (with its own sub-codes) under each indicator
  // Only these documents (database ids; a document set's members), when
  // given: the others are outside the matrix (no column, not counted as
  // unassigned). An empty list: no document at all.
  std::optional<std::vector<Id>> docs;
};
// The coders a query uses when none is given: project setting
// triangulation.coders ("all" or unset: every coder, empty; else the names).
// The project's default_coder is the session's coder only; it no longer
// narrows the matrix (a second coder's double-coding is deduplicated instead).
std::vector<std::string> default_coders(const store::Project& p, const EvidenceTable& t);
// The coder rule in words: "all coders, deduplicated", "one coder: ayu",
// "chosen coders: ayu, bima, deduplicated".
std::string describe_coders(const std::vector<std::string>& coders);
// Coders named by a user (each entry may be a comma-separated list): none
// given -> default_coders; "all" -> every coder (empty); unknown -> NotFound.
std::vector<std::string> resolve_coders(const store::Project& p, const EvidenceTable& t,
                                        const std::vector<std::string>& given);

// Which column each document falls in, after the date filter (-1: none).
struct Columns {
  std::string dimension;  // "type", an attribute name, "year", ...
  std::vector<std::string> labels;
  std::vector<int32_t> of_doc;  // by dense document index
  std::vector<char> outside;    // by dense document index: outside Query::docs (empty: no such filter)
  bool excluded(size_t d) const { return !outside.empty() && outside[d]; }
};
Columns columns_for(const EvidenceTable& t, const Query& q);

struct Cell {
  // codings: evidence units (passages, each once); raw: the codings behind them.
  int64_t codings = 0, documents = 0, supports = 0, contradicts = 0, neutral = 0, raw = 0;
  int net() const { return supports > contradicts ? 1 : supports < contradicts ? -1 : 0; }
  bool has_evidence() const { return codings > 0; }
};

// Two spans are the same passage when they overlap by at least `share` of the shorter one.
bool same_passage(int64_t a_start, int64_t a_end, int64_t b_start, int64_t b_end, double share);
// Table rows (of one document, in table order) joined into evidence units:
// same-passage rows, transitively. Units in order of their first row.
std::vector<std::vector<size_t>> evidence_units(const EvidenceTable& t, const std::vector<size_t>& rows, double share);
// A unit's stance: the net of its codings' stances (a tie is neutral).
store::Stance unit_stance(const EvidenceTable& t, const std::vector<size_t>& unit);

Convergence convergence(const Cell& a, const Cell& b, const Settings& s);
// Status from the cells and the labels of every pair (in pair order 0-1, 0-2, ..., 1-2, ...).
Status status(const std::vector<Cell>& cells, const std::vector<Convergence>& pair_labels, const Settings& s);

struct Override {
  Id id = 0;
  std::string label, memo, created;
  // The audit trail: the automatic value when the override was made (or last
  // confirmed; "" for an override older than schema 3), who made it, and
  // whether the automatic value has changed since (stale).
  std::string automatic_then, coder, confirmed;
  bool stale = false;
};

struct Pair {
  int a = 0, b = 0;  // column indices, a < b
  Convergence automatic = Convergence::none;
  std::optional<Override> override;
  Convergence effective = Convergence::none;
};

struct Row {
  int32_t code = -1;  // dense code index
  int parent = -1;    // a sub-code row (Query::subcodes): the index of its indicator's row
  Id code_id = 0;
  std::string path;
  std::vector<Cell> cells;  // by column
  Cell total;               // over all columns (documents: distinct over all)
  std::vector<Pair> pairs;
  int columns_with_evidence = 0, qualifying_columns = 0;  // qualifying: >= m documents
  Status automatic = Status::gap;
  std::optional<Override> status_override;
  Status effective = Status::gap;
  bool overridden() const;
  bool stale() const;  // an override on this row whose automatic value has changed
};

struct Matrix {
  Columns columns;
  std::vector<Row> rows;
  Settings settings;
  Query query;
  int64_t codings = 0;      // evidence units counted in the matrix (indicator rows)
  int64_t raw_codings = 0;  // the codings behind them (before same-passage merging)
  int64_t unassigned = 0;   // codings of row codes whose document has no column value
  int64_t revision = 0;     // of the evidence table
  const Row* find(Id code_id) const;
};

// The matrix with automatic labels and statuses (no overrides).
Matrix triangulate(const EvidenceTable& t, const Query& q, const Settings& s);
// The table rows behind one cell (column -1: every column), in (doc, start) order.
std::vector<size_t> cell_rows(const EvidenceTable& t, const Matrix& m, int32_t code, int column);

// Recomputes the effective labels and statuses from the overrides attached.
void resolve(Matrix& m);

}  // namespace telaah::analysis
