// Codings (evidence units) and memos.
#include <SQLiteCpp/SQLiteCpp.h>

#include <nlohmann/json.hpp>

#include "store/judgement.h"
#include "store/project.h"
#include "store/util.h"

using nlohmann::json;

namespace telaah::store {

static Coding read_coding(SQLite::Statement& q) {
  Coding c;
  c.id = q.getColumn(0).getInt64();
  c.doc = q.getColumn(1).getInt64();
  c.code = q.getColumn(2).getInt64();
  c.coder = q.getColumn(3).getInt64();
  c.start = q.getColumn(4).getInt64();
  c.end = q.getColumn(5).getInt64();
  c.stance = stance_from_string(q.getColumn(6).getString());
  c.memo = q.getColumn(7).getString();
  c.origin = q.getColumn(8).getString();
  c.created = q.getColumn(9).getString();
  c.modified = q.getColumn(10).getString();
  return c;
}

static const char* kCodingCols =
    "SELECT c.id, c.doc_id, c.code_id, c.coder_id, c.start, c.end, c.stance, c.memo, c.origin, c.created, c.modified "
    "FROM codings c JOIN documents d ON d.id = c.doc_id";

static void validate_span(const Project& p, Id doc, int64_t start, int64_t end) {
  Document d = p.document(doc);
  if (start < 0 || end > d.length_cp || end <= start)
    throw ValidationError("offsets " + std::to_string(start) + ".." + std::to_string(end) + " are outside document #" +
                          std::to_string(doc) + " '" + d.title + "' (it has " + std::to_string(d.length_cp) +
                          " characters; the end must be greater than the start)");
}

Id Project::add_coding(const Coding& c) {
  auto ids = add_codings({c}, "");
  return ids.at(0);
}

std::vector<Id> Project::add_codings(const std::vector<Coding>& cs, const std::string& label) {
  std::string l = label;
  if (l.empty() && cs.size() == 1) {
    Code k = code(cs[0].code);
    l = "Code " + k.name;
  }
  auto a = begin_action(l.empty() ? "Code " + std::to_string(cs.size()) + " passages" : l);
  std::vector<Id> ids;
  const std::string now = now_iso();
  for (const auto& c : cs) {
    validate_span(*this, c.doc, c.start, c.end);
    code(c.code);
    require_text(c.memo, "the memo");
    require_text(c.origin, "the origin of a coding");
    Id coder = c.coder;
    if (coder == 0)
      coder = ensure_coder(coder_);
    else {
      SQLite::Statement q(*db_, "SELECT 1 FROM coders WHERE id=?");
      q.bind(1, coder);
      if (!q.executeStep()) throw NotFound("no coder #" + std::to_string(coder));
    }
    ids.push_back(a.insert("codings", {{"doc_id", c.doc},
                                       {"code_id", c.code},
                                       {"coder_id", coder},
                                       {"start", c.start},
                                       {"end", c.end},
                                       {"stance", to_string(c.stance)},
                                       {"memo", c.memo},
                                       {"origin", c.origin},
                                       {"created", c.created.empty() ? now : c.created},
                                       {"modified", c.modified.empty() ? now : c.modified}}));
  }
  a.commit();
  return ids;
}

Coding Project::coding(Id id) const {
  SQLite::Statement q(*db_, std::string(kCodingCols) + " WHERE c.id=? AND d.deleted=0");
  q.bind(1, id);
  if (!q.executeStep()) throw NotFound("no coding #" + std::to_string(id) + " in this project");
  return read_coding(q);
}

void Project::remove_coding(Id id) {
  Coding c = coding(id);
  auto a = begin_action("Remove coding of " + code(c.code).name);
  remove_coding_dependents(*this, a, id);  // links, citations, ... first: undo restores the coding before them
  a.remove("codings", id);
  a.commit();
}

void Project::set_stance(Id id, Stance s) {
  coding(id);
  auto a = begin_action(std::string("Set stance to ") + to_string(s));
  a.update("codings", id, {{"stance", to_string(s)}, {"modified", now_iso()}});
  a.commit();
}

void Project::set_coding_memo(Id id, const std::string& memo) {
  coding(id);
  require_text(memo, "the memo");
  auto a = begin_action("Edit coding memo");
  a.update("codings", id, {{"memo", memo}, {"modified", now_iso()}});
  a.commit();
}

void Project::set_coding_span(Id id, int64_t start, int64_t end) {
  Coding c = coding(id);
  validate_span(*this, c.doc, start, end);
  auto a = begin_action("Resize coding");
  a.update("codings", id, {{"start", start}, {"end", end}, {"modified", now_iso()}});
  a.commit();
}

std::vector<Coding> Project::codings(const CodingFilter& f) const {
  std::vector<Coding> out;
  for_each_coding(f, [&](const Coding& c) { out.push_back(c); });
  return out;
}

void Project::for_each_coding(const CodingFilter& f, const std::function<void(const Coding&)>& fn) const {
  std::string sql = std::string(kCodingCols) + " WHERE d.deleted=0";
  if (f.doc) sql += " AND c.doc_id=" + std::to_string(*f.doc);
  if (!f.codes.empty()) {
    sql += " AND c.code_id IN (";
    for (size_t i = 0; i < f.codes.size(); ++i) sql += (i ? "," : "") + std::to_string(f.codes[i]);
    sql += ")";
  }
  if (f.coder) sql += " AND c.coder_id=" + std::to_string(*f.coder);
  if (f.stance) sql += std::string(" AND c.stance='") + to_string(*f.stance) + "'";
  if (f.source_type) sql += " AND d.source_type_id=?";
  sql += " ORDER BY c.doc_id, c.start, c.end, c.id";
  SQLite::Statement q(*db_, sql);
  if (f.source_type) q.bind(1, source_type_id(*f.source_type));
  while (q.executeStep()) fn(read_coding(q));
}

// --- memos ---
Id Project::add_memo(const std::string& kind, Id target, const std::string& title, const std::string& body) {
  if (kind == "document")
    document(target);
  else if (kind == "code")
    code(target);
  else if (kind != "project")
    throw ValidationError("a memo belongs to the project, a document or a code, not '" + kind + "'");
  require_text(title, "the memo title");
  require_text(body, "the memo text");
  const std::string now = now_iso();
  auto a = begin_action("Add memo " + title);
  Id id = a.insert("memos", {{"kind", kind},
                             {"target_id", kind == "project" ? 0 : target},
                             {"title", title},
                             {"body", body},
                             {"created", now},
                             {"modified", now}});
  a.commit();
  return id;
}

void Project::edit_memo(Id id, const std::string& title, const std::string& body) {
  SQLite::Statement q(*db_, "SELECT 1 FROM memos WHERE id=?");
  q.bind(1, id);
  if (!q.executeStep()) throw NotFound("no memo #" + std::to_string(id));
  q.reset();
  require_text(title, "the memo title");
  require_text(body, "the memo text");
  auto a = begin_action("Edit memo " + title);
  a.update("memos", id, {{"title", title}, {"body", body}, {"modified", now_iso()}});
  a.commit();
}

void Project::delete_memo(Id id) {
  SQLite::Statement q(*db_, "SELECT 1 FROM memos WHERE id=?");
  q.bind(1, id);
  if (!q.executeStep()) throw NotFound("no memo #" + std::to_string(id));
  q.reset();
  auto a = begin_action("Delete memo");
  a.remove("memos", id);
  a.commit();
}

std::vector<Memo> Project::memos(const std::string& kind, std::optional<Id> target) const {
  std::string sql = "SELECT id, kind, target_id, title, body, created, modified FROM memos WHERE 1";
  if (!kind.empty()) sql += " AND kind=?";
  if (target) sql += " AND target_id=" + std::to_string(*target);
  sql += " ORDER BY id";
  SQLite::Statement q(*db_, sql);
  if (!kind.empty()) q.bind(1, kind);
  std::vector<Memo> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getInt64(),
                   q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(5).getString(),
                   q.getColumn(6).getString()});
  return out;
}

}  // namespace telaah::store
