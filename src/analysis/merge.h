// Merging a colleague's work: the codings of another project (a copy of this
// one that someone else coded, or any project with the same documents) are
// brought into this project as ONE undoable action.
//
// Documents are matched by content: the SHA-256 of the original file, and
// the text itself must be identical (codings are code-point offsets into it).
// Codes are matched by id when both projects descend from the same project
// (same project_id: one is a copy of the other), else by path. A coding
// already present (same document, span, code and coder) is skipped.
// Whatever cannot be merged is listed as a conflict, never silently dropped.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "store/types.h"

namespace telaah::store {
class Project;
}

namespace telaah::analysis {

using store::Id;

struct MergeOptions {
  std::string only_coder;     // merge only this coder's codings of the other project ("" = all)
  std::string as_coder;       // attribute every merged coding to this coder ("" = the same name)
  bool create_codes = false;  // codes missing here are created (with their parents), else reported
  bool dry_run = false;       // plan and report, change nothing
};

struct MergeConflict {
  enum Kind { document_missing, text_differs, code_missing, code_renamed, coder_clash, coder_missing } kind;
  std::string message;  // one sentence for the researcher
  int64_t codings = 0;  // codings of the other project it concerns
};
const char* to_string(MergeConflict::Kind k);

struct MergeReport {
  std::filesystem::path other;
  bool same_lineage = false;  // the other project is a copy of this one
  int64_t considered = 0;     // codings of the other project looked at
  int64_t added = 0;          // codings added here
  int64_t duplicates = 0;     // already present, skipped
  int64_t skipped = 0;        // not merged because of a conflict
  int64_t documents_matched = 0;
  std::vector<std::string> codes_created;  // paths
  std::vector<std::string> coders_added;
  std::vector<MergeConflict> conflicts;
  int64_t revision = 0;  // of this project after the merge (unchanged for a dry run or nothing to add)
  std::string label;     // the undo label
};

// `other` is opened (and locked) for reading only; it is never written.
MergeReport merge_project(store::Project& p, const std::filesystem::path& other, const MergeOptions& opt = {});
// The same with an already open other project.
MergeReport merge_project(store::Project& p, const store::Project& other, const MergeOptions& opt = {});

}  // namespace telaah::analysis
