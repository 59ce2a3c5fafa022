// Retrieval: the codings of chosen codes, filtered by source type, document
// attributes, coder, stance and document date, combined by code queries
// (A AND B, A OR B, A NOT B); and the two matrices that open into codings,
// code x code co-occurrence and code x document attribute. Pure functions
// over the evidence table (evidence.h), so the GUI, the CLI and the tests
// share one definition of every set; only the row details (quote, context,
// page, paragraph, memo) read the project file, for the rows asked for.
//
// Definitions (positions are code points, end exclusive):
// - two codings overlap when they are in the same document and their spans
//   intersect (a.start < b.end && b.start < a.end): touching spans do not;
// - two codings share a paragraph when some block of the document intersects
//   both spans (a coding over two paragraphs is in both);
// - A AND B lists the A codings that overlap (or share a paragraph with) at
//   least one B coding; A NOT B the A codings that overlap no B coding;
//   A OR B every coding of A or of B, each once.
// The filters restrict the rows listed; B, as a condition, counts all its
// codings in the documents that pass the document filters.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analysis/evidence.h"
#include "store/types.h"

namespace telaah::store {
class Project;
}

namespace telaah::analysis {

enum class CodeOp { only_a, and_overlap, and_paragraph, or_, not_ };
const char* to_string(CodeOp op);  // "A", "A AND B (overlap)", ...

struct RetrievalFilter {
  std::vector<std::string> source_types;                        // any of these; empty: all
  std::vector<std::pair<std::string, std::string>> attributes;  // document attribute name = value; each must hold
  std::vector<Id> coders;                                       // any of these coder ids; empty: all
  std::vector<store::Stance> stances;                           // any of these; empty: all
  std::string date_from, date_to;  // document date, YYYY, YYYY-MM or YYYY-MM-DD, inclusive; empty: open
  // Case names (or ids); any of these; empty: all. A coding passes when it
  // belongs to one of the cases by the rule of analysis/judgement.h (its
  // document is in the case, or half its span lies in a part assigned to the
  // case). NotFound for a case that does not exist.
  std::vector<std::string> cases;
  // Only these documents (database ids; a document set's members) when given; an empty list: none.
  std::optional<std::vector<Id>> docs;
  bool empty() const;
};

struct RetrievalQuery {
  std::vector<Id> codes_a;  // code ids; a coding of any of them is an A coding
  CodeOp op = CodeOp::only_a;
  std::vector<Id> codes_b;  // for AND, OR, NOT
  bool subcodes = true;     // the codes' sub-codes count as the codes themselves
  RetrievalFilter filter;
};

// A retrieved coding: its row in the evidence table and its database id.
struct Hit {
  size_t row = 0;
  Id coding = 0;
  bool operator==(const Hit&) const = default;
};

// The codings the query retrieves, in (document, start, end, id) order.
// Throws ValidationError for a malformed date or a range that ends before
// it starts, NotFound for a code that does not exist (any more), and
// ValidationError when an operator needs B and B is empty.
std::vector<Hit> retrieve(const EvidenceTable& t, const store::Project& p, const RetrievalQuery& q);

// --- matrices: every cell knows its codings ---

struct MatrixCell {
  int64_t count = 0;         // code x code: overlapping coding pairs; code x attribute: codings
  int64_t documents = 0;     // distinct documents of the codings
  std::vector<Hit> codings;  // in (document, start) order, each once
};

struct CodeMatrix {
  std::vector<Id> rows, columns;  // code ids
  std::vector<MatrixCell> cells;  // rows.size() x columns.size(), row-major
  const MatrixCell& at(size_t r, size_t c) const { return cells[r * columns.size() + c]; }
};

// Code x code co-occurrence over the codings that pass `filter`: the cell of
// codes i and j counts the overlapping pairs of an i coding and a j coding
// (with sub-codes when `subcodes`; a pair of the same two codings counts
// once, a coding never pairs with itself) and holds the codings of i or j
// that take part in such a pair. Symmetric.
CodeMatrix cooccurrence_matrix(const EvidenceTable& t, const store::Project& p, const std::vector<Id>& codes,
                               bool subcodes, const RetrievalFilter& filter);

struct AttributeMatrix {
  std::string by;                    // "source type" or an attribute name
  std::vector<Id> rows;              // code ids
  std::vector<std::string> columns;  // the values in use, sorted; "" (no value) last when present
  std::vector<MatrixCell> cells;     // rows.size() x columns.size(), row-major
  const MatrixCell& at(size_t r, size_t c) const { return cells[r * columns.size() + c]; }
};

inline constexpr const char* kBySourceType = "source type";
inline constexpr const char* kByCase = "case";
// Code x document attribute crosstab: the cell of code i and value v holds
// the codings of i (with sub-codes when `subcodes`) in documents whose
// attribute `by` is v (kBySourceType: the document's source type).
// kByCase: one column per case (by name; only the filter's cases when it
// names some), the cell holding the codings of i that belong to the case (a
// coding in two cases is in both columns; codings in no case go to the ""
// column, last). "By source type within a case" is kBySourceType with the
// filter's `cases` set to that case.
AttributeMatrix attribute_matrix(const EvidenceTable& t, const store::Project& p, const std::vector<Id>& codes,
                                 bool subcodes, const std::string& by, const RetrievalFilter& filter);

// The attribute names in use and the values each takes, sorted.
std::map<std::string, std::vector<std::string>> attribute_values(const EvidenceTable& t);

// --- row details ---

struct RetrievalRow {
  Id coding = 0, doc = 0, code = 0, coder = 0;
  std::string document, source_type, date, code_path, coder_name, memo, speaker;
  store::Stance stance = store::Stance::neutral;
  int64_t start = 0, end = 0;
  int page = 0;               // from the page map (or the block's page); 0 when unknown
  int area_page = 0;          // an area coding (issue 24): the page of its rectangle; 0 for a text coding
  int paragraph = 0;          // 1-based block number; 0 when the coding starts outside every block
  std::string quote;          // the coded text
  std::string before, after;  // context: text around the quote inside its paragraph(s), cut at words
};

// Fills rows for hits, reading each document's text, blocks, pages and
// codings once and keeping the last few documents (the GUI asks for the
// visible rows every frame). `context_cp` bounds each side of the context.
class RowDescriber {
 public:
  RowDescriber(const store::Project& p, const EvidenceTable& t, int64_t context_cp = 160)
      : p_(p), t_(t), context_(context_cp) {}
  RetrievalRow describe(const Hit& h);
  std::vector<RetrievalRow> describe_all(const std::vector<Hit>& hits);

 private:
  struct DocData;
  const DocData& doc(int32_t d);
  const store::Project& p_;
  const EvidenceTable& t_;
  int64_t context_;
  std::map<int32_t, std::shared_ptr<DocData>> docs_;
  std::vector<int32_t> recent_;
};

}  // namespace telaah::analysis
