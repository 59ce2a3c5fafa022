// Triangulation: the indicator x column matrix and convergence coding after
// Farmer et al. (2006), as pure functions over the evidence table.
//
// Columns are source types by default, or the values of any document
// attribute (outlet, informant role, ...), or the built-in document fields
// year (from the date), language and author. Rows are the indicators (codes
// of kind indicator) in tree order; sub-code evidence rolls up to them.
//
// The rules (domain.md §3), per indicator and pair of columns A, B with
// net stance = sign(supports - contradicts) and prominence = coding count:
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

struct Settings {
  int k = 2;                // columns needed for "triangulated"
  int m = 1;                // documents a column needs to count towards k
  double prominence = 3.0;  // comparable prominence: max/min coding count <= this
};
void validate(const Settings& s);  // throws ValidationError naming the setting
// From project settings triangulation.k, triangulation.m, triangulation.prominence.
Settings settings_from_project(const store::Project& p);

struct Query {
  std::string by = "type";          // type | an attribute name | year | language | author
  std::vector<std::string> coders;  // empty: every coder (see default_coders)
  std::string from, to;             // date periods (YYYY, YYYY-MM, YYYY-MM-DD); empty: open
  bool all_codes = false;           // rows: every roll-up target, not only indicators
};
// The coders a query uses when none is given: project setting
// triangulation.coders (comma-separated); else the project's default_coder
// (the primary coder) when that coder has codings; else every coder (empty).
std::vector<std::string> default_coders(const store::Project& p, const EvidenceTable& t);
// Coders named by a user (each entry may be a comma-separated list): none
// given -> default_coders; "all" -> every coder (empty); unknown -> NotFound.
std::vector<std::string> resolve_coders(const store::Project& p, const EvidenceTable& t,
                                        const std::vector<std::string>& given);

// Which column each document falls in, after the date filter (-1: none).
struct Columns {
  std::string dimension;  // "type", an attribute name, "year", ...
  std::vector<std::string> labels;
  std::vector<int32_t> of_doc;  // by dense document index
};
Columns columns_for(const EvidenceTable& t, const Query& q);

struct Cell {
  int64_t codings = 0, documents = 0, supports = 0, contradicts = 0, neutral = 0;
  int net() const { return supports > contradicts ? 1 : supports < contradicts ? -1 : 0; }
  bool has_evidence() const { return codings > 0; }
};

Convergence convergence(const Cell& a, const Cell& b, const Settings& s);
// Status from the cells and the labels of every pair (in pair order 0-1, 0-2, ..., 1-2, ...).
Status status(const std::vector<Cell>& cells, const std::vector<Convergence>& pair_labels, const Settings& s);

struct Override {
  Id id = 0;
  std::string label, memo, created;
};

struct Pair {
  int a = 0, b = 0;  // column indices, a < b
  Convergence automatic = Convergence::none;
  std::optional<Override> override;
  Convergence effective = Convergence::none;
};

struct Row {
  int32_t code = -1;  // dense code index
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
};

struct Matrix {
  Columns columns;
  std::vector<Row> rows;
  Settings settings;
  Query query;
  int64_t codings = 0;     // codings counted in the matrix
  int64_t unassigned = 0;  // codings of row codes whose document has no column value
  int64_t revision = 0;    // of the evidence table
  const Row* find(Id code_id) const;
};

// The matrix with automatic labels and statuses (no overrides).
Matrix triangulate(const EvidenceTable& t, const Query& q, const Settings& s);
// The table rows behind one cell (column -1: every column), in (doc, start) order.
std::vector<size_t> cell_rows(const EvidenceTable& t, const Matrix& m, int32_t code, int column);

// Recomputes the effective labels and statuses from the overrides attached.
void resolve(Matrix& m);

}  // namespace telaah::analysis
