// The evidence table: every coding of a project in compact columnar vectors,
// with the documents, codes, coders and source types they refer to, loaded
// from SQLite once and refreshed from the change log when the project's
// revision moves on. Triangulation, retrieval, co-occurrence and intercoder
// agreement are pure functions over it: SQLite stays the durable store, this
// is the fast read side (1M codings aggregate in milliseconds, not seconds).
//
// Dense indices: documents, codes, coders and source types get a small
// integer index in the order they are first seen. An index is never reused or
// moved, so rows and caches stay valid across refreshes; deleted documents
// and codes keep their slot with live = false.
//
// Rows (codings) are kept sorted by (document, start, end, coding id): rows of
// one document are contiguous, which makes distinct-document counts a single
// pass and overlap queries a sweep.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "store/types.h"

namespace telaah::store {
class Project;
}

namespace telaah::analysis {

using store::Id;

// Strings <-> small ids (attribute values, languages, authors).
class Interner {
 public:
  int32_t intern(std::string_view s);
  int32_t find(std::string_view s) const;  // -1 when unknown
  const std::string& name(int32_t id) const { return names_[static_cast<size_t>(id)]; }
  size_t size() const { return names_.size(); }

 private:
  std::vector<std::string> names_;
  std::unordered_map<std::string, int32_t> ids_;
};

// A date as a sortable integer: YYYYMMDD, with 00 for a missing month or day
// ("2013" -> 20130000, "2013-05" -> 20130500); 0 when there is no date.
int32_t date_key(std::string_view date);
// The inclusive range a period given as YYYY, YYYY-MM or YYYY-MM-DD covers:
// "2013" -> [20130000, 20139999]. Throws ValidationError on a malformed date.
std::pair<int32_t, int32_t> date_range(std::string_view period);

class EvidenceTable {
 public:
  // --- rows: one per coding of a live document, sorted by (doc, start, end, id) ---
  std::vector<Id> row_id;                   // the coding's id
  std::vector<int32_t> row_doc;             // dense document index
  std::vector<int32_t> row_code;            // dense code index (the code as coded)
  std::vector<int32_t> row_coder;           // dense coder index
  std::vector<int64_t> row_start, row_end;  // code points
  std::vector<store::Stance> row_stance;

  // --- documents (dense) ---
  std::vector<Id> doc_id;
  std::vector<bool> doc_live;                     // false: deleted (its codings are not rows)
  std::vector<int32_t> doc_type;                  // dense source type index
  std::vector<int32_t> doc_date;                  // date_key(date)
  std::vector<int32_t> doc_language, doc_author;  // ids in `strings`
  std::vector<std::string> doc_title;
  // Document attributes: attr_values[a][doc] is the value's id in `strings`, -1 when unset.
  Interner attr_names;
  std::vector<std::vector<int32_t>> attr_values;
  Interner strings;
  // Recorded near-duplicate groups (status 'duplicates'): doc_group[doc] is
  // the group's database id, 0 when the document is in none.
  std::vector<Id> doc_group;

  // --- codes (dense) ---
  std::vector<Id> code_id;
  std::vector<bool> code_live;
  std::vector<int32_t> code_parent;  // dense, -1 for a top-level code
  std::vector<store::CodeKind> code_kind;
  std::vector<std::string> code_name;
  std::vector<std::vector<std::string>> code_aliases;
  // Sub-code roll-up: the nearest ancestor-or-self of kind indicator, or the
  // code itself when it is not inside an indicator.
  std::vector<int32_t> code_rollup;
  std::vector<int32_t> code_order;  // live codes, depth-first in tree order

  // --- coders and source types (dense) ---
  std::vector<Id> coder_id;
  std::vector<std::string> coder_name;
  std::vector<Id> type_id;
  std::vector<std::string> type_name;
  std::vector<int32_t> type_order;  // source types in display order (ord, id)

  // Loads everything; one query for all codings.
  static EvidenceTable load(const store::Project& p);
  // Brings the table up to the project's revision: replays the change log
  // (documents touched, codebook changed) and reloads only what it names;
  // falls back to a full load for very large changes. Returns false when the
  // table was already current.
  bool refresh(const store::Project& p);
  int64_t revision() const { return revision_; }

  size_t size() const { return row_id.size(); }
  size_t doc_count() const { return doc_id.size(); }
  size_t code_count() const { return code_id.size(); }

  // Lookups from database ids (-1 when unknown).
  int32_t doc_index(Id id) const;
  int32_t code_index(Id id) const;
  int32_t coder_index(const std::string& name) const;
  int32_t type_index(const std::string& name) const;
  // Row range [first, last) of one document's codings.
  std::pair<size_t, size_t> doc_rows(int32_t doc) const;
  // The code's path in the tree ("Output/Trade goals reached").
  std::string code_path(int32_t code) const;
  // Dense indices of a code and all its (live) descendants.
  std::vector<int32_t> code_subtree(int32_t code) const;
  // A copy holding only the rows with keep[row] != 0 (same dense indices; cases.cpp).
  EvidenceTable only_rows(const std::vector<char>& keep) const;

 private:
  void load_meta(const store::Project& p);  // codes, coders, source types
  void load_documents(const store::Project& p, const std::vector<Id>* only);
  void load_duplicate_groups(const store::Project& p);  // small: read afresh on every refresh
  void load_rows(const store::Project& p, const std::vector<Id>* only, bool replace);
  int32_t add_doc_slot(Id id);
  int32_t add_code_slot(Id id);
  void sort_rows(size_t from);
  void rebuild_doc_ranges();

  int64_t revision_ = 0;
  std::unordered_map<Id, int32_t> doc_index_, code_index_;
  std::vector<uint32_t> doc_first_;  // doc_first_[d]..doc_first_[d+1]: rows of d
};

}  // namespace telaah::analysis
