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
#include <map>
#include <string>
#include <vector>

#include "ingest/batch.h"
#include "ingest/news.h"
#include "store/project.h"
#include "ui/shell/tasks.h"

namespace telaah::ui {

// What the import dialog shows for one chosen file before anything is
// imported (preview_import, UI thread, reading only the file's beginning or
// first articles): a multi-article export's family and first articles, a
// table's first rows and the column picked for each role, or a single
// document's metadata (title, date read from its first lines, language
// detected from its words, source type), all editable.
struct ImportPreview {
  std::filesystem::path path;
  ingest::news::Family family = ingest::news::Family::none;
  std::vector<ingest::news::ArticleSummary> first;  // the first articles (title, date, outlet)
  ingest::news::TablePreview table;                 // tables: header and first rows
  std::map<std::string, std::string> mapping;       // tables: role -> column ("" = none)
  std::string mapping_key;                          // project setting that remembers it (import.mapping.<hash>)
  std::string title, date, language, source_type;   // single documents, editable
  std::string error;                                // why the preview could not be made
};

struct ImportRequest {
  std::vector<std::filesystem::path> paths;  // files or folders
  std::string source_type = "interview";
  std::string language;  // empty: from the file
  // One per chosen file when the dialog made them: multi-article exports are
  // split into articles, tables with the chosen mapping, single documents get
  // the previewed (and edited) title, date and language.
  std::vector<ImportPreview> previews;
};

// The previews of a request's files (first `articles` articles or rows); a
// remembered mapping (setting import.mapping.<hash of the header>) is used
// for a table with the same header.
std::vector<ImportPreview> preview_import(const store::Project* p, const std::vector<std::filesystem::path>& paths,
                                          size_t articles = 5);
// After the user picked other columns: the first articles again.
void refresh_preview(ImportPreview& pv, size_t articles = 5);
// The setting key for a table's header ("import.mapping." + hex hash).
std::string mapping_key(const std::vector<std::string>& header);

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
// Mappings the request used are remembered in the same action (project settings).
ImportOutcome commit_import(store::Project& p, std::vector<PreparedFile> files,
                            const std::vector<ImportPreview>& previews = {});

}  // namespace telaah::ui
