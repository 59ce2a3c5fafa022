// Typed links between codings, impediment findings and explicit attachments
// of codings to indicators (see judgement.h).
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <cstring>
#include <nlohmann/json.hpp>
#include <set>

#include "store/dictionaries.h"
#include "store/judgement.h"
#include "store/rating_citations.h"
#include "store/suggestions.h"
#include "store/util.h"

namespace telaah::store {

namespace {

LinkType read_type(SQLite::Statement& q) {
  return {q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getInt() != 0,
          q.getColumn(3).getString(), q.getColumn(4).getInt() != 0};
}

const char* kLinkCols =
    "SELECT l.id, l.type_id, t.name, t.directed, l.from_id, l.to_id, l.memo, l.coder, l.created FROM links l "
    "JOIN link_types t ON t.id=l.type_id JOIN codings a ON a.id=l.from_id JOIN documents da ON da.id=a.doc_id "
    "JOIN codings b ON b.id=l.to_id JOIN documents db ON db.id=b.doc_id WHERE da.deleted=0 AND db.deleted=0";

Link read_link(SQLite::Statement& q) {
  Link l;
  l.id = q.getColumn(0).getInt64();
  l.type = q.getColumn(1).getInt64();
  l.type_name = q.getColumn(2).getString();
  l.directed = q.getColumn(3).getInt() != 0;
  l.from = q.getColumn(4).getInt64();
  l.to = q.getColumn(5).getInt64();
  l.memo = q.getColumn(6).getString();
  l.coder = q.getColumn(7).getString();
  l.created = q.getColumn(8).getString();
  return l;
}

void require_name(const std::string& name, const std::string& what) {
  require_text(name, what);
  if (is_blank(name)) throw ValidationError(what + " cannot be empty");
}

}  // namespace

// --- link types ---
std::vector<LinkType> link_types(const Project& p) {
  SQLite::Statement q(p.db(), "SELECT id, name, directed, colour, builtin FROM link_types ORDER BY builtin DESC, id");
  std::vector<LinkType> out;
  while (q.executeStep()) out.push_back(read_type(q));
  return out;
}

LinkType link_type(const Project& p, const std::string& name_or_id) {
  SQLite::Statement q(p.db(), "SELECT id, name, directed, colour, builtin FROM link_types WHERE name=? OR id=?");
  q.bind(1, name_or_id);
  q.bind(2, parse_id(name_or_id).value_or(-1));
  if (q.executeStep()) return read_type(q);
  std::string known;
  for (const auto& t : link_types(p)) known += (known.empty() ? "" : ", ") + t.name;
  throw NotFound("no link relation '" + name_or_id + "' (known: " + known + ")");
}

Id add_link_type(Project& p, const std::string& name, bool directed, const std::string& colour) {
  require_name(name, "the relation's name");
  if (parse_id(name)) throw ValidationError("a relation's name cannot be a number ('" + name + "')");
  if (!valid_colour(colour)) throw ValidationError("colour must look like #RRGGBB, not '" + colour + "'");
  SQLite::Statement q(p.db(), "SELECT 1 FROM link_types WHERE name=?");
  q.bind(1, name);
  if (q.executeStep()) throw ValidationError("the relation '" + name + "' exists already");
  auto a = p.begin_action("Add link relation " + name);
  Id id = a.insert("link_types", {{"name", name}, {"directed", directed ? 1 : 0}, {"colour", colour}, {"builtin", 0}});
  a.commit();
  return id;
}

void remove_link_type(Project& p, const std::string& name) {
  LinkType t = link_type(p, name);
  if (t.builtin) throw ValidationError("the relation '" + t.name + "' is built in and stays");
  const auto used = ids_of(p, "SELECT id FROM links WHERE type_id=?", t.id);
  if (!used.empty())
    throw ValidationError("the relation '" + t.name + "' is used by " + std::to_string(used.size()) +
                          " link(s); remove them first");
  auto a = p.begin_action("Remove link relation " + t.name);
  a.remove("link_types", t.id);
  a.commit();
}

// --- links ---
Id add_link(Project& p, Id from, Id to, const std::string& type, const std::string& memo) {
  const LinkType t = link_type(p, type);
  if (from == to) throw ValidationError("a coding cannot be linked to itself (#" + std::to_string(from) + ")");
  p.coding(from);
  p.coding(to);
  require_text(memo, "the link's memo");
  SQLite::Statement q(p.db(),
                      "SELECT id FROM links WHERE type_id=? AND ((from_id=? AND to_id=?) OR (? AND from_id=? AND "
                      "to_id=?))");
  q.bind(1, t.id);
  q.bind(2, from);
  q.bind(3, to);
  q.bind(4, t.directed ? 0 : 1);
  q.bind(5, to);
  q.bind(6, from);
  if (q.executeStep())
    throw ValidationError("coding #" + std::to_string(from) + " " + t.name + " coding #" + std::to_string(to) +
                          " already (link #" + std::to_string(q.getColumn(0).getInt64()) + ")");
  auto a = p.begin_action("Link coding #" + std::to_string(from) + " " + t.name + " #" + std::to_string(to));
  Id id = a.insert("links", {{"type_id", t.id},
                             {"from_id", from},
                             {"to_id", to},
                             {"memo", memo},
                             {"coder", p.coder()},
                             {"created", now_iso()}});
  a.commit();
  return id;
}

void remove_link(Project& p, Id id) {
  SQLite::Statement q(p.db(), std::string(kLinkCols) + " AND l.id=?");
  q.bind(1, id);
  if (!q.executeStep()) throw NotFound("no link #" + std::to_string(id) + " in this project");
  Link l = read_link(q);
  q.reset();
  auto a = p.begin_action("Remove link #" + std::to_string(l.from) + " " + l.type_name + " #" + std::to_string(l.to));
  a.remove("links", id);
  a.commit();
}

void set_link_memo(Project& p, Id id, const std::string& memo) {
  require_text(memo, "the link's memo");
  SQLite::Statement q(p.db(), std::string(kLinkCols) + " AND l.id=?");
  q.bind(1, id);
  if (!q.executeStep()) throw NotFound("no link #" + std::to_string(id) + " in this project");
  const Link l = read_link(q);
  q.reset();
  if (l.memo == memo) return;  // nothing to change: no action
  auto a = p.begin_action("Memo of link #" + std::to_string(l.from) + " " + l.type_name + " #" + std::to_string(l.to));
  a.update("links", id, {{"memo", memo}});
  a.commit();
}

std::vector<Link> links_of_coding(const Project& p, Id coding) {
  p.coding(coding);
  SQLite::Statement q(p.db(), std::string(kLinkCols) + " AND (l.from_id=? OR l.to_id=?) ORDER BY l.id");
  q.bind(1, coding);
  q.bind(2, coding);
  std::vector<Link> out;
  while (q.executeStep()) out.push_back(read_link(q));
  return out;
}

std::vector<Link> all_links(const Project& p) {
  SQLite::Statement q(p.db(), std::string(kLinkCols) + " ORDER BY l.id");
  std::vector<Link> out;
  while (q.executeStep()) out.push_back(read_link(q));
  return out;
}

// --- impediments ---
Impediment impediment(const Project& p, Id id) {
  SQLite::Statement q(p.db(), "SELECT id, title, description, coder, created, modified FROM impediments WHERE id=?");
  q.bind(1, id);
  if (!q.executeStep()) throw NotFound("no impediment #" + std::to_string(id) + " in this project");
  Impediment m;
  m.id = id;
  m.title = q.getColumn(1).getString();
  m.description = q.getColumn(2).getString();
  m.coder = q.getColumn(3).getString();
  m.created = q.getColumn(4).getString();
  m.modified = q.getColumn(5).getString();
  q.reset();
  m.indicators = ids_of(p, "SELECT code_id FROM impediment_indicators WHERE impediment_id=? ORDER BY id", id);
  m.evidence = ids_of(p,
                      "SELECT e.coding_id FROM impediment_evidence e JOIN codings c ON c.id=e.coding_id JOIN "
                      "documents d ON d.id=c.doc_id WHERE d.deleted=0 AND e.impediment_id=? ORDER BY e.id",
                      id);
  return m;
}

std::vector<Impediment> impediments(const Project& p) {
  std::vector<Id> ids;
  SQLite::Statement q(p.db(), "SELECT id FROM impediments ORDER BY id");
  while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
  std::vector<Impediment> out;
  for (Id id : ids) out.push_back(impediment(p, id));
  return out;
}

namespace {

void add_indicator_row(Project& p, ActionScope& a, Id imp, Id code) {
  p.code(code);
  if (!ids_of(p, "SELECT id FROM impediment_indicators WHERE impediment_id=" + std::to_string(imp) + " AND code_id=?",
              code)
           .empty())
    return;
  a.insert("impediment_indicators", {{"impediment_id", imp}, {"code_id", code}});
}

void add_evidence_row(Project& p, ActionScope& a, Id imp, Id coding) {
  p.coding(coding);
  if (!ids_of(p, "SELECT id FROM impediment_evidence WHERE impediment_id=" + std::to_string(imp) + " AND coding_id=?",
              coding)
           .empty())
    return;
  a.insert("impediment_evidence", {{"impediment_id", imp}, {"coding_id", coding}});
}

}  // namespace

Id add_impediment(Project& p, const std::string& title, const std::string& description,
                  const std::vector<Id>& indicators, const std::vector<Id>& evidence) {
  require_name(title, "the impediment's title");
  require_text(description, "the impediment's description");
  for (Id c : indicators) p.code(c);
  for (Id c : evidence) p.coding(c);
  const std::string now = now_iso();
  auto a = p.begin_action("Add impediment " + title);
  Id id = a.insert(
      "impediments",
      {{"title", title}, {"description", description}, {"coder", p.coder()}, {"created", now}, {"modified", now}});
  for (Id c : indicators) add_indicator_row(p, a, id, c);
  for (Id c : evidence) add_evidence_row(p, a, id, c);
  a.commit();
  return id;
}

void edit_impediment(Project& p, Id id, const ImpedimentEdit& e) {
  Impediment m = impediment(p, id);
  if (e.title) require_name(*e.title, "the impediment's title");
  if (e.description) require_text(*e.description, "the impediment's description");
  for (Id c : e.add_indicators) p.code(c);
  for (Id c : e.add_evidence) p.coding(c);
  auto row = [&](const char* table, const char* col, Id v) -> Id {
    auto ids = ids_of(
        p, std::string("SELECT id FROM ") + table + " WHERE impediment_id=" + std::to_string(id) + " AND " + col + "=?",
        v);
    if (ids.empty())
      throw NotFound(std::string(std::strcmp(col, "code_id") == 0 ? "code #" : "coding #") + std::to_string(v) +
                     " is not part of impediment #" + std::to_string(id));
    return ids[0];
  };
  std::vector<Id> drop_ind, drop_ev;
  for (Id c : e.remove_indicators) drop_ind.push_back(row("impediment_indicators", "code_id", c));
  for (Id c : e.remove_evidence) drop_ev.push_back(row("impediment_evidence", "coding_id", c));
  auto a = p.begin_action("Edit impediment " + (e.title ? *e.title : m.title));
  nlohmann::json cols = {{"modified", now_iso()}};
  if (e.title) cols["title"] = *e.title;
  if (e.description) cols["description"] = *e.description;
  a.update("impediments", id, cols);
  for (Id r : drop_ind) a.remove("impediment_indicators", r);
  for (Id r : drop_ev) a.remove("impediment_evidence", r);
  for (Id c : e.add_indicators) add_indicator_row(p, a, id, c);
  for (Id c : e.add_evidence) add_evidence_row(p, a, id, c);
  a.commit();
}

void remove_impediment(Project& p, Id id) {
  Impediment m = impediment(p, id);
  auto a = p.begin_action("Remove impediment " + m.title);
  for (Id r : ids_of(p, "SELECT id FROM impediment_indicators WHERE impediment_id=?", id))
    a.remove("impediment_indicators", r);
  for (Id r : ids_of(p, "SELECT id FROM impediment_evidence WHERE impediment_id=?", id))
    a.remove("impediment_evidence", r);
  a.remove("impediments", id);
  a.commit();
}

// --- attachments ---
Id attach_coding(Project& p, Id coding, Id indicator) {
  Coding c = p.coding(coding);
  Code k = p.code(indicator);
  if (c.code == indicator)
    throw ValidationError("coding #" + std::to_string(coding) + " is coded at '" + k.name + "' already");
  if (!ids_of(p, "SELECT id FROM coding_indicators WHERE code_id=" + std::to_string(indicator) + " AND coding_id=?",
              coding)
           .empty())
    throw ValidationError("coding #" + std::to_string(coding) + " is attached to '" + k.name + "' already");
  auto a = p.begin_action("Attach coding #" + std::to_string(coding) + " to " + k.name);
  Id id = a.insert("coding_indicators", {{"coding_id", coding}, {"code_id", indicator}});
  a.commit();
  return id;
}

void detach_coding(Project& p, Id coding, Id indicator) {
  p.coding(coding);
  Code k = p.code(indicator);
  auto ids = ids_of(
      p, "SELECT id FROM coding_indicators WHERE code_id=" + std::to_string(indicator) + " AND coding_id=?", coding);
  if (ids.empty()) throw NotFound("coding #" + std::to_string(coding) + " is not attached to '" + k.name + "'");
  auto a = p.begin_action("Detach coding #" + std::to_string(coding) + " from " + k.name);
  a.remove("coding_indicators", ids[0]);
  a.commit();
}

std::vector<CodingAttachment> coding_attachments(const Project& p) {
  SQLite::Statement q(p.db(),
                      "SELECT a.id, a.coding_id, a.code_id FROM coding_indicators a JOIN codings c ON "
                      "c.id=a.coding_id JOIN documents d ON d.id=c.doc_id WHERE d.deleted=0 ORDER BY a.id");
  std::vector<CodingAttachment> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getInt64()});
  return out;
}

// --- cascades ---
void remove_coding_dependents(Project& p, ActionScope& a, Id coding) {
  for (Id r : ids_of(p, "SELECT id FROM links WHERE from_id=?1 OR to_id=?1 ORDER BY id", coding)) a.remove("links", r);
  for (Id r : ids_of(p, "SELECT id FROM impediment_evidence WHERE coding_id=? ORDER BY id", coding))
    a.remove("impediment_evidence", r);
  for (Id r : ids_of(p, "SELECT id FROM coding_indicators WHERE coding_id=? ORDER BY id", coding))
    a.remove("coding_indicators", r);
  for (Id r : ids_of(p, "SELECT id FROM summary_citations WHERE coding_id=? ORDER BY id", coding))
    a.remove("summary_citations", r);
  for (Id r : ids_of(p, "SELECT id FROM coding_areas WHERE coding_id=? ORDER BY id", coding))
    a.remove("coding_areas", r);
  for (Id r : ids_of(p, "SELECT id FROM coding_media WHERE coding_id=? ORDER BY id", coding))
    a.remove("coding_media", r);
}

void remove_code_dependents(Project& p, ActionScope& a, Id code) {
  for (Id r : ids_of(p, "SELECT id FROM impediment_indicators WHERE code_id=? ORDER BY id", code))
    a.remove("impediment_indicators", r);
  for (Id r : ids_of(p, "SELECT id FROM coding_indicators WHERE code_id=? ORDER BY id", code))
    a.remove("coding_indicators", r);
  remove_rating_citations(p, a, code);  // its rating goes with the code
  for (Id s : ids_of(p, "SELECT id FROM summaries WHERE code_id=? ORDER BY id", code)) {
    for (Id r : ids_of(p, "SELECT id FROM summary_citations WHERE summary_id=? ORDER BY id", s))
      a.remove("summary_citations", r);
    remove_summary_from_ratings(p, a, s);
    a.remove("summaries", s);
  }
  remove_code_rejections(p, a, code);
  remove_code_dictionaries(p, a, code);  // dictionaries.h
}

void move_code_dependents(Project& p, ActionScope& a, Id from, Id into) {
  move_code_rejections(p, a, from, into);
  move_code_dictionaries(p, a, from, into);  // dictionaries.h
  for (Id r : ids_of(p, "SELECT id FROM impediment_indicators WHERE code_id=? ORDER BY id", from)) {
    const Id imp =
        p.db().execAndGet("SELECT impediment_id FROM impediment_indicators WHERE id=" + std::to_string(r)).getInt64();
    if (ids_of(p, "SELECT id FROM impediment_indicators WHERE impediment_id=" + std::to_string(imp) + " AND code_id=?",
               into)
            .empty())
      a.update("impediment_indicators", r, {{"code_id", into}});
    else
      a.remove("impediment_indicators", r);
  }
  for (Id r : ids_of(p, "SELECT id FROM coding_indicators WHERE code_id=? ORDER BY id", from)) {
    const Id c = p.db().execAndGet("SELECT coding_id FROM coding_indicators WHERE id=" + std::to_string(r)).getInt64();
    const Id coded_at = p.db().execAndGet("SELECT code_id FROM codings WHERE id=" + std::to_string(c)).getInt64();
    if (coded_at != into &&
        ids_of(p, "SELECT id FROM coding_indicators WHERE coding_id=" + std::to_string(c) + " AND code_id=?", into)
            .empty())
      a.update("coding_indicators", r, {{"code_id", into}});
    else
      a.remove("coding_indicators", r);
  }
  // Summaries: a cell of `from` becomes the cell of `into`, joined to its text when both have one.
  SQLite::Statement q(p.db(), "SELECT id, source_type_id, case_id, text FROM summaries WHERE code_id=? ORDER BY id");
  q.bind(1, from);
  struct S {
    Id id;
    std::optional<Id> type, kase;
    std::string text;
  };
  std::vector<S> rows;
  while (q.executeStep())
    rows.push_back({q.getColumn(0).getInt64(),
                    q.getColumn(1).isNull() ? std::nullopt : std::optional<Id>(q.getColumn(1).getInt64()),
                    q.getColumn(2).isNull() ? std::nullopt : std::optional<Id>(q.getColumn(2).getInt64()),
                    q.getColumn(3).getString()});
  q.reset();
  for (const auto& s : rows) {
    SQLite::Statement t(p.db(), "SELECT id FROM summaries WHERE code_id=? AND source_type_id IS ? AND case_id IS ?");
    t.bind(1, into);
    if (s.type) t.bind(2, *s.type);
    if (s.kase) t.bind(3, *s.kase);
    if (!t.executeStep()) {
      a.update("summaries", s.id, {{"code_id", into}});
      continue;
    }
    const Id target = t.getColumn(0).getInt64();
    t.reset();
    merge_summary_into(p, a, s.id, target);
  }
  move_rating_citations(p, a, from, into);  // with the rating of `from` (codebook.cpp moves or drops it next)
}

}  // namespace telaah::store
