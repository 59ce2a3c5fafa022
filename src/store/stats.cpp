// Counts from the indexes (see stats.h).
#include "store/stats.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>

#include "store/project.h"

namespace telaah::store {

DocumentCounts document_counts(const Project& p) {
  DocumentCounts out;
  // One pass over the rows' leading columns; `text` is the last column, so
  // no overflow page is read.
  SQLite::Statement q(p.db(), "SELECT id, source_type_id, deleted FROM documents");
  while (q.executeStep()) {
    if (q.getColumn(2).getInt64() != 0) {
      out.hidden.push_back(q.getColumn(0).getInt64());
      continue;
    }
    ++out.live;
    ++out.by_type[q.getColumn(1).getInt64()];
  }
  return out;
}

std::map<Id, int64_t> coding_counts_by_code(const Project& p, const std::vector<Id>& hidden) {
  std::map<Id, int64_t> out;
  {
    // Covered by the index codings_code(code_id): the rows are not read.
    SQLite::Statement q(p.db(), "SELECT code_id, count(*) FROM codings GROUP BY code_id");
    while (q.executeStep()) out[q.getColumn(0).getInt64()] = q.getColumn(1).getInt64();
  }
  SQLite::Statement q(p.db(), "SELECT code_id, count(*) FROM codings WHERE doc_id=? GROUP BY code_id");
  for (Id d : hidden) {
    q.bind(1, d);
    while (q.executeStep()) {
      auto it = out.find(q.getColumn(0).getInt64());
      if (it != out.end() && (it->second -= q.getColumn(1).getInt64()) <= 0) out.erase(it);
    }
    q.reset();
  }
  return out;
}

ProjectCounts project_counts(const Project& p) {
  ProjectCounts out;
  out.documents = document_counts(p);
  out.codings_by_code = coding_counts_by_code(p, out.documents.hidden);
  for (const auto& [code, n] : out.codings_by_code) out.codings += n;
  out.codes = p.db().execAndGet("SELECT count(*) FROM codes").getInt64();
  return out;
}

// "IN (1,2,3)" for a list of ids (numbers only: nothing to quote).
static std::string id_list(const std::vector<Id>& ids) {
  std::string s = " IN (";
  for (size_t i = 0; i < ids.size(); ++i) s += (i ? "," : "") + std::to_string(ids[i]);
  return s + ")";
}

std::vector<DocCodeCount> doc_code_counts(const Project& p, const std::vector<Id>* docs) {
  std::vector<DocCodeCount> out;
  if (docs && docs->empty()) return out;
  const std::string sql = docs
                              ? "SELECT c.doc_id, c.code_id, count(*) FROM codings c JOIN documents d ON d.id=c.doc_id "
                                "WHERE d.deleted=0 AND c.doc_id" +
                                    id_list(*docs) + " GROUP BY c.doc_id, c.code_id"
                              : "SELECT c.doc_id, c.code_id, count(*) FROM codings c JOIN documents d ON d.id=c.doc_id "
                                "WHERE d.deleted=0 GROUP BY c.doc_id, c.code_id";
  SQLite::Statement q(p.db(), sql);
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getInt64()});
  return out;
}

std::vector<std::pair<Id, Attribute>> doc_attributes(const Project& p, const std::vector<Id>* docs) {
  std::vector<std::pair<Id, Attribute>> out;
  if (docs && docs->empty()) return out;
  SQLite::Statement q(p.db(), std::string("SELECT doc_id, name, type, value FROM attributes") +
                                  (docs ? " WHERE doc_id" + id_list(*docs) : std::string()) + " ORDER BY doc_id, name");
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt64(),
                   {q.getColumn(1).getString(), q.getColumn(2).getString(), q.getColumn(3).getString()}});
  return out;
}

}  // namespace telaah::store

namespace telaah::store {

int64_t size_estimate(const Project& p) {
  // max(rowid) is a lookup at the end of the table's b-tree.
  return p.db()
      .execAndGet(
          "SELECT coalesce((SELECT max(id) FROM documents), 0) + "
          "coalesce((SELECT max(id) FROM codings), 0)")
      .getInt64();
}

}  // namespace telaah::store

namespace telaah::store {

std::map<Id, int64_t> coding_counts_by_coder(const Project& p) {
  std::map<Id, int64_t> out;
  SQLite::Statement q(p.db(),
                      "SELECT c.coder_id, count(*) FROM codings c JOIN documents d ON d.id=c.doc_id "
                      "WHERE d.deleted=0 GROUP BY c.coder_id");
  while (q.executeStep()) out[q.getColumn(0).getInt64()] = q.getColumn(1).getInt64();
  return out;
}

}  // namespace telaah::store
