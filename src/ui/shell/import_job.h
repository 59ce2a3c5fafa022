// Importing files without freezing the window.
//
// A Project is one SQLite connection with a per-object lock on the project
// file, so it must only be used from the UI thread. The import is split in
// two: prepare_import() reads, hashes and extracts every file on a worker
// thread without touching the project (the slow part: PDF, DOCX, encodings);
// commit_import() then runs on the UI thread, checks duplicates and source
// types against the project and adds all documents in ONE action (one undo
// step). Files that cannot be imported are skipped with their reason.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "ingest/batch.h"
#include "store/project.h"
#include "ui/shell/tasks.h"

namespace telaah::ui {

struct ImportRequest {
  std::vector<std::filesystem::path> paths;  // files or folders
  std::string source_type = "interview";
  std::string language;  // empty: from the file
};

struct PreparedFile {
  std::filesystem::path path;
  std::string sha256;
  store::NewDocument doc;
  std::string reason;  // non-empty: skipped, and why
  std::vector<std::string> notes;
  std::string format;                     // what the importer recognised (docx, odt, ...)
  std::vector<ingest::Comment> comments;  // reviewers' comments, kept as codings (ingest/comments.h)
};

struct ImportOutcome {
  std::vector<store::Id> ids;
  std::vector<std::pair<std::filesystem::path, std::string>> skipped;  // file, reason
  std::vector<std::string> notes;
};

// Worker thread: no project access. Honours progress.cancelled() between files
// (throws ingest::ImportError "import cancelled" then).
std::vector<PreparedFile> prepare_import(const ImportRequest& req, TaskProgress& progress);

// UI thread: duplicates (in the project and within the batch), unknown source
// types, then one action for everything that is left: the documents and
// their comments (codings of "Imported comments", as `telaah import` does).
ImportOutcome commit_import(store::Project& p, std::vector<PreparedFile> files);

}  // namespace telaah::ui
