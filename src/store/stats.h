// Counts and per-document summaries read from the indexes, for the command
// line (`telaah info`, `telaah codes`) and the window's project cache: what
// they show without loading every document or coding.
//
// "Live" documents are the ones not deleted (deletion and the undo of an
// import only hide a document); codings of hidden documents do not count.
// The schema has no index on `documents.deleted`, so telling live from
// hidden documents is one pass over the documents table's rows (their small
// columns; never the texts' overflow pages). Codings are counted from the
// `codings_code` index, minus the few on hidden documents.
#pragma once
#include <cstdint>
#include <map>
#include <utility>
#include <vector>

#include "store/types.h"

namespace telaah::store {

class Project;

struct DocumentCounts {
  int64_t live = 0;
  std::map<Id, int64_t> by_type;  // source type id -> live documents (types without any are absent)
  std::vector<Id> hidden;         // deleted (or import undone) documents, by id
};
DocumentCounts document_counts(const Project& p);

// Codings of live documents per code id (codes without codings are absent);
// `hidden` from document_counts.
std::map<Id, int64_t> coding_counts_by_code(const Project& p, const std::vector<Id>& hidden);

struct ProjectCounts {
  DocumentCounts documents;
  std::map<Id, int64_t> codings_by_code;
  int64_t codings = 0;  // of live documents
  int64_t codes = 0;
};
ProjectCounts project_counts(const Project& p);

// For the window's cache: codings per (live document, code), grouped by
// document; `docs` (sorted or not) restricts it to those documents.
struct DocCodeCount {
  Id doc = 0, code = 0;
  int64_t n = 0;
};
std::vector<DocCodeCount> doc_code_counts(const Project& p, const std::vector<Id>* docs = nullptr);

// Attributes of documents (all rows, or those of `docs`), by document then name.
std::vector<std::pair<Id, Attribute>> doc_attributes(const Project& p, const std::vector<Id>* docs = nullptr);

}  // namespace telaah::store

namespace telaah::store {

// Rows of documents plus codings, estimated from the largest row ids (two
// index lookups, no scan): how large the project is, for deciding whether
// the window reads it on a worker. Deleted rows still count.
int64_t size_estimate(const Project& p);

}  // namespace telaah::store

namespace telaah::store {

// Codings of live documents per coder id (coders without codings are absent).
std::map<Id, int64_t> coding_counts_by_coder(const Project& p);

}  // namespace telaah::store
