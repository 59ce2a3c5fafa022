// Renaming, recolouring, reordering and merging source types (see source_types.h).
#include "store/source_types.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <nlohmann/json.hpp>

#include "store/judgement.h"
#include "store/util.h"

namespace telaah::store {

namespace {

void require_new_name(Project& p, const std::string& name) {
  if (name.empty()) throw ValidationError("a source type needs a name");
  require_text(name, "the source type's name");
  if (name.find_first_not_of(" \t") == std::string::npos)
    throw ValidationError("a source type needs a name, not blanks");
  SQLite::Statement q(p.db(), "SELECT 1 FROM source_types WHERE name=?");
  q.bind(1, name);
  if (q.executeStep()) throw ValidationError("source type '" + name + "' exists already");
}

// Overrides of source-type columns that name `name`: (id, column_a, column_b).
struct Col {
  Id id;
  std::string a, b;
};
std::vector<Col> overrides_naming(Project& p, const std::string& name) {
  std::vector<Col> out;
  SQLite::Statement q(p.db(),
                      "SELECT id, column_a, column_b FROM overrides WHERE dimension='type' AND "
                      "(column_a=? OR column_b=?) ORDER BY id");
  q.bind(1, name);
  q.bind(2, name);
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString()});
  return out;
}

}  // namespace

void rename_source_type(Project& p, const std::string& from, const std::string& to) {
  const Id id = p.source_type_id(from);
  if (from == to) return;
  require_new_name(p, to);
  auto a = p.begin_action("Rename source type " + from + " to " + to);
  a.update("source_types", id, {{"name", to}});
  for (const auto& o : overrides_naming(p, from)) {
    std::string x = o.a == from ? to : o.a, y = o.b == from ? to : o.b;
    if (y < x) std::swap(x, y);  // pair columns are stored in sorted order
    a.update("overrides", o.id, {{"column_a", x}, {"column_b", y}});
  }
  a.commit();
}

void set_source_type_colour(Project& p, const std::string& name, const std::string& colour) {
  const Id id = p.source_type_id(name);
  if (!valid_colour(colour)) throw ValidationError("colour must look like #RRGGBB, not '" + colour + "'");
  auto a = p.begin_action("Recolour source type " + name);
  a.update("source_types", id, {{"colour", colour}});
  a.commit();
}

void move_source_type(Project& p, const std::string& name, int pos) {
  const Id id = p.source_type_id(name);
  auto types = p.source_types();
  if (pos < 0 || pos >= static_cast<int>(types.size()))
    throw ValidationError("position " + std::to_string(pos + 1) + " is outside 1.." + std::to_string(types.size()));
  std::vector<Id> order;
  for (const auto& t : types)
    if (t.id != id) order.push_back(t.id);
  order.insert(order.begin() + pos, id);
  auto a = p.begin_action("Move source type " + name);
  for (size_t i = 0; i < order.size(); ++i) a.update("source_types", order[i], {{"ord", static_cast<int>(i)}});
  a.commit();
}

int64_t merge_source_types(Project& p, const std::string& from, const std::string& into) {
  const Id f = p.source_type_id(from), t = p.source_type_id(into);
  if (f == t) throw ValidationError("cannot merge source type '" + from + "' into itself");
  auto a = p.begin_action("Merge source type " + from + " into " + into);
  std::vector<Id> docs;
  {
    SQLite::Statement q(p.db(), "SELECT id FROM documents WHERE source_type_id=? ORDER BY id");
    q.bind(1, f);
    while (q.executeStep()) docs.push_back(q.getColumn(0).getInt64());
  }
  for (Id d : docs) a.update("documents", d, {{"source_type_id", t}});
  for (const auto& o : overrides_naming(p, from)) a.remove("overrides", o.id);
  move_source_type_dependents(p, a, f, t);  // summary cells of `from` join those of `into`
  a.remove("source_types", f);
  a.commit();
  return static_cast<int64_t>(docs.size());
}

}  // namespace telaah::store
