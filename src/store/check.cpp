// The project's integrity: SQLite's own check plus the model's invariants.
#include <SQLiteCpp/SQLiteCpp.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <vector>

#include "store/dictionaries.h"
#include "store/media.h"
#include "store/project.h"
#include "store/rating_citations.h"
#include "store/suggestions.h"
#include "store/util.h"
#include "text/utf8.h"

namespace telaah::store {

std::vector<std::string> Project::check() const {
  std::vector<std::string> problems;
  {
    SQLite::Statement q(*db_, "PRAGMA integrity_check");
    while (q.executeStep()) {
      std::string r = q.getColumn(0).getString();
      if (r != "ok") problems.push_back("SQLite: " + r);
    }
  }
  {
    SQLite::Statement q(*db_, "PRAGMA foreign_key_check");
    while (q.executeStep())
      problems.push_back("a row of " + q.getColumn(0).getString() + " points to a missing " +
                         q.getColumn(2).getString());
  }
  {
    SQLite::Statement q(*db_, "SELECT id, title, length_cp, text FROM documents");
    while (q.executeStep()) {
      const std::string title = q.getColumn(1).getString();
      const std::string body = q.getColumn(3).getString();
      if (auto bad = text::find_invalid_utf8(body)) {
        problems.push_back("document '" + title + "' (#" + std::to_string(q.getColumn(0).getInt64()) +
                           ") holds invalid UTF-8 at byte " + std::to_string(*bad));
        continue;
      }
      if (static_cast<int64_t>(text::count_code_points(body)) != q.getColumn(2).getInt64())
        problems.push_back("document '" + title + "' (#" + std::to_string(q.getColumn(0).getInt64()) +
                           ") has a wrong stored length");
    }
  }
  {
    SQLite::Statement q(*db_,
                        "SELECT c.id, d.title FROM codings c JOIN documents d ON d.id=c.doc_id "
                        "WHERE c.start < 0 OR c.end <= c.start OR c.end > d.length_cp");
    while (q.executeStep())
      problems.push_back("coding #" + std::to_string(q.getColumn(0).getInt64()) + " lies outside document '" +
                         q.getColumn(1).getString() + "'");
  }
  {
    SQLite::Statement q(*db_,
                        "SELECT k.name, d.title FROM case_members m JOIN cases k ON k.id=m.case_id JOIN documents d ON "
                        "d.id=m.doc_id WHERE m.end > d.length_cp");
    while (q.executeStep())
      problems.push_back("a part of document '" + q.getColumn(1).getString() + "' in case '" +
                         q.getColumn(0).getString() + "' lies outside the document");
  }
  {
    SQLite::Statement q(*db_,
                        "SELECT b.doc_id FROM blocks b JOIN documents d ON d.id=b.doc_id WHERE b.start < 0 OR b.end > "
                        "d.length_cp OR b.end < b.start LIMIT 5");
    while (q.executeStep())
      problems.push_back("a paragraph of document #" + std::to_string(q.getColumn(0).getInt64()) +
                         " lies outside its text");
  }
  {  // OCR word boxes (issue 24) tie offsets to the page: they must stay inside the text
    SQLite::Statement q(*db_,
                        "SELECT w.doc_id FROM word_boxes w JOIN documents d ON d.id=w.doc_id WHERE w.end > d.length_cp "
                        "GROUP BY w.doc_id LIMIT 5");
    while (q.executeStep())
      problems.push_back("a word box of document #" + std::to_string(q.getColumn(0).getInt64()) +
                         " lies outside its text");
  }
  check_rating_citations(*this, problems);  // ratings citing summary cells (issue 21)
  {                                         // the code tree: no cycles, sibling names unique
    SQLite::Statement q(*db_, "SELECT id, parent_id, name FROM codes");
    std::map<Id, std::optional<Id>> parent;
    std::map<Id, std::string> name;
    while (q.executeStep()) {
      const Id id = q.getColumn(0).getInt64();
      parent[id] = q.getColumn(1).isNull() ? std::nullopt : std::optional<Id>(q.getColumn(1).getInt64());
      name[id] = q.getColumn(2).getString();
    }
    // Each code's walk to the root stops at the first code seen twice; codes
    // already known to reach the root end a walk early (linear overall).
    std::set<Id> reaches_root;
    for (auto [id, p] : parent) {
      std::vector<Id> walked{id};
      std::set<Id> seen{id};
      std::optional<Id> repeated;
      for (auto cur = p; cur && !reaches_root.count(*cur); cur = parent.count(*cur) ? parent[*cur] : std::nullopt) {
        if (!seen.insert(*cur).second) {
          repeated = cur;
          break;
        }
        walked.push_back(*cur);
      }
      if (repeated && *repeated == id)  // a member of the cycle (codes below it are reported through it)
        problems.push_back("code '" + name[id] + "' (#" + std::to_string(id) +
                           ") is its own ancestor: the code tree is damaged there");
      else if (!repeated)
        reaches_root.insert(walked.begin(), walked.end());
    }
    SQLite::Statement d(*db_, "SELECT name FROM codes GROUP BY parent_id, name HAVING count(*) > 1");
    while (d.executeStep()) problems.push_back("two codes named '" + d.getColumn(0).getString() + "' at one level");
  }
  {  // every stored original is the file that was imported (its SHA-256 since import)
    SQLite::Statement q(*db_,
                        "SELECT d.id, d.title, d.sha256, d.original_size, o.bytes FROM documents d "
                        "JOIN originals o ON o.doc_id = d.id WHERE d.sha256 <> ''");
    while (q.executeStep()) {
      const auto col = q.getColumn(4);
      const std::string bytes(static_cast<const char*>(col.getBlob()), static_cast<size_t>(col.getBytes()));
      const std::string title = q.getColumn(1).getString();
      if (sha256_hex(bytes) != q.getColumn(2).getString() ||
          static_cast<int64_t>(bytes.size()) != q.getColumn(3).getInt64())
        problems.push_back("the original file of document '" + title + "' (#" +
                           std::to_string(q.getColumn(0).getInt64()) +
                           ") no longer matches its SHA-256 from the import: it is damaged");
    }
    SQLite::Statement m(*db_,
                        "SELECT d.id, d.title FROM documents d WHERE d.sha256 <> '' AND NOT EXISTS "
                        "(SELECT 1 FROM originals o WHERE o.doc_id = d.id)");
    while (m.executeStep())
      problems.push_back("the original file of document '" + m.getColumn(1).getString() + "' (#" +
                         std::to_string(m.getColumn(0).getInt64()) + ") is missing");
  }
  {  // document sets: a member is a live document (deleting one removes its memberships)
    SQLite::Statement q(*db_,
                        "SELECT s.name, m.doc_id FROM doc_set_members m JOIN doc_sets s ON s.id=m.set_id LEFT JOIN "
                        "documents d ON d.id=m.doc_id WHERE d.id IS NULL OR d.deleted<>0 ORDER BY m.id LIMIT 20");
    while (q.executeStep())
      problems.push_back("document set '" + q.getColumn(0).getString() + "' lists document #" +
                         std::to_string(q.getColumn(1).getInt64()) + ", which is deleted or missing");
  }
  {  // memos about a code or document that is gone
    SQLite::Statement q(*db_,
                        "SELECT m.id, m.kind FROM memos m WHERE (m.kind='code' AND NOT EXISTS (SELECT 1 FROM codes c "
                        "WHERE c.id=m.target_id)) "
                        "OR (m.kind='document' AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.id=m.target_id)) "
                        "OR m.kind NOT IN ('project','code','document')");
    while (q.executeStep())
      problems.push_back("memo #" + std::to_string(q.getColumn(0).getInt64()) + " is about a " +
                         q.getColumn(1).getString() + " that does not exist");
  }
  {  // the change log: known kinds and states, undo/redo rows point at actions, images parse
    SQLite::Statement q(
        *db_, "SELECT count(*) FROM change_log WHERE kind NOT IN ('do','undo','redo') OR state NOT IN (0,1,2)");
    q.executeStep();
    if (q.getColumn(0).getInt64() > 0) problems.push_back("the change log holds rows of an unknown kind or state");
    SQLite::Statement t(*db_,
                        "SELECT u.rev FROM change_log u WHERE u.kind IN ('undo','redo') AND NOT EXISTS "
                        "(SELECT 1 FROM change_log l WHERE l.rev=u.target AND l.kind='do')");
    while (t.executeStep())
      problems.push_back("change-log entry " + std::to_string(t.getColumn(0).getInt64()) +
                         " undoes or redoes an action that is not logged");
    SQLite::Statement c(*db_, "SELECT rev, changes, docs FROM change_log WHERE kind='do'");
    while (c.executeStep()) {
      try {
        auto ch = nlohmann::json::parse(c.getColumn(1).getString());
        auto docs = nlohmann::json::parse(c.getColumn(2).getString());
        if (!ch.is_array() || !docs.is_array()) throw std::runtime_error("not a list");
      } catch (const std::exception&) {
        problems.push_back("change-log entry " + std::to_string(c.getColumn(0).getInt64()) +
                           " cannot be read (undo past it is impossible)");
      }
    }
  }
  for (auto& r : check_rejections(*this)) problems.push_back(std::move(r));    // suggestions.h
  for (auto& r : check_dictionaries(*this)) problems.push_back(std::move(r));  // dictionaries.h
  check_media(*this, problems);                                                // media.h
  {                                                                            // the file says what it is
    if (db_->execAndGet("PRAGMA application_id").getInt() != kApplicationId)
      problems.push_back("the file does not carry the Telaah application id");
    if (db_->execAndGet("PRAGMA user_version").getInt() != kSchemaVersion)
      problems.push_back("the schema version is not " + std::to_string(kSchemaVersion));
  }
  return problems;
}

}  // namespace telaah::store
