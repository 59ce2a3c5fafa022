// `telaah import P NEWFILE --replaces DOC` and Document › Replace with a new
// version…: the new file extracted like any import, the codings carried by
// version_diff.h, the store's replace_document as one undoable action.
#pragma once
#include <filesystem>
#include <vector>

#include "ingest/importer.h"
#include "ingest/version_diff.h"
#include "store/project.h"

namespace telaah::ingest {

struct CarriedCoding {
  store::Id coding = 0;
  Span from, to;
  Carry how = Carry::unchanged;
};

struct ReplaceResult {
  int version = 0;  // the number the old version got
  std::vector<CarriedCoding> codings;
  std::vector<std::string> notes;
  size_t count(Carry c) const;
};

ReplaceResult replace_document(store::Project& p, store::Id doc, const std::filesystem::path& file,
                               const ImportOptions& opt);

// The same in two steps, for the window: prepare_version reads, extracts and
// diffs (slow: OCR, a large diff) on a worker's own snapshot of the project;
// commit_version writes it as one undoable action on the window's
// connection, refusing (ValidationError, nothing changed) when the document's
// codings are no longer those the diff was made for.
struct PreparedVersion {
  store::Id doc = 0;
  std::string title;
  store::NewDocument next;
  ReplaceResult result;  // version 0 until committed
  std::vector<store::MovedCoding> moved;
};
PreparedVersion prepare_version(const store::Project& p, store::Id doc, const std::filesystem::path& file,
                                const ImportOptions& opt);
ReplaceResult commit_version(store::Project& p, PreparedVersion v);

}  // namespace telaah::ingest
