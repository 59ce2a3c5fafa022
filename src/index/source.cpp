// Read-only access to a project file (see source.h).
#include "index/source.h"

#include <sqlite3.h>

#include <functional>
#include <map>
#include <nlohmann/json.hpp>

#include "store/errors.h"
#include "store/project.h"
#include "store/reader.h"

namespace fs = std::filesystem;

namespace telaah::index {

ProjectSource::ProjectSource(const fs::path& project) : path_(project) {
  std::error_code ec;
  if (!fs::exists(project, ec)) throw NotFound("no project at " + project.string());
  try {
    db_ = store::open_reader(project);  // triggers and views off; works on read-only media
    int version = db_->execAndGet("PRAGMA user_version").getInt();
    if (version != store::kSchemaVersion)
      throw UserError(project.string() + " has project schema " + std::to_string(version) +
                      "; this search index reads schema " + std::to_string(store::kSchemaVersion) +
                      " (open the project once in Telaah to upgrade it)");
    q_doc_ = std::make_unique<SQLite::Statement>(
        *db_,
        "SELECT d.id, d.title, s.name, d.language, d.date, d.author, d.length_cp, "
        "(SELECT value FROM attributes a WHERE a.doc_id=d.id AND lower(a.name)='outlet') "
        "FROM documents d JOIN source_types s ON s.id=d.source_type_id WHERE d.id=? AND d.deleted=0");
    q_text_ = std::make_unique<SQLite::Statement>(*db_, "SELECT text FROM documents WHERE id=? AND deleted=0");
    q_blocks_ = std::make_unique<SQLite::Statement>(
        *db_, "SELECT start, end, kind, speaker, page FROM blocks WHERE doc_id=? ORDER BY start, id");
    q_codings_ = std::make_unique<SQLite::Statement>(
        *db_, "SELECT code_id, start, end FROM codings WHERE doc_id=? ORDER BY start, id");
  } catch (const SQLite::Exception& e) {
    if (e.getErrorCode() == SQLITE_NOTADB || e.getErrorCode() == SQLITE_CORRUPT)
      throw CorruptProject(project.string() + " is damaged or not a Telaah project (" + e.what() + ")");
    throw UserError("cannot read " + project.string() + ": " + e.what());
  }
}

ProjectSource::~ProjectSource() = default;

ProjectSource::Snapshot::Snapshot(ProjectSource& s) : s_(s) {
  s_.db_->exec("BEGIN");
  // The snapshot starts at the first read, not at BEGIN.
  s_.db_->execAndGet("SELECT count(*) FROM meta");
  open_ = true;
}

ProjectSource::Snapshot::~Snapshot() {
  if (!open_) return;
  try {
    s_.db_->exec("COMMIT");
  } catch (const std::exception&) {
  }
}

std::string ProjectSource::project_id() {
  return db_->execAndGet("SELECT value FROM meta WHERE key='project_id'").getString();
}

int64_t ProjectSource::revision() {
  return db_->execAndGet("SELECT coalesce(max(rev), 0) FROM change_log").getInt64();
}

std::string ProjectSource::revision_stamp(int64_t rev) {
  SQLite::Statement q(*db_, "SELECT at, kind, target, label FROM change_log WHERE rev=?");
  q.bind(1, rev);
  if (!q.executeStep()) return {};
  return q.getColumn(0).getString() + "|" + q.getColumn(1).getString() + "|" + q.getColumn(2).getString() + "|" +
         q.getColumn(3).getString();
}

std::vector<LoggedChange> ProjectSource::changes_since(int64_t rev) {
  std::vector<LoggedChange> out;
  SQLite::Statement q(*db_, "SELECT rev, docs, codebook FROM change_log WHERE rev > ? ORDER BY rev");
  q.bind(1, rev);
  while (q.executeStep()) {
    LoggedChange c;
    c.rev = q.getColumn(0).getInt64();
    try {
      c.docs = nlohmann::json::parse(q.getColumn(1).getString()).get<std::vector<Id>>();
    } catch (const std::exception&) {
      throw CorruptProject(path_.string() + ": change " + std::to_string(c.rev) + " has an unreadable document list");
    }
    c.codebook = q.getColumn(2).getInt() != 0;
    out.push_back(std::move(c));
  }
  return out;
}

std::string ProjectSource::setting(const std::string& key, const std::string& fallback) {
  SQLite::Statement q(*db_, "SELECT value FROM settings WHERE key=?");
  q.bind(1, key);
  return q.executeStep() ? q.getColumn(0).getString() : fallback;
}

std::vector<Id> ProjectSource::document_ids() {
  std::vector<Id> out;
  SQLite::Statement q(*db_, "SELECT id FROM documents WHERE deleted=0 ORDER BY id");
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

int64_t ProjectSource::document_count() {
  return db_->execAndGet("SELECT count(*) FROM documents WHERE deleted=0").getInt64();
}

int64_t ProjectSource::text_bytes() {
  return db_->execAndGet("SELECT coalesce(sum(length(CAST(text AS BLOB))), 0) FROM documents WHERE deleted=0")
      .getInt64();
}

std::optional<DocMeta> ProjectSource::document(Id id) {
  auto& q = *q_doc_;
  q.reset();
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  DocMeta d;
  d.id = q.getColumn(0).getInt64();
  d.title = q.getColumn(1).getString();
  d.type = q.getColumn(2).getString();
  d.lang = q.getColumn(3).getString();
  d.date = q.getColumn(4).getString();
  d.author = q.getColumn(5).getString();
  d.length_cp = q.getColumn(6).getInt64();
  d.outlet = q.getColumn(7).isNull() ? "" : q.getColumn(7).getString();
  q.reset();
  return d;
}

std::string ProjectSource::text(Id id) {
  auto& q = *q_text_;
  q.reset();
  q.bind(1, id);
  if (!q.executeStep()) throw NotFound("no document #" + std::to_string(id) + " in this project");
  std::string t = q.getColumn(0).getString();
  q.reset();
  return t;
}

std::vector<text::Block> ProjectSource::blocks(Id id) {
  auto& q = *q_blocks_;
  q.reset();
  q.bind(1, id);
  std::vector<text::Block> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getString(),
                   q.getColumn(3).getString(), q.getColumn(4).getInt()});
  q.reset();
  return out;
}

std::vector<DocCoding> ProjectSource::codings(Id id) {
  auto& q = *q_codings_;
  q.reset();
  q.bind(1, id);
  std::vector<DocCoding> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getInt64()});
  q.reset();
  return out;
}

std::vector<CodeInfo> ProjectSource::codes() {
  std::vector<CodeInfo> out;
  SQLite::Statement q(*db_, "SELECT id, parent_id, name, aliases FROM codes ORDER BY ord, id");
  while (q.executeStep()) {
    CodeInfo c;
    c.id = q.getColumn(0).getInt64();
    if (!q.getColumn(1).isNull()) c.parent = q.getColumn(1).getInt64();
    c.name = q.getColumn(2).getString();
    try {
      c.aliases = nlohmann::json::parse(q.getColumn(3).getString()).get<std::vector<std::string>>();
    } catch (const std::exception&) {
    }
    out.push_back(std::move(c));
  }
  std::map<Id, const CodeInfo*> by_id;
  for (const auto& c : out) by_id[c.id] = &c;
  for (auto& c : out) {
    std::string path = c.name;
    std::optional<Id> p = c.parent;
    for (int guard = 0; p && guard < 64; ++guard) {
      auto it = by_id.find(*p);
      if (it == by_id.end()) break;
      path = it->second->name + "/" + path;
      p = it->second->parent;
    }
    c.path = path;
  }
  return out;
}

std::vector<std::string> ProjectSource::source_types() {
  std::vector<std::string> out;
  SQLite::Statement q(*db_, "SELECT name FROM source_types ORDER BY ord, id");
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

}  // namespace telaah::index
