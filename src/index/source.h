// Read-only access to a project file for indexing and searching.
//
// The index never goes through store::Project: a Project holds the project
// lock (one per process), and indexing runs on its own thread, which must
// not share an SQLite connection with the GUI. ProjectSource opens its own
// read-only connection to the same file (the project runs in WAL mode, so it
// reads a consistent snapshot while the owner writes). It reads the tables of
// the store schema (store/schema.cpp) directly; the schema version is checked.
#pragma once
#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/types.h"

namespace telaah::index {

using store::Id;

struct DocMeta {
  Id id = 0;
  std::string title, type, lang, date, author, outlet;
  int64_t length_cp = 0;
};

struct DocCoding {
  Id code = 0;
  int64_t start = 0, end = 0;
};

struct CodeInfo {
  Id id = 0;
  std::optional<Id> parent;
  std::string name, path;
  std::vector<std::string> aliases;
};

// A change-log row, reduced to what the index needs.
struct LoggedChange {
  int64_t rev = 0;
  std::vector<Id> docs;
  bool codebook = false;
};

class ProjectSource {
 public:
  // Throws NotFound / CorruptProject / UserError with a sentence to show.
  explicit ProjectSource(const std::filesystem::path& project);
  ~ProjectSource();

  const std::filesystem::path& path() const { return path_; }
  std::string project_id();
  int64_t revision();
  // The change-log row of `rev` as "at|kind|label" ("" for revision 0): two
  // projects with the same revision number but different histories differ here.
  std::string revision_stamp(int64_t rev);
  std::vector<LoggedChange> changes_since(int64_t rev);
  std::string setting(const std::string& key, const std::string& fallback = "");

  std::vector<Id> document_ids();          // not deleted, ascending
  std::optional<DocMeta> document(Id id);  // nullopt: deleted or absent
  std::string text(Id id);
  std::vector<text::Block> blocks(Id id);
  std::vector<DocCoding> codings(Id id);
  std::vector<CodeInfo> codes();  // tree order not guaranteed; path filled in
  std::vector<std::string> source_types();
  int64_t document_count();
  int64_t text_bytes();  // total UTF-8 size of the live documents' text

  // Holds one read transaction: everything read meanwhile is one snapshot.
  class Snapshot {
   public:
    explicit Snapshot(ProjectSource& s);
    ~Snapshot();
    Snapshot(const Snapshot&) = delete;
    Snapshot& operator=(const Snapshot&) = delete;

   private:
    ProjectSource& s_;
    bool open_ = false;
  };

  SQLite::Database& db() { return *db_; }

 private:
  std::filesystem::path path_;
  std::unique_ptr<SQLite::Database> db_;
  std::unique_ptr<SQLite::Statement> q_doc_, q_text_, q_blocks_, q_codings_;
};

}  // namespace telaah::index
