// Turning a project document into index passages, and writing them.
#pragma once
#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

#include "index/analyzer.h"
#include "index/source.h"

namespace telaah::index {

// Everything the index needs of one document, read in one go.
struct DocInput {
  DocMeta meta;
  std::string text;
  std::vector<text::Block> blocks;
  std::vector<DocCoding> codings;
};
std::optional<DocInput> read_document(ProjectSource& src, Id id);  // nullopt: deleted or absent

// "2013-05-02" -> "20130502", "2013-05" -> "20130500", "2013" -> "20130000", "" -> "".
std::string date_key(const std::string& date);
std::string passage_id_term(Id doc, size_t block);
std::string doc_term(Id doc);

// The passages of a document as Xapian documents, with their unique id terms.
struct Passage {
  std::string id_term;
  Xapian::Document doc;
};
void make_passages(const DocInput& in, Stemmers& stemmers, std::vector<Passage>& out, Vocabulary* vocab = nullptr);

// Writes a document's passages with replace_document (idempotent) and removes
// passages it no longer has. `fresh`: the database is being built from
// scratch, so plain add_document is enough.
// A document's passages are committed every this many characters of its text
// while it is written, so indexing one long document needs bounded memory.
inline constexpr size_t kDocumentFlushChars = 4u << 20;
void write_document(Xapian::WritableDatabase& db, const DocInput& in, Stemmers& stemmers, bool fresh = false,
                    Vocabulary* vocab = nullptr);
void delete_document(Xapian::WritableDatabase& db, Id doc);

}  // namespace telaah::index
