// Reviewed near-duplicate groups (see duplicates.h).
#include "store/duplicates.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "store/util.h"

namespace telaah::store {

namespace {

std::vector<Id> live_distinct(const Project& p, const std::vector<Id>& docs) {
  std::set<Id> seen;
  for (Id d : docs) {
    if (!seen.insert(d).second) continue;
    p.document(d);  // NotFound for an unknown document
  }
  std::vector<Id> out(seen.begin(), seen.end());
  if (out.size() < 2) throw ValidationError("a duplicate decision needs two or more different documents");
  return out;
}

void require_similarity(double s) {
  if (!std::isfinite(s) || s < 0 || s > 1) throw ValidationError("similarity must be between 0 and 1");
}

// Members of 'duplicates' groups holding any of `docs`: (member row id, group id, doc id).
struct MemberRow {
  Id row = 0, group = 0, doc = 0;
};
std::vector<MemberRow> rows_of_groups_of(const Project& p, const std::vector<Id>& docs, const char* status) {
  std::set<Id> groups;
  SQLite::Statement q(p.db(),
                      "SELECT m.group_id FROM duplicate_members m JOIN duplicate_groups g ON g.id=m.group_id "
                      "WHERE m.doc_id=? AND g.status=?");
  for (Id d : docs) {
    q.reset();
    q.bind(1, d);
    q.bind(2, status);
    while (q.executeStep()) groups.insert(q.getColumn(0).getInt64());
  }
  std::vector<MemberRow> out;
  SQLite::Statement m(p.db(), "SELECT id, group_id, doc_id FROM duplicate_members WHERE group_id=? ORDER BY id");
  for (Id g : groups) {
    m.reset();
    m.bind(1, g);
    while (m.executeStep())
      out.push_back({m.getColumn(0).getInt64(), m.getColumn(1).getInt64(), m.getColumn(2).getInt64()});
  }
  return out;
}

std::string doc_list(const std::vector<Id>& docs) {
  std::string s;
  for (Id d : docs) s += (s.empty() ? "#" : ", #") + std::to_string(d);
  return s;
}

}  // namespace

std::vector<DuplicateGroup> duplicate_groups(const Project& p) {
  std::map<Id, DuplicateGroup> by_id;
  SQLite::Statement q(p.db(),
                      "SELECT g.id, g.status, g.similarity, g.coder, g.created, m.doc_id FROM duplicate_groups g "
                      "JOIN duplicate_members m ON m.group_id=g.id JOIN documents d ON d.id=m.doc_id "
                      "WHERE d.deleted=0 ORDER BY g.id, m.doc_id");
  while (q.executeStep()) {
    auto& g = by_id[q.getColumn(0).getInt64()];
    g.id = q.getColumn(0).getInt64();
    g.duplicates = q.getColumn(1).getString() == "duplicates";
    g.similarity = q.getColumn(2).getDouble();
    g.coder = q.getColumn(3).getString();
    g.created = q.getColumn(4).getString();
    g.docs.push_back(q.getColumn(5).getInt64());
  }
  std::vector<DuplicateGroup> out;
  for (auto& [id, g] : by_id)
    if (g.docs.size() >= 2) out.push_back(std::move(g));  // a decision some of whose documents were deleted
  return out;
}

namespace {

Id mark_in(Project& p, ActionScope& a, const std::vector<Id>& docs, double similarity) {
  // Groups the documents already belong to are merged into the new one.
  std::set<Id> members(docs.begin(), docs.end()), old_groups;
  for (const auto& r : rows_of_groups_of(p, docs, "duplicates")) {
    members.insert(r.doc);
    old_groups.insert(r.group);
    a.remove("duplicate_members", r.row);
  }
  for (Id g : old_groups) a.remove("duplicate_groups", g);
  // Documents recorded as distinct before are now decided otherwise: they
  // leave those records.
  for (const auto& r : rows_of_groups_of(p, docs, "distinct"))
    if (members.count(r.doc)) a.remove("duplicate_members", r.row);
  Id g = a.insert("duplicate_groups",
                  {{"status", "duplicates"}, {"similarity", similarity}, {"coder", p.coder()}, {"created", now_iso()}});
  for (Id d : members) {
    a.insert("duplicate_members", {{"group_id", g}, {"doc_id", d}});
    a.touch_doc(d);
  }
  return g;
}

}  // namespace

Id mark_duplicates(Project& p, const std::vector<Id>& given, double similarity) {
  require_similarity(similarity);
  auto docs = live_distinct(p, given);
  auto a = p.begin_action("Mark documents " + doc_list(docs) + " as duplicates");
  Id g = mark_in(p, a, docs, similarity);
  a.commit();
  return g;
}

std::vector<Id> mark_duplicate_groups(Project& p, const std::vector<std::pair<std::vector<Id>, double>>& groups) {
  std::vector<std::vector<Id>> checked;
  for (const auto& [docs, sim] : groups) {
    require_similarity(sim);
    checked.push_back(live_distinct(p, docs));
  }
  if (checked.empty()) return {};
  auto a =
      p.begin_action("Mark " + std::to_string(checked.size()) + " duplicate group" + (checked.size() == 1 ? "" : "s"));
  std::vector<Id> out;
  for (size_t i = 0; i < checked.size(); ++i) out.push_back(mark_in(p, a, checked[i], groups[i].second));
  a.commit();
  return out;
}

Id mark_distinct(Project& p, const std::vector<Id>& given, double similarity) {
  require_similarity(similarity);
  auto docs = live_distinct(p, given);
  auto a = p.begin_action("Keep documents " + doc_list(docs) + " apart");
  for (const auto& r : rows_of_groups_of(p, docs, "duplicates"))
    if (std::binary_search(docs.begin(), docs.end(), r.doc)) {
      a.remove("duplicate_members", r.row);
      a.touch_doc(r.doc);
    }
  Id g = a.insert("duplicate_groups",
                  {{"status", "distinct"}, {"similarity", similarity}, {"coder", p.coder()}, {"created", now_iso()}});
  for (Id d : docs) a.insert("duplicate_members", {{"group_id", g}, {"doc_id", d}});
  a.commit();
  return g;
}

void remove_duplicate_group(Project& p, Id group) {
  SQLite::Statement q(p.db(), "SELECT status FROM duplicate_groups WHERE id=?");
  q.bind(1, group);
  if (!q.executeStep()) throw NotFound("no duplicate group #" + std::to_string(group) + " in this project");
  const bool dup = q.getColumn(0).getString() == "duplicates";
  auto a = p.begin_action("Remove duplicate decision #" + std::to_string(group));
  SQLite::Statement m(p.db(), "SELECT id, doc_id FROM duplicate_members WHERE group_id=? ORDER BY id");
  m.bind(1, group);
  while (m.executeStep()) {
    a.remove("duplicate_members", m.getColumn(0).getInt64());
    if (dup) a.touch_doc(m.getColumn(1).getInt64());
  }
  a.remove("duplicate_groups", group);
  a.commit();
}

void for_each_text(const Project& p, const std::string& source_type,
                   const std::function<void(Id, std::string_view)>& fn) {
  std::string sql = "SELECT d.id, d.text FROM documents d";
  if (!source_type.empty()) sql += " JOIN source_types t ON t.id=d.source_type_id AND t.name=?";
  sql += " WHERE d.deleted=0 ORDER BY d.id";
  SQLite::Statement q(p.db(), sql);
  if (!source_type.empty()) q.bind(1, source_type);
  while (q.executeStep()) {
    const auto& c = q.getColumn(1);
    fn(q.getColumn(0).getInt64(),
       std::string_view(static_cast<const char*>(c.getBlob()), static_cast<size_t>(c.getBytes())));
  }
}

}  // namespace telaah::store
