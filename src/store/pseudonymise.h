// Pseudonymisation: replace informants' names by roles across a set of
// documents as ONE undoable action.
//
// Inside each chosen document it rewrites the text, the title, speaker
// labels, attribute values, the document's memos and the memos of its
// codings. Every position that points into the text (codings, paragraphs,
// pages) is shifted so that each coding covers the same words as before,
// with the names inside it replaced. A coding that starts or ends inside a
// name is widened to the whole role.
//
// Matching is on whole words: "Budi" does not match inside "Budiman".
// Longer names win over shorter ones at the same place ("Budi Santoso"
// before "Budi"). What it cannot reach (the stored original files, the undo
// history, backups, the search index until it is rebuilt) is listed in
// docs/data-protection.md.
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "store/types.h"

namespace telaah::store {

class Project;

struct Replacement {
  std::string name, role;
};

// "Name=Role" (the last '=' separates; "Name\=x=Role" is not supported:
// names with '=' are rare enough to refuse). Throws ValidationError.
Replacement parse_replacement(const std::string& spec);

struct PseudonymiseOptions {
  std::vector<Id> docs;      // empty: every document of the project, deleted ones too
  bool ignore_case = false;  // "BUDI:" matches "Budi" (simple Unicode case folding)
  bool dry_run = false;      // count only, change nothing
};

struct PseudonymiseDocReport {
  Id id = 0;
  std::string title;                // before
  std::map<std::string, int> hits;  // name -> occurrences in the text
  int other_hits = 0;               // in title, speakers, attributes, memos
  int codings_shifted = 0;
  bool deleted = false;
};

struct PseudonymiseReport {
  std::vector<PseudonymiseDocReport> docs;  // documents with at least one occurrence
  int64_t total = 0;                        // all occurrences replaced (or found, in a dry run)
  int64_t revision = 0;                     // the action's revision; 0 for a dry run or no change
};

PseudonymiseReport pseudonymise(Project& p, const std::vector<Replacement>& repl, const PseudonymiseOptions& opt = {});

// --- the text rewrite, exposed for tests ---

struct NameEdit {
  int64_t start = 0, end = 0;  // the name in the old text (code points)
  int64_t role_len = 0;        // code points of the role that replaces it
  size_t which = 0;            // index into the replacement list
};

struct Rewrite {
  std::string text;
  std::vector<NameEdit> edits;  // in text order, not overlapping
  // Maps an old position to the new text; a start inside a name moves to the
  // start of its role, an end inside a name to the end of its role.
  int64_t map_start(int64_t p) const;
  int64_t map_end(int64_t p) const;

 private:
  friend Rewrite rewrite_names(std::string_view, const std::vector<Replacement>&, bool);
  std::vector<int64_t> shift_before_;  // total length change of edits [0, i)
  int64_t map(int64_t p, bool end) const;
};

// Replacements must be NFC, non-empty, valid UTF-8 (pseudonymise() checks).
Rewrite rewrite_names(std::string_view text, const std::vector<Replacement>& repl, bool ignore_case);

}  // namespace telaah::store
