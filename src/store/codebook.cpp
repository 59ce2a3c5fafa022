// The codebook: a tree of variables, indicators and codes.
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>

#include "store/backup.h"
#include "store/project.h"
#include "store/util.h"

using nlohmann::json;

namespace telaah::store {

static Code read_code(SQLite::Statement& q) {
  Code c;
  c.id = q.getColumn(0).getInt64();
  if (!q.getColumn(1).isNull()) c.parent = q.getColumn(1).getInt64();
  c.name = q.getColumn(2).getString();
  c.colour = q.getColumn(3).getString();
  c.definition = q.getColumn(4).getString();
  c.inclusion = q.getColumn(5).getString();
  c.exclusion = q.getColumn(6).getString();
  c.example = q.getColumn(7).getString();
  c.kind = code_kind_from_string(q.getColumn(8).getString());
  c.ord = q.getColumn(9).getInt();
  try {
    c.aliases = json::parse(q.getColumn(10).getString()).get<std::vector<std::string>>();
  } catch (const std::exception&) {
  }
  return c;
}

static const char* kCodeCols =
    "SELECT id, parent_id, name, colour, definition, inclusion, exclusion, example, kind, ord, aliases FROM codes";

std::vector<Code> Project::codes() const {
  std::vector<Code> all;
  SQLite::Statement q(*db_, std::string(kCodeCols) + " ORDER BY ord, id");
  while (q.executeStep()) all.push_back(read_code(q));
  std::map<std::optional<Id>, std::vector<const Code*>> kids;
  for (const auto& c : all) kids[c.parent].push_back(&c);
  // Depth first in tree order, without recursion (a deep tree cannot exhaust
  // the stack) and visiting each code once (a damaged file's cycle cannot loop).
  std::vector<Code> out;
  std::set<Id> seen;
  std::vector<std::pair<const std::vector<const Code*>*, size_t>> stack{{&kids[std::nullopt], 0}};
  while (!stack.empty()) {
    auto& [list, i] = stack.back();
    if (i >= list->size()) {
      stack.pop_back();
      continue;
    }
    const Code* c = (*list)[i++];
    if (!seen.insert(c->id).second) continue;
    out.push_back(*c);
    auto k = kids.find(c->id);
    if (k != kids.end()) stack.push_back({&k->second, 0});
  }
  return out;
}

Code Project::code(Id id) const {
  SQLite::Statement q(*db_, std::string(kCodeCols) + " WHERE id=?");
  q.bind(1, id);
  if (!q.executeStep()) throw NotFound("no code #" + std::to_string(id) + " in this codebook");
  return read_code(q);
}

static void validate_name(const std::string& name) {
  if (is_blank(name)) throw ValidationError("a code needs a name");
  require_text(name, "the code name");
  if (name.find('/') != std::string::npos)
    throw ValidationError("a code name cannot contain '/' (it separates levels in a code path): '" + name + "'");
  if (name.front() == ' ' || name.back() == ' ')
    throw ValidationError("a code name cannot start or end with a space: '" + name + "'");
  if (name.find('\n') != std::string::npos || name.find('\t') != std::string::npos)
    throw ValidationError("a code name is one line: '" + name + "'");
}

// Everything about a code except its place in the tree.
static void validate_code(const Code& c) {
  validate_name(c.name);
  if (!valid_colour(c.colour)) throw ValidationError("colour must look like #RRGGBB, not '" + c.colour + "'");
  require_text(c.definition, "the definition of '" + c.name + "'");
  require_text(c.inclusion, "the inclusion criteria of '" + c.name + "'");
  require_text(c.exclusion, "the exclusion criteria of '" + c.name + "'");
  require_text(c.example, "the example of '" + c.name + "'");
  for (const auto& al : c.aliases) {
    require_text(al, "an alias of '" + c.name + "'");
    if (al.empty()) throw ValidationError("an alias of '" + c.name + "' is empty");
  }
}

static void require_unique_sibling(SQLite::Database& db, std::optional<Id> parent, const std::string& name, Id self) {
  SQLite::Statement q(db, "SELECT id FROM codes WHERE parent_id IS ? AND name=? AND id<>?");
  if (parent)
    q.bind(1, *parent);
  else
    q.bind(1);
  q.bind(2, name);
  q.bind(3, self);
  if (q.executeStep()) throw ValidationError("a code named '" + name + "' exists already at that level");
}

Id Project::add_code(const Code& c) {
  validate_code(c);
  if (c.parent) code(*c.parent);
  require_unique_sibling(*db_, c.parent, c.name, 0);
  SQLite::Statement o(*db_, "SELECT coalesce(max(ord), -1) + 1 FROM codes WHERE parent_id IS ?");
  if (c.parent)
    o.bind(1, *c.parent);
  else
    o.bind(1);
  o.executeStep();
  int ord = o.getColumn(0).getInt();
  o.reset();
  auto a = begin_action("Add code " + c.name);
  Id id = a.insert("codes", {{"parent_id", c.parent ? json(*c.parent) : json(nullptr)},
                             {"name", c.name},
                             {"colour", c.colour},
                             {"definition", c.definition},
                             {"inclusion", c.inclusion},
                             {"exclusion", c.exclusion},
                             {"example", c.example},
                             {"kind", to_string(c.kind)},
                             {"ord", ord},
                             {"aliases", json(c.aliases).dump()}});
  a.commit();
  return id;
}

std::vector<Id> Project::add_codes(std::vector<Code> cs, const std::vector<int>& parent_index) {
  auto a = begin_action("Add " + std::to_string(cs.size()) + " codes");
  struct Level {
    std::set<std::string> names;
    int next_ord = 0;
  };
  std::map<std::optional<Id>, Level> levels;  // per parent: names taken, the next ord
  auto level = [&](std::optional<Id> parent) -> Level& {
    auto [it, fresh] = levels.try_emplace(parent);
    if (fresh) {
      SQLite::Statement q(*db_, "SELECT name, ord FROM codes WHERE parent_id IS ?");
      if (parent)
        q.bind(1, *parent);
      else
        q.bind(1);
      while (q.executeStep()) {
        it->second.names.insert(q.getColumn(0).getString());
        it->second.next_ord = std::max(it->second.next_ord, q.getColumn(1).getInt() + 1);
      }
    }
    return it->second;
  };
  std::vector<Id> ids;
  ids.reserve(cs.size());
  for (size_t i = 0; i < cs.size(); ++i) {
    Code& c = cs[i];
    if (i < parent_index.size() && parent_index[i] >= 0) c.parent = ids.at(static_cast<size_t>(parent_index[i]));
    validate_code(c);
    if (c.parent) code(*c.parent);
    Level& l = level(c.parent);
    if (!l.names.insert(c.name).second)
      throw ValidationError("a code named '" + c.name + "' exists already at that level");
    ids.push_back(a.insert("codes", {{"parent_id", c.parent ? json(*c.parent) : json(nullptr)},
                                     {"name", c.name},
                                     {"colour", c.colour},
                                     {"definition", c.definition},
                                     {"inclusion", c.inclusion},
                                     {"exclusion", c.exclusion},
                                     {"example", c.example},
                                     {"kind", to_string(c.kind)},
                                     {"ord", l.next_ord++},
                                     {"aliases", json(c.aliases).dump()}}));
  }
  a.commit();
  return ids;
}

void Project::edit_code(const Code& c) {
  Code old = code(c.id);
  validate_code(c);
  require_unique_sibling(*db_, old.parent, c.name, c.id);
  auto a = begin_action("Edit code " + c.name);
  a.update("codes", c.id,
           {{"name", c.name},
            {"colour", c.colour},
            {"definition", c.definition},
            {"inclusion", c.inclusion},
            {"exclusion", c.exclusion},
            {"example", c.example},
            {"kind", to_string(c.kind)},
            {"aliases", json(c.aliases).dump()}});
  // Code names are indexed with the passages they code.
  SQLite::Statement q(*db_, "SELECT DISTINCT doc_id FROM codings WHERE code_id=?");
  q.bind(1, c.id);
  while (q.executeStep()) a.touch_doc(q.getColumn(0).getInt64());
  a.commit();
}

void Project::move_code(Id id, std::optional<Id> new_parent, int new_ord) {
  Code c = code(id);
  if (new_parent) {
    code(*new_parent);
    for (Id p = *new_parent;;) {  // no code becomes its own ancestor
      if (p == id) throw ValidationError("cannot move '" + c.name + "' under itself or one of its sub-codes");
      Code pc = code(p);
      if (!pc.parent) break;
      p = *pc.parent;
    }
  }
  require_unique_sibling(*db_, new_parent, c.name, id);
  // Renumber the new siblings so that `id` lands at new_ord.
  std::vector<Id> sibs;
  SQLite::Statement q(*db_, "SELECT id FROM codes WHERE parent_id IS ? AND id<>? ORDER BY ord, id");
  if (new_parent)
    q.bind(1, *new_parent);
  else
    q.bind(1);
  q.bind(2, id);
  while (q.executeStep()) sibs.push_back(q.getColumn(0).getInt64());
  q.reset();
  new_ord = std::clamp(new_ord, 0, static_cast<int>(sibs.size()));
  sibs.insert(sibs.begin() + new_ord, id);
  auto a = begin_action("Move code " + c.name);
  a.update("codes", id, {{"parent_id", new_parent ? json(*new_parent) : json(nullptr)}});
  for (size_t i = 0; i < sibs.size(); ++i) a.update("codes", sibs[i], {{"ord", static_cast<int>(i)}});
  a.commit();
}

// Ids of the rows of `table` whose `col` is `value`.
static std::vector<Id> ids_where(SQLite::Database& db, const std::string& table, const std::string& cond, Id value) {
  SQLite::Statement q(db, "SELECT id FROM " + table + " WHERE " + cond + " ORDER BY id");
  q.bind(1, value);
  std::vector<Id> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

void Project::merge_codes(Id from, Id into) {
  if (from == into) throw ValidationError("cannot merge a code into itself");
  Code f = code(from), t = code(into);
  auto desc = code_descendants(from);
  if (std::find(desc.begin(), desc.end(), into) != desc.end())
    throw ValidationError("cannot merge '" + f.name + "' into its own sub-code '" + t.name + "'");
  // Merging codes with codings is not undone by a later undo alone once more
  // work piles up on top: a verified backup first (BackupFailed stops the merge).
  if (!ids_where(*db_, "codings", "code_id=?", from).empty()) backup_before(*this, "merge-code");
  auto a = begin_action("Merge code " + f.name + " into " + t.name);
  const std::string now = now_iso();
  for (Id cid : ids_where(*db_, "codings", "code_id=?", from))
    a.update("codings", cid, {{"code_id", into}, {"modified", now}});
  // What the researcher wrote about `from` goes with its codings.
  for (Id m : ids_where(*db_, "memos", "kind='code' AND target_id=?", from))
    a.update("memos", m, {{"target_id", into}});
  for (Id o : ids_where(*db_, "overrides", "code_id=?", from)) a.update("overrides", o, {{"code_id", into}});
  const bool into_rated = !ids_where(*db_, "evaluations", "code_id=?", into).empty();
  for (Id e : ids_where(*db_, "evaluations", "code_id=?", from)) {
    if (into_rated)
      a.remove("evaluations", e);  // `into` keeps its own rating
    else
      a.update("evaluations", e, {{"code_id", into}});
  }
  // Sub-codes of `from` move under `into`.
  SQLite::Statement k(*db_, "SELECT id, name FROM codes WHERE parent_id=? ORDER BY ord, id");
  k.bind(1, from);
  std::vector<std::pair<Id, std::string>> kids;
  while (k.executeStep()) kids.push_back({k.getColumn(0).getInt64(), k.getColumn(1).getString()});
  k.reset();
  int ord =
      db_->execAndGet("SELECT coalesce(max(ord), -1) + 1 FROM codes WHERE parent_id=" + std::to_string(into)).getInt();
  for (auto& [kid, name] : kids) {
    require_unique_sibling(*db_, into, name, kid);
    a.update("codes", kid, {{"parent_id", into}, {"ord", ord++}});
  }
  a.remove("codes", from);
  a.commit();
}

void Project::delete_code(Id id) {
  Code c = code(id);
  auto desc = code_descendants(id);
  // Deleting coded work: a verified backup first (BackupFailed stops the delete).
  const bool coded =
      std::any_of(desc.begin(), desc.end(), [&](Id d) { return !ids_where(*db_, "codings", "code_id=?", d).empty(); });
  if (coded) backup_before(*this, "delete-code");
  auto a = begin_action("Delete code " + c.name);
  // Codings and everything else that points at the codes first, then the
  // codes bottom-up (undo restores in reverse order, so parents come back first).
  for (Id d : desc) {
    for (Id x : ids_where(*db_, "codings", "code_id=?", d)) a.remove("codings", x);
    for (Id x : ids_where(*db_, "overrides", "code_id=?", d)) a.remove("overrides", x);
    for (Id x : ids_where(*db_, "evaluations", "code_id=?", d)) a.remove("evaluations", x);
    for (Id x : ids_where(*db_, "memos", "kind='code' AND target_id=?", d)) a.remove("memos", x);
  }
  for (auto it = desc.rbegin(); it != desc.rend(); ++it) a.remove("codes", *it);
  a.commit();
}

std::vector<Id> Project::code_descendants(Id id) const {
  code(id);
  std::vector<Id> out{id};
  std::set<Id> seen{id};  // a damaged file's cycle is walked once
  SQLite::Statement q(*db_, "SELECT id FROM codes WHERE parent_id=? ORDER BY ord, id");
  for (size_t i = 0; i < out.size(); ++i) {
    q.bind(1, out[i]);
    while (q.executeStep())
      if (seen.insert(q.getColumn(0).getInt64()).second) out.push_back(q.getColumn(0).getInt64());
    q.reset();
  }
  return out;
}

std::string Project::code_path(Id id) const {
  std::string path;
  std::set<Id> seen;
  for (std::optional<Id> cur = id; cur;) {
    Code c = code(*cur);
    if (!seen.insert(c.id).second)
      throw CorruptProject("the code tree of " + path_.string() + " is damaged: code '" + c.name + "' (#" +
                           std::to_string(c.id) + ") is its own ancestor; 'telaah check' lists the damage, " +
                           "'telaah restore' puts a backup back");
    path = path.empty() ? c.name : c.name + "/" + path;
    cur = c.parent;
  }
  return path;
}

Id Project::resolve_code(const std::string& ref) const {
  if (ref.empty()) throw ValidationError("no code given");
  if (auto id = parse_id(ref)) {
    SQLite::Statement q(*db_, "SELECT 1 FROM codes WHERE id=?");
    q.bind(1, *id);
    if (q.executeStep()) return *id;  // else: a code may be named "2015"
  }
  auto all = codes();
  // Paths built in memory: codes() lists parents before their children (from
  // the roots, each code once), so a path is its parent's plus its name. One
  // query per ancestor of every code made this quadratic-looking walk the
  // slowest part of resolving a code in a 30,000-code project.
  std::unordered_map<Id, std::string> path_of;
  path_of.reserve(all.size());
  for (const auto& c : all) {
    auto parent = c.parent ? path_of.find(*c.parent) : path_of.end();
    std::string path =
        c.parent ? (parent != path_of.end() ? parent->second : code_path(*c.parent)) + "/" + c.name : c.name;
    if (path == ref) return c.id;
    path_of.emplace(c.id, std::move(path));
  }
  std::vector<Id> by_name;  // a unique name or alias anywhere in the tree
  for (const auto& c : all)
    if (c.name == ref || std::find(c.aliases.begin(), c.aliases.end(), ref) != c.aliases.end()) by_name.push_back(c.id);
  if (by_name.size() == 1) return by_name[0];
  if (by_name.size() > 1) throw UserError("code '" + ref + "' is ambiguous; give its path (e.g. Parent/Child)");
  throw NotFound("unknown code '" + ref + "' (see 'telaah codes' for the code paths)");
}

int64_t Project::coding_count(Id code_id) const {
  SQLite::Statement q(
      *db_, "SELECT count(*) FROM codings c JOIN documents d ON d.id=c.doc_id WHERE c.code_id=? AND d.deleted=0");
  q.bind(1, code_id);
  q.executeStep();
  return q.getColumn(0).getInt64();
}

std::vector<Id> Project::load_codebook(const json& j) {
  if (!j.is_object() || !j.contains("codes") || !j["codes"].is_array())
    throw ValidationError("a codebook file needs a top-level object with a \"codes\" array");
  auto a = begin_action("Load codebook");
  std::vector<Id> ids;
  std::function<void(const json&, std::optional<Id>, const std::string&)> load = [&](const json& arr,
                                                                                     std::optional<Id> parent,
                                                                                     const std::string& where) {
    for (const auto& e : arr) {
      if (!e.is_object() || !e.contains("name") || !e["name"].is_string())
        throw ValidationError("every code in the codebook file needs a \"name\" (" + where + ")");
      const std::string name = e["name"].get<std::string>();
      const std::string path = where == "top level" ? name : where + "/" + name;
      // Merge by path: an existing code keeps its id and the fields the file leaves out.
      std::optional<Id> existing;
      {
        SQLite::Statement q(*db_, "SELECT id FROM codes WHERE parent_id IS ? AND name=?");
        if (parent)
          q.bind(1, *parent);
        else
          q.bind(1);
        q.bind(2, name);
        if (q.executeStep()) existing = q.getColumn(0).getInt64();
      }
      Code c = existing ? code(*existing) : Code{};
      c.parent = parent;
      c.name = name;
      try {  // a field of the wrong JSON type says which code it belongs to
        auto text_field = [&](const char* key, std::string& out) {
          if (e.contains(key)) out = e[key].get<std::string>();
        };
        text_field("color", c.colour);
        text_field("colour", c.colour);
        text_field("definition", c.definition);
        text_field("inclusion", c.inclusion);
        text_field("exclusion", c.exclusion);
        text_field("example", c.example);
        if (e.contains("kind")) c.kind = code_kind_from_string(e["kind"].get<std::string>());
        if (e.contains("aliases")) c.aliases = e["aliases"].get<std::vector<std::string>>();
      } catch (const json::exception&) {
        throw ValidationError("code '" + path + "' in the codebook file has a field of the wrong type (text expected)");
      }
      if (e.contains("children") && !e["children"].is_array())
        throw ValidationError("the \"children\" of '" + path + "' in the codebook file must be an array");
      Id id;
      try {
        if (existing) {
          id = *existing;
          edit_code(c);
        } else {
          id = add_code(c);
        }
      } catch (const ValidationError& ex) {
        throw ValidationError("code '" + path + "' in the codebook file: " + ex.what());
      }
      ids.push_back(id);
      if (e.contains("children")) load(e["children"], id, path);
    }
  };
  load(j["codes"], std::nullopt, "top level");
  a.commit();
  return ids;
}

}  // namespace telaah::store
