// Document sets (see doc_sets.h).
#include "store/doc_sets.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "store/util.h"

namespace telaah::store {

namespace {

void check_name(const std::string& name) {
  require_text(name, "the name of a document set");
  if (is_blank(name)) throw ValidationError("a document set needs a name");
}

void check_free(const Project& p, const std::string& name, Id except) {
  SQLite::Statement q(p.db(), "SELECT id FROM doc_sets WHERE name=? AND id<>?");
  q.bind(1, name);
  q.bind(2, except);
  if (q.executeStep()) throw ValidationError("a document set named '" + name + "' exists already");
}

DocSet set_by_id(const Project& p, Id id) {
  SQLite::Statement q(
      p.db(),
      "SELECT s.id, s.name, s.memo, s.created, (SELECT count(*) FROM doc_set_members m JOIN documents d "
      "ON d.id=m.doc_id WHERE m.set_id=s.id AND d.deleted=0) FROM doc_sets s WHERE s.id=?");
  q.bind(1, id);
  if (!q.executeStep()) throw NotFound("no document set #" + std::to_string(id) + " in this project");
  return {q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(), q.getColumn(3).getString(),
          q.getColumn(4).getInt64()};
}

}  // namespace

std::vector<DocSet> doc_sets(const Project& p) {
  std::vector<DocSet> out;
  SQLite::Statement q(
      p.db(),
      "SELECT s.id, s.name, s.memo, s.created, (SELECT count(*) FROM doc_set_members m JOIN documents d "
      "ON d.id=m.doc_id WHERE m.set_id=s.id AND d.deleted=0) FROM doc_sets s ORDER BY s.name, s.id");
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                   q.getColumn(3).getString(), q.getColumn(4).getInt64()});
  return out;
}

DocSet doc_set(const Project& p, const std::string& name_or_id) {
  SQLite::Statement q(p.db(), "SELECT id FROM doc_sets WHERE name=?");
  q.bind(1, name_or_id);
  if (q.executeStep()) return set_by_id(p, q.getColumn(0).getInt64());
  if (auto id = parse_id(name_or_id)) return set_by_id(p, *id);
  throw NotFound("no document set '" + name_or_id + "' in this project (see 'telaah sets P list')");
}

Id create_doc_set(Project& p, const std::string& name) {
  check_name(name);
  check_free(p, name, 0);
  auto a = p.begin_action("Create document set " + name);
  const Id id = a.insert("doc_sets", {{"name", name}, {"memo", ""}, {"created", now_iso()}});
  a.commit();
  return id;
}

void rename_doc_set(Project& p, Id set, const std::string& name) {
  const DocSet s = set_by_id(p, set);
  check_name(name);
  check_free(p, name, set);
  if (s.name == name) return;
  auto a = p.begin_action("Rename document set " + s.name + " to " + name);
  a.update("doc_sets", set, {{"name", name}});
  a.commit();
}

void delete_doc_set(Project& p, Id set) {
  const DocSet s = set_by_id(p, set);
  std::vector<Id> rows;
  {
    SQLite::Statement q(p.db(), "SELECT id FROM doc_set_members WHERE set_id=? ORDER BY id");
    q.bind(1, set);
    while (q.executeStep()) rows.push_back(q.getColumn(0).getInt64());
  }
  auto a = p.begin_action("Delete document set " + s.name);
  for (Id r : rows) a.remove("doc_set_members", r);
  a.remove("doc_sets", set);
  a.commit();
}

int64_t add_to_doc_set(Project& p, Id set, const std::vector<Id>& docs) {
  const DocSet s = set_by_id(p, set);
  std::set<Id> have;
  {
    SQLite::Statement q(p.db(), "SELECT doc_id FROM doc_set_members WHERE set_id=?");
    q.bind(1, set);
    while (q.executeStep()) have.insert(q.getColumn(0).getInt64());
  }
  std::vector<Id> add;
  {
    SQLite::Statement q(p.db(), "SELECT 1 FROM documents WHERE id=? AND deleted=0");
    for (Id d : std::set<Id>(docs.begin(), docs.end())) {
      q.bind(1, d);
      const bool live = q.executeStep();
      q.reset();
      if (!live) throw NotFound("no document #" + std::to_string(d) + " in this project");
      if (!have.count(d)) add.push_back(d);
    }
  }
  if (add.empty()) return 0;
  auto a = p.begin_action("Add " + std::to_string(add.size()) + (add.size() == 1 ? " document" : " documents") +
                          " to set " + s.name);
  for (Id d : add) a.insert("doc_set_members", {{"set_id", set}, {"doc_id", d}});
  a.commit();
  return static_cast<int64_t>(add.size());
}

int64_t remove_from_doc_set(Project& p, Id set, const std::vector<Id>& docs) {
  const DocSet s = set_by_id(p, set);
  std::vector<Id> rows;
  {
    SQLite::Statement q(p.db(), "SELECT id FROM doc_set_members WHERE set_id=? AND doc_id=?");
    for (Id d : std::set<Id>(docs.begin(), docs.end())) {
      q.bind(1, set);
      q.bind(2, d);
      if (q.executeStep()) rows.push_back(q.getColumn(0).getInt64());
      q.reset();
    }
  }
  if (rows.empty()) return 0;
  auto a = p.begin_action("Remove " + std::to_string(rows.size()) + (rows.size() == 1 ? " document" : " documents") +
                          " from set " + s.name);
  for (Id r : rows) a.remove("doc_set_members", r);
  a.commit();
  return static_cast<int64_t>(rows.size());
}

std::vector<Id> doc_set_members(const Project& p, Id set) {
  set_by_id(p, set);
  std::vector<Id> out;
  SQLite::Statement q(p.db(),
                      "SELECT m.doc_id FROM doc_set_members m JOIN documents d ON d.id=m.doc_id WHERE m.set_id=? AND "
                      "d.deleted=0 ORDER BY m.doc_id");
  q.bind(1, set);
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

}  // namespace telaah::store
