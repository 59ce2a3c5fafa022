// User-level actions: one transaction and one change-log row each, with the
// row images that undo and redo replay.
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>

#include "store/project.h"
#include "store/util.h"

using nlohmann::json;

namespace telaah::store {

// The INSERT statements of the running action, per project: an import adds
// tens of thousands of rows through a handful of statements, and parsing the
// same INSERT again for every row took a third of a 30,000-code REFI import.
// Dropped when the outermost action commits or rolls back, so no statement
// outlives its transaction or its connection. (Kept here rather than in the
// Project so that the class's layout stays as it is.)
namespace {
std::mutex cache_mutex;
std::map<std::pair<const Project*, std::string>, std::unique_ptr<SQLite::Statement>> statement_cache;

SQLite::Statement& cached_statement(const Project* p, SQLite::Database& db, const std::string& sql) {
  std::lock_guard<std::mutex> g(cache_mutex);
  auto& slot = statement_cache[{p, sql}];
  if (!slot) {
    slot = std::make_unique<SQLite::Statement>(db, sql);
  } else {
    slot->reset();
    slot->clearBindings();
  }
  return *slot;
}

void drop_cached_statements(const Project* p) {
  std::lock_guard<std::mutex> g(cache_mutex);
  for (auto it = statement_cache.lower_bound({p, std::string()}); it != statement_cache.end() && it->first.first == p;)
    it = statement_cache.erase(it);
}
}  // namespace

ActionScope Project::begin_action(const std::string& label) {
  return ActionScope(*this, label);
}

ActionScope::ActionScope(Project& p, std::string label)
    : p_(&p), label_(std::move(label)), changes_(std::make_unique<json>(json::array())) {
  if (p.current_) {
    outer_ = false;  // join the enclosing action
    ActionScope& o = *p.current_;
    mark_changes_ = o.changes_->size();
    mark_docs_ = o.docs_.size();
    mark_codebook_ = o.codebook_;
    p.db_->exec("SAVEPOINT telaah_joined");
    return;
  }
  tx_ = new SQLite::Transaction(*p.db_, SQLite::TransactionBehavior::IMMEDIATE);
  p.current_ = this;
}

ActionScope::ActionScope(ActionScope&& o) noexcept
    : p_(o.p_),
      label_(std::move(o.label_)),
      changes_(std::move(o.changes_)),
      docs_(std::move(o.docs_)),
      codebook_(o.codebook_),
      active_(o.active_),
      outer_(o.outer_),
      tx_(o.tx_),
      mark_changes_(o.mark_changes_),
      mark_docs_(o.mark_docs_),
      mark_codebook_(o.mark_codebook_) {
  o.active_ = false;
  o.tx_ = nullptr;
  if (outer_ && p_->current_ == &o) p_->current_ = this;
}

ActionScope::~ActionScope() {
  if (!outer_) {
    if (!active_ || !p_->current_) return;
    // Not committed: undo this part only, in the database and in the log.
    try {
      p_->db_->exec("ROLLBACK TO telaah_joined");
      p_->db_->exec("RELEASE telaah_joined");
    } catch (const std::exception&) {
      // The enclosing transaction is gone already; it rolls back as a whole.
    }
    ActionScope& o = *p_->current_;
    if (o.changes_->size() > mark_changes_)
      o.changes_->erase(o.changes_->begin() + static_cast<long>(mark_changes_), o.changes_->end());
    if (o.docs_.size() > mark_docs_) o.docs_.resize(mark_docs_);
    o.codebook_ = mark_codebook_;
    return;
  }
  if (!tx_) return;
  drop_cached_statements(p_);
  // Not committed: the transaction rolls back in its destructor.
  delete static_cast<SQLite::Transaction*>(tx_);
  tx_ = nullptr;
  if (p_->current_ == this) p_->current_ = nullptr;
}

static ActionScope& owner(Project& p, ActionScope& self, bool outer) {
  return outer ? self : *p.current_action();
}

Id ActionScope::insert(const std::string& table, const json& row) {
  if (!outer_) return owner(*p_, *this, false).insert(table, row);
  require_identifier(table);
  std::string cols, qs;
  for (auto it = row.begin(); it != row.end(); ++it) {
    require_identifier(it.key());
    cols += (cols.empty() ? "" : ",") + it.key();
    qs += qs.empty() ? "?" : ",?";
  }
  SQLite::Statement& st = cached_statement(p_, *p_->db_, "INSERT INTO " + table + "(" + cols + ") VALUES (" + qs + ")");
  int i = 1;
  for (auto it = row.begin(); it != row.end(); ++it) bind_json(st, i++, *it);
  st.exec();
  st.reset();
  Id id = p_->db_->getLastInsertRowid();
  json after = row;
  after["id"] = id;
  changes_->push_back({{"t", table}, {"id", id}, {"b", nullptr}, {"a", after}});
  if (after.contains("doc_id") && after["doc_id"].is_number()) touch_doc(after["doc_id"].get<Id>());
  if (table == "codes") touch_codebook();
  return id;
}

void ActionScope::update(const std::string& table, Id id, const json& cols) {
  if (!outer_) return owner(*p_, *this, false).update(table, id, cols);
  require_identifier(table);
  std::string names;
  for (auto it = cols.begin(); it != cols.end(); ++it) {
    require_identifier(it.key());
    names += (names.empty() ? "" : ",") + it.key();
  }
  SQLite::Statement q(*p_->db_, "SELECT " + names + " FROM " + table + " WHERE id=?");
  q.bind(1, id);
  if (!q.executeStep()) throw InternalError("update of a missing row " + table + "#" + std::to_string(id));
  json before = row_to_json(q);
  if (before == cols) return;  // nothing changes
  std::string set;
  for (auto it = cols.begin(); it != cols.end(); ++it) set += (set.empty() ? "" : ",") + it.key() + "=?";
  SQLite::Statement st(*p_->db_, "UPDATE " + table + " SET " + set + " WHERE id=?");
  int i = 1;
  for (auto it = cols.begin(); it != cols.end(); ++it) bind_json(st, i++, *it);
  st.bind(i, id);
  st.exec();
  changes_->push_back({{"t", table}, {"id", id}, {"b", before}, {"a", cols}});
  if (table == "documents") touch_doc(id);
  if (table == "codes") touch_codebook();
  if (table == "codings" || table == "attributes" || table == "blocks") {
    SQLite::Statement d(*p_->db_, "SELECT doc_id FROM " + table + " WHERE id=?");
    d.bind(1, id);
    if (d.executeStep()) touch_doc(d.getColumn(0).getInt64());
    if (before.contains("doc_id") && before["doc_id"].is_number()) touch_doc(before["doc_id"].get<Id>());
  }
}

void ActionScope::remove(const std::string& table, Id id) {
  if (!outer_) return owner(*p_, *this, false).remove(table, id);
  require_identifier(table);
  SQLite::Statement q(*p_->db_, "SELECT * FROM " + table + " WHERE id=?");
  q.bind(1, id);
  if (!q.executeStep()) throw InternalError("removal of a missing row " + table + "#" + std::to_string(id));
  json before = row_to_json(q);
  q.reset();
  SQLite::Statement st(*p_->db_, "DELETE FROM " + table + " WHERE id=?");
  st.bind(1, id);
  st.exec();
  changes_->push_back({{"t", table}, {"id", id}, {"b", before}, {"a", nullptr}});
  if (before.contains("doc_id") && before["doc_id"].is_number()) touch_doc(before["doc_id"].get<Id>());
  if (table == "codes") touch_codebook();
}

void ActionScope::touch_doc(Id doc) {
  if (!outer_) return owner(*p_, *this, false).touch_doc(doc);
  if (std::find(docs_.begin(), docs_.end(), doc) == docs_.end()) docs_.push_back(doc);
}

void ActionScope::touch_codebook() {
  if (!outer_) return owner(*p_, *this, false).touch_codebook();
  codebook_ = true;
}

void ActionScope::set_label(const std::string& label) {
  if (!outer_) return owner(*p_, *this, false).set_label(label);
  label_ = label;
}

int64_t ActionScope::commit() {
  if (!outer_) {
    if (!active_) throw InternalError("action committed twice");
    p_->db_->exec("RELEASE telaah_joined");
    active_ = false;
    return 0;
  }
  if (!active_ || !tx_) throw InternalError("action committed twice");
  int64_t rev = 0;
  if (!changes_->empty()) {
    // A new action ends the redo stack.
    p_->db_->exec("UPDATE change_log SET state=2 WHERE kind='do' AND state=1");
    SQLite::Statement st(*p_->db_,
                         "INSERT INTO change_log(at, coder, kind, target, label, changes, docs, codebook, state) "
                         "VALUES (?, ?, 'do', 0, ?, ?, ?, ?, 0)");
    st.bind(1, now_iso());
    st.bind(2, p_->coder_);
    st.bind(3, label_);
    st.bind(4, changes_->dump());
    st.bind(5, json(docs_).dump());
    st.bind(6, codebook_ ? 1 : 0);
    st.exec();
    rev = p_->db_->getLastInsertRowid();
  }
  drop_cached_statements(p_);
  auto* tx = static_cast<SQLite::Transaction*>(tx_);
  tx->commit();
  delete tx;
  tx_ = nullptr;
  active_ = false;
  p_->current_ = nullptr;
  if (rev) p_->notify(rev);
  return rev ? rev : p_->revision();
}

void Project::notify(int64_t rev) {
  for (auto& f : listeners_) f(rev);
}

// Applies the recorded images: forward (redo) sets the after images in order,
// backward (undo) restores the before images in reverse order.
void Project::apply_images(const json& changes, bool forward) {
  // One prepared statement per distinct SQL text, for this replay only (an
  // imported codebook of 30,000 codes replays 30,000 alike rows).
  std::map<std::string, std::unique_ptr<SQLite::Statement>> prepared;
  auto statement = [&](const std::string& sql) -> SQLite::Statement& {
    auto& slot = prepared[sql];
    if (!slot) {
      slot = std::make_unique<SQLite::Statement>(*db_, sql);
    } else {
      slot->reset();
      slot->clearBindings();
    }
    return *slot;
  };
  auto apply_one = [&](const json& c) {
    const std::string table = c["t"];
    require_identifier(table);
    const Id id = c["id"];
    const json& from = forward ? c["b"] : c["a"];
    const json& to = forward ? c["a"] : c["b"];
    if (to.is_null()) {  // the row must go
      SQLite::Statement& st = statement("DELETE FROM " + table + " WHERE id=?");
      st.bind(1, id);
      if (st.exec() != 1) throw InternalError("undo/redo: row " + table + "#" + std::to_string(id) + " is missing");
      st.reset();
    } else if (from.is_null()) {  // the row must come back, with its id
      std::string cols = "id", qs = "?";
      for (auto it = to.begin(); it != to.end(); ++it) {
        if (it.key() == "id") continue;
        require_identifier(it.key());
        cols += "," + it.key();
        qs += ",?";
      }
      SQLite::Statement& st = statement("INSERT INTO " + table + "(" + cols + ") VALUES (" + qs + ")");
      st.bind(1, id);
      int i = 2;
      for (auto it = to.begin(); it != to.end(); ++it)
        if (it.key() != "id") bind_json(st, i++, *it);
      st.exec();
    } else {
      std::string set;
      for (auto it = to.begin(); it != to.end(); ++it) {
        require_identifier(it.key());
        set += (set.empty() ? "" : ",") + it.key() + "=?";
      }
      SQLite::Statement& st = statement("UPDATE " + table + " SET " + set + " WHERE id=?");
      int i = 1;
      for (auto it = to.begin(); it != to.end(); ++it) bind_json(st, i++, *it);
      st.bind(i, id);
      if (st.exec() != 1) throw InternalError("undo/redo: row " + table + "#" + std::to_string(id) + " is missing");
    }
  };
  if (forward)
    for (const auto& c : changes) apply_one(c);
  else
    for (auto it = changes.rbegin(); it != changes.rend(); ++it) apply_one(*it);
}

static const char* kUndoTarget =
    "SELECT rev, label, changes, docs, codebook FROM change_log WHERE kind='do' AND state=0 ORDER BY rev DESC LIMIT 1";
// The most recently undone action that is still redoable.
static const char* kRedoTarget =
    "SELECT l.rev, l.label, l.changes, l.docs, l.codebook FROM change_log u JOIN change_log l ON l.rev=u.target "
    "WHERE u.kind='undo' AND l.kind='do' AND l.state=1 ORDER BY u.rev DESC LIMIT 1";

bool Project::can_undo() const {
  return undo_label().has_value();
}
bool Project::can_redo() const {
  return redo_label().has_value();
}

std::optional<std::string> Project::undo_label() const {
  SQLite::Statement q(*db_, kUndoTarget);
  if (q.executeStep()) return q.getColumn(1).getString();
  return std::nullopt;
}

std::optional<std::string> Project::redo_label() const {
  SQLite::Statement q(*db_, kRedoTarget);
  if (q.executeStep()) return q.getColumn(1).getString();
  return std::nullopt;
}

std::string Project::replay(bool undo) {
  if (current_) throw InternalError("undo/redo inside an open action");
  SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
  SQLite::Statement q(*db_, undo ? kUndoTarget : kRedoTarget);
  if (!q.executeStep()) throw UserError(undo ? "nothing to undo" : "nothing to redo");
  const int64_t target = q.getColumn(0).getInt64();
  const std::string label = q.getColumn(1).getString();
  const json changes = json::parse(q.getColumn(2).getString());
  const std::string docs = q.getColumn(3).getString();
  const int codebook = q.getColumn(4).getInt();
  q.reset();
  apply_images(changes, !undo);
  db_->exec("UPDATE change_log SET state=" + std::string(undo ? "1" : "0") + " WHERE rev=" + std::to_string(target));
  SQLite::Statement st(*db_,
                       "INSERT INTO change_log(at, coder, kind, target, label, changes, docs, codebook, state) "
                       "VALUES (?, ?, ?, ?, ?, '[]', ?, ?, 0)");
  st.bind(1, now_iso());
  st.bind(2, coder_);
  st.bind(3, undo ? "undo" : "redo");
  st.bind(4, target);
  st.bind(5, label);
  st.bind(6, docs);
  st.bind(7, codebook);
  st.exec();
  int64_t rev = db_->getLastInsertRowid();
  tx.commit();
  notify(rev);
  return label;
}

std::string Project::undo() {
  return replay(true);
}
std::string Project::redo() {
  return replay(false);
}

std::vector<Change> Project::changes_since(int64_t rev) const {
  std::vector<Change> out;
  SQLite::Statement q(
      *db_, "SELECT rev, at, coder, kind, target, label, docs, codebook FROM change_log WHERE rev > ? ORDER BY rev");
  q.bind(1, rev);
  while (q.executeStep()) {
    Change c;
    c.rev = q.getColumn(0).getInt64();
    c.at = q.getColumn(1).getString();
    c.coder = q.getColumn(2).getString();
    c.kind = q.getColumn(3).getString();
    c.target = q.getColumn(4).getInt64();
    c.label = q.getColumn(5).getString();
    c.docs = json::parse(q.getColumn(6).getString()).get<std::vector<Id>>();
    c.codebook = q.getColumn(7).getInt() != 0;
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace telaah::store
