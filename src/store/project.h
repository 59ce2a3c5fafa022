// The project: one SQLite file NAME.telaah holding documents, codebook,
// codings, memos, coders, settings and an append-only change log.
//
// Every user-level action is one SQLite transaction and one change-log row
// (a new project revision). Undo and redo replay the row images recorded in
// the log, so they work for every action, unlimited, even across sessions.
// All validation lives here; errors are typed (store/errors.h).
#pragma once
#include <filesystem>
#include <functional>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "store/errors.h"
#include "store/types.h"

namespace SQLite {
class Database;
}
struct sqlite3;

namespace telaah::store {

inline constexpr int kSchemaVersion = 7;
inline constexpr const char* kProjectExtension = ".telaah";
// PRAGMA application_id of a project file ("TLAH"): tells a Telaah project
// from any other SQLite database.
inline constexpr int32_t kApplicationId = 0x544C4148;

struct OpenOptions {
  bool create = false;  // create a new project (the file must not exist)
  // PRAGMA quick_check before use. Skipped when the lock file vouches that
  // Telaah itself closed this very file cleanly (same inode, size and mtime,
  // no WAL left): opening a project does not read every text. A file from
  // elsewhere, or one left by a crash, is always checked.
  bool verify = true;
  std::string coder;              // the session's coder; default: setting default_coder, then $USER
  bool default_codebook = false;  // create: start with the evaluation-framework template (template.h)
  bool always_verify = false;     // quick_check even when the lock file vouches for the file
};

class ActionScope;

struct CodingFilter {
  std::optional<Id> doc;
  std::vector<Id> codes;  // exact code ids (expand sub-codes with code_descendants)
  std::optional<std::string> source_type;
  std::optional<Id> coder;
  std::optional<Stance> stance;
};

class Project {
 public:
  static std::unique_ptr<Project> create(const std::filesystem::path& file, const OpenOptions& opt = {});
  static std::unique_ptr<Project> open(const std::filesystem::path& file, const OpenOptions& opt = {});
  // A read-only connection for a worker thread (reader.cpp): no lock, no check,
  // no migration, no writes; one read transaction, so every read sees the
  // project as committed when it opened, whatever the window writes meanwhile.
  static std::unique_ptr<Project> open_snapshot(const std::filesystem::path& file);
  ~Project();
  Project(const Project&) = delete;
  Project& operator=(const Project&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // What opening found and did that the user should hear about (a -wal that
  // did not belong to the project, moved aside). Shown by the CLI and the GUI.
  const std::vector<std::string>& notices() const { return notices_; }
  // Opened read-only: the file or its folder is not writable (read-only media,
  // permissions). Reading works; every change fails with a UserError.
  bool read_only() const { return read_only_; }
  // Whether open() ran quick_check (false when the lock file vouched for the file).
  bool checked_on_open() const { return checked_on_open_; }
  std::string project_id() const;
  int64_t revision() const;
  SQLite::Database& db() const { return *db_; }

  // --- coders ---
  void set_coder(const std::string& name);  // the session's coder (created on first action)
  const std::string& coder() const { return coder_; }
  std::vector<Coder> coders() const;
  std::optional<Id> find_coder(const std::string& name) const;
  Id ensure_coder(const std::string& name);  // joins the current action

  // --- source types ---
  std::vector<SourceType> source_types() const;
  Id add_source_type(const std::string& name, const std::string& colour = "#888888");
  Id source_type_id(const std::string& name) const;  // throws NotFound

  // --- documents ---
  Id add_document(const NewDocument& d);
  std::vector<Id> add_documents(const std::vector<NewDocument>& docs, const std::string& label);
  std::vector<Document> documents() const;  // not deleted, by id
  // A page of documents() (limit < 0: to the end), optionally of one source type (by name).
  std::vector<Document> documents_page(int64_t limit, int64_t offset = 0, const std::string& source_type = "") const;
  std::vector<Document> documents(const std::vector<Id>& ids) const;  // the live ones among `ids`, by id
  Document document(Id id) const;
  std::string text(Id id) const;
  std::vector<text::Block> blocks(Id id) const;
  std::vector<Page> pages(Id id) const;
  std::vector<WordBox> word_boxes(Id id) const;  // by start (word_boxes.cpp)
  // A new version of a document (versions.cpp), one undoable action: the old
  // text kept in document_versions, the document's text, file name, blocks,
  // pages and word boxes replaced by `d`'s, each coding moved to its span in
  // `moved` (every coding of the document must be there). Returns the number
  // the old version got (1, 2, ...).
  int replace_document(Id doc, const NewDocument& d, const std::vector<MovedCoding>& moved, const std::string& label);
  std::vector<DocumentVersion> document_versions(Id doc) const;  // oldest first
  // Area codings (areas.cpp): a coding of a rectangle on a page, one undoable
  // action. Its text span (what retrieval, evidence and the report quote) is
  // the words whose box centre lies in the rectangle (word_boxes), else the
  // first character of the page. remove_coding removes the area with it.
  Id add_area_coding(const Coding& c, const CodingArea& area);
  std::optional<CodingArea> coding_area(Id coding) const;
  std::vector<CodingArea> coding_areas(Id doc) const;
  std::string version_text(Id doc, int version) const;
  std::vector<Attribute> attributes(Id id) const;
  std::string original_bytes(Id id) const;
  void rename_document(Id id, const std::string& title);
  void set_document_field(Id id, const std::string& field,
                          const std::string& value);  // language|date|author|source_type
  void set_attribute(Id doc, const Attribute& a);
  void remove_attribute(Id doc, const std::string& name);
  void delete_document(Id id);
  std::optional<Id> find_document_by_sha256(const std::string& sha) const;
  Id resolve_document(const std::string& ref) const;  // id, exact title or original file name

  // --- codebook ---
  std::vector<Code> codes() const;  // depth-first in tree order
  Code code(Id id) const;
  Id add_code(const Code& c);
  // Many codes in one action (an import): parent_index[i] >= 0 makes cs[i] a
  // child of cs[parent_index[i]] (earlier in cs); sibling names are checked in
  // memory, so 30,000 codes under one parent take linear time.
  std::vector<Id> add_codes(std::vector<Code> cs, const std::vector<int>& parent_index);
  void edit_code(const Code& c);  // name, colour, definition, inclusion, exclusion, example, kind, aliases
  void move_code(Id id, std::optional<Id> new_parent, int new_ord);
  void merge_codes(Id from, Id into);                    // codings of `from` (and its sub-codes stay) move to `into`
  void delete_code(Id id);                               // with its sub-codes and all their codings
  Id resolve_code(const std::string& path_or_id) const;  // "Input/Legal infrastructure", a unique name, or an id
  std::string code_path(Id id) const;
  std::vector<Id> code_descendants(Id id) const;           // id itself first
  std::vector<Id> load_codebook(const nlohmann::json& j);  // {"codes":[{name, children:[...]}]}; merges by path
  int64_t coding_count(Id code) const;

  // --- codings ---
  Id add_coding(const Coding& c);  // coder = session coder when c.coder == 0
  std::vector<Id> add_codings(const std::vector<Coding>& cs, const std::string& label);
  void remove_coding(Id id);
  void set_stance(Id id, Stance s);
  void set_coding_memo(Id id, const std::string& memo);
  void set_coding_span(Id id, int64_t start, int64_t end);
  Coding coding(Id id) const;
  std::vector<Coding> codings(const CodingFilter& f = {}) const;  // by document, then start
  // codings(f) one at a time, without holding the list (a million rows at 100k documents).
  void for_each_coding(const CodingFilter& f, const std::function<void(const Coding&)>& fn) const;

  // --- memos ---
  Id add_memo(const std::string& kind, Id target, const std::string& title, const std::string& body);
  void edit_memo(Id id, const std::string& title, const std::string& body);
  void delete_memo(Id id);
  std::vector<Memo> memos(const std::string& kind = "", std::optional<Id> target = std::nullopt) const;

  // --- settings ---
  std::string setting(const std::string& key, const std::string& fallback = "") const;
  void set_setting(const std::string& key, const std::string& value);

  // --- undo / redo and the change log ---
  bool can_undo() const;
  bool can_redo() const;
  std::optional<std::string> undo_label() const;
  std::optional<std::string> redo_label() const;
  std::string undo();  // returns the label of the action undone; throws UserError when nothing to undo
  std::string redo();
  std::vector<Change> changes_since(int64_t rev) const;

  // --- integrity: SQLite integrity_check plus the model's invariants ---
  std::vector<std::string> check() const;

  // Groups several model calls into one user-level action (one transaction,
  // one change-log row, one undo step). Model calls made while a scope is
  // open join it (as a savepoint: a call that fails undoes only its own
  // part). Commit explicitly; destruction without commit rolls back.
  ActionScope begin_action(const std::string& label);
  ActionScope* current_action() const { return current_; }

  // Listeners run after each commit (undo/redo included) with the new revision.
  void on_commit(std::function<void(int64_t)> f) { listeners_.push_back(std::move(f)); }

 private:
  friend class ActionScope;
  Project() = default;
  void open_db(bool create, const OpenOptions& opt);
  void acquire_lock();
  void release_lock();
  void identify();                 // a Telaah project this build can read, or CorruptProject / NewerProject
  void check_schema(int version);  // exactly the objects our schema makes, or CorruptProject
  void guard_side_files(const std::string& lock_said);  // a foreign -wal/-journal is moved aside
  void remove_stale_temps();
  void write_lock_state(bool durable);
  static int wal_hook(void* self, ::sqlite3* db, const char* name, int frames);
  void mark_checkpoint();
  void migrate(bool create);
  Id insert_document_rows(const NewDocument& d);
  void insert_word_boxes(Id id, const std::vector<WordBox>& boxes, int64_t len);  // word_boxes.cpp
  void apply_images(const nlohmann::json& changes, bool forward);
  std::string replay(bool undo);
  void notify(int64_t rev);

  std::filesystem::path path_;
  std::unique_ptr<SQLite::Database> db_;
  std::string coder_;
  int lock_fd_ = -1;
  bool vouched_ = false;          // the lock file says Telaah closed this file cleanly
  bool checked_on_open_ = false;  // quick_check ran
  bool healthy_ = false;          // opened, checked or vouched for: may vouch on close
  bool read_only_ = false;
  std::string lock_before_;  // the lock file's content when we took it (put back when the file is refused)
  std::string wal_record_;   // the lock file's record of this session's WAL (wal_guard.h), or empty
  std::vector<std::string> notices_;
  ActionScope* current_ = nullptr;
  std::vector<std::function<void(int64_t)>> listeners_;
};

// One open user-level action. Row helpers record before/after images.
class ActionScope {
 public:
  ActionScope(Project& p, std::string label);
  ActionScope(ActionScope&& o) noexcept;
  ActionScope& operator=(ActionScope&&) = delete;
  ~ActionScope();

  Id insert(const std::string& table, const nlohmann::json& row);            // logged
  void update(const std::string& table, Id id, const nlohmann::json& cols);  // logged (changed columns only)
  void remove(const std::string& table, Id id);                              // logged (whole row)
  void touch_doc(Id doc);
  void touch_codebook();
  void set_label(const std::string& label);
  int64_t commit();  // returns the new revision
  bool active() const { return active_; }

 private:
  Project* p_;
  std::string label_;
  std::unique_ptr<nlohmann::json> changes_;
  std::vector<Id> docs_;
  bool codebook_ = false;
  bool active_ = true;
  bool outer_ = true;  // false when joined into an enclosing scope (a savepoint in its transaction)
  void* tx_ = nullptr;
  // A joined scope that fails rolls back to its savepoint and forgets what it
  // logged, so the enclosing action can carry on (or commit) without it.
  size_t mark_changes_ = 0, mark_docs_ = 0;
  bool mark_codebook_ = false;
};

// Current time as ISO 8601 UTC ("2026-11-28T10:15:00Z").
std::string now_iso();

}  // namespace telaah::store
