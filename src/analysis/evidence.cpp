// Loading and refreshing the evidence table from the project file.
// Reads go through the raw SQLite API: for a million rows the per-column
// overhead of a wrapper is most of the cost.
#include "analysis/evidence.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <algorithm>
#include <numeric>
#include <set>

#include "store/duplicates.h"
#include "store/errors.h"
#include "store/project.h"

namespace telaah::analysis {

using store::CodeKind;
using store::Stance;

// --- Interner ---
int32_t Interner::intern(std::string_view s) {
  auto it = ids_.find(std::string(s));
  if (it != ids_.end()) return it->second;
  auto id = static_cast<int32_t>(names_.size());
  names_.emplace_back(s);
  ids_.emplace(names_.back(), id);
  return id;
}

int32_t Interner::find(std::string_view s) const {
  auto it = ids_.find(std::string(s));
  return it == ids_.end() ? -1 : it->second;
}

// --- dates ---
static bool digits(std::string_view s, size_t at, size_t n) {
  if (at + n > s.size()) return false;
  for (size_t i = at; i < at + n; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

static int num(std::string_view s, size_t at, size_t n) {
  int v = 0;
  for (size_t i = at; i < at + n; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

int32_t date_key(std::string_view d) {
  if (d.size() >= 4 && digits(d, 0, 4)) {
    int32_t k = num(d, 0, 4) * 10000;
    if (d.size() >= 7 && d[4] == '-' && digits(d, 5, 2)) {
      k += num(d, 5, 2) * 100;
      if (d.size() >= 10 && d[7] == '-' && digits(d, 8, 2)) k += num(d, 8, 2);
    }
    return k;
  }
  return 0;
}

std::pair<int32_t, int32_t> date_range(std::string_view p) {
  bool ok = (p.size() == 4 && digits(p, 0, 4)) ||
            (p.size() == 7 && digits(p, 0, 4) && p[4] == '-' && digits(p, 5, 2)) ||
            (p.size() == 10 && digits(p, 0, 4) && p[4] == '-' && digits(p, 5, 2) && p[7] == '-' && digits(p, 8, 2));
  if (ok && p.size() >= 7) ok = num(p, 5, 2) >= 1 && num(p, 5, 2) <= 12;
  if (ok && p.size() == 10) ok = num(p, 8, 2) >= 1 && num(p, 8, 2) <= 31;
  if (!ok) throw ValidationError("date '" + std::string(p) + "' is not YYYY-MM-DD (or YYYY-MM, YYYY)");
  int32_t k = date_key(p);
  if (p.size() == 4) return {k, k + 9999};
  if (p.size() == 7) return {k, k + 99};
  return {k, k};
}

// --- small helpers over the raw API ---
namespace {

struct Stmt {
  sqlite3_stmt* s = nullptr;
  Stmt(sqlite3* db, const std::string& sql) {
    if (sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &s, nullptr) != SQLITE_OK)
      throw InternalError(std::string("evidence table: ") + sqlite3_errmsg(db));
  }
  ~Stmt() { sqlite3_finalize(s); }
  bool step() {
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw InternalError(std::string("evidence table: ") + sqlite3_errmsg(sqlite3_db_handle(s)));
  }
  int64_t i64(int c) const { return sqlite3_column_int64(s, c); }
  std::string_view text(int c) const {
    auto* p = reinterpret_cast<const char*>(sqlite3_column_text(s, c));
    return p ? std::string_view(p, static_cast<size_t>(sqlite3_column_bytes(s, c))) : std::string_view();
  }
};

Stance stance_of(std::string_view s) {
  if (!s.empty() && s[0] == 's') return Stance::supports;
  if (!s.empty() && s[0] == 'c') return Stance::contradicts;
  return Stance::neutral;
}

// "id IN (...)" lists in chunks small enough for SQLite's parameter limits.
template <class F>
void for_chunks(const std::vector<Id>& ids, F&& f) {
  constexpr size_t kChunk = 500;
  for (size_t i = 0; i < ids.size(); i += kChunk) {
    std::string list;
    for (size_t j = i; j < std::min(ids.size(), i + kChunk); ++j) list += (j > i ? "," : "") + std::to_string(ids[j]);
    f("(" + list + ")");
  }
}

// Database id -> dense index: a flat vector while ids are dense (the usual
// case for rowids), so the hot loop over a million codings avoids hashing.
struct FlatIndex {
  std::vector<int32_t> v;
  explicit FlatIndex(const std::unordered_map<Id, int32_t>& m) {
    Id max = 0;
    for (auto& [id, _] : m) max = std::max(max, id);
    if (max < 0 || static_cast<size_t>(max) > 8 * m.size() + 1024) return;  // sparse ids: use the map
    v.assign(static_cast<size_t>(max) + 1, -1);
    for (auto& [id, idx] : m)
      if (id >= 0) v[static_cast<size_t>(id)] = idx;
  }
  int32_t get(const std::unordered_map<Id, int32_t>& m, Id id) const {
    if (!v.empty()) return id >= 0 && static_cast<size_t>(id) < v.size() ? v[static_cast<size_t>(id)] : -1;
    auto it = m.find(id);
    return it == m.end() ? -1 : it->second;
  }
};

}  // namespace

// --- loading ---
EvidenceTable EvidenceTable::load(const store::Project& p) {
  EvidenceTable t;
  t.revision_ = p.revision();
  t.load_meta(p);
  t.load_documents(p, nullptr);
  t.load_duplicate_groups(p);
  t.load_rows(p, nullptr, false);
  return t;
}

int32_t EvidenceTable::add_doc_slot(Id id) {
  auto idx = static_cast<int32_t>(doc_id.size());
  doc_index_.emplace(id, idx);
  doc_id.push_back(id);
  doc_live.push_back(false);
  doc_type.push_back(-1);
  doc_date.push_back(0);
  doc_language.push_back(-1);
  doc_author.push_back(-1);
  doc_title.emplace_back();
  doc_group.push_back(0);
  for (auto& a : attr_values) a.push_back(-1);
  return idx;
}

int32_t EvidenceTable::add_code_slot(Id id) {
  auto idx = static_cast<int32_t>(code_id.size());
  code_index_.emplace(id, idx);
  code_id.push_back(id);
  code_live.push_back(false);
  code_parent.push_back(-1);
  code_kind.push_back(CodeKind::code);
  code_name.emplace_back();
  code_aliases.emplace_back();
  code_rollup.push_back(idx);
  return idx;
}

void EvidenceTable::load_meta(const store::Project& p) {
  // Codes: small; the model gives them in tree order.
  auto codes = p.codes();
  std::fill(code_live.begin(), code_live.end(), false);
  code_order.clear();
  for (const auto& c : codes) {
    int32_t i = code_index(c.id);
    if (i < 0) i = add_code_slot(c.id);
    code_live[static_cast<size_t>(i)] = true;
    code_kind[static_cast<size_t>(i)] = c.kind;
    code_name[static_cast<size_t>(i)] = c.name;
    code_aliases[static_cast<size_t>(i)] = c.aliases;
    code_order.push_back(i);
  }
  for (const auto& c : codes) {
    int32_t i = code_index(c.id);
    code_parent[static_cast<size_t>(i)] = c.parent ? code_index(*c.parent) : -1;
  }
  for (size_t i = 0; i < code_id.size(); ++i) {
    auto r = static_cast<int32_t>(i);
    for (int32_t cur = r, guard = 0; cur >= 0 && guard < 10000; cur = code_parent[static_cast<size_t>(cur)], ++guard)
      if (code_kind[static_cast<size_t>(cur)] == CodeKind::indicator) {
        r = cur;
        break;
      }
    code_rollup[i] = r;
  }
  for (const auto& c : p.coders())
    if (std::find(coder_id.begin(), coder_id.end(), c.id) == coder_id.end()) {
      coder_id.push_back(c.id);
      coder_name.push_back(c.name);
    }
  auto types = p.source_types();  // by (ord, id)
  type_order.clear();
  for (const auto& s : types) {
    auto it = std::find(type_id.begin(), type_id.end(), s.id);
    int32_t i;
    if (it == type_id.end()) {
      i = static_cast<int32_t>(type_id.size());
      type_id.push_back(s.id);
      type_name.push_back(s.name);
    } else {
      i = static_cast<int32_t>(it - type_id.begin());
      type_name[static_cast<size_t>(i)] = s.name;
    }
    type_order.push_back(i);
  }
}

void EvidenceTable::load_documents(const store::Project& p, const std::vector<Id>* only) {
  sqlite3* db = p.db().getHandle();
  auto read = [&](const std::string& where) {
    Stmt q(db, "SELECT id, title, source_type_id, language, date, author, deleted FROM documents" + where);
    while (q.step()) {
      Id id = q.i64(0);
      int32_t d = doc_index(id);
      if (d < 0) d = add_doc_slot(id);
      auto i = static_cast<size_t>(d);
      doc_title[i] = std::string(q.text(1));
      Id type = q.i64(2);
      auto it = std::find(type_id.begin(), type_id.end(), type);
      doc_type[i] = it == type_id.end() ? -1 : static_cast<int32_t>(it - type_id.begin());
      doc_language[i] = strings.intern(q.text(3));
      doc_date[i] = date_key(q.text(4));
      doc_author[i] = strings.intern(q.text(5));
      doc_live[i] = q.i64(6) == 0;
    }
  };
  auto read_attrs = [&](const std::string& where) {
    Stmt q(db, "SELECT doc_id, name, value FROM attributes" + where);
    while (q.step()) {
      int32_t d = doc_index(q.i64(0));
      if (d < 0) continue;
      int32_t a = attr_names.find(q.text(1));
      if (a < 0) {
        a = attr_names.intern(q.text(1));
        attr_values.emplace_back(doc_id.size(), -1);
      }
      attr_values[static_cast<size_t>(a)][static_cast<size_t>(d)] = strings.intern(q.text(2));
    }
  };
  if (!only) {
    read(" ORDER BY id");
    read_attrs("");
    return;
  }
  for (Id id : *only) {  // the document's attributes are read afresh
    int32_t d = doc_index(id);
    if (d >= 0)
      for (auto& a : attr_values) a[static_cast<size_t>(d)] = -1;
  }
  for_chunks(*only, [&](const std::string& list) {
    read(" WHERE id IN " + list);
    read_attrs(" WHERE doc_id IN " + list);
  });
}

void EvidenceTable::load_duplicate_groups(const store::Project& p) {
  std::fill(doc_group.begin(), doc_group.end(), 0);
  for (const auto& g : store::duplicate_groups(p))
    if (g.duplicates)
      for (Id id : g.docs) {
        const int32_t d = doc_index(id);
        if (d >= 0) doc_group[static_cast<size_t>(d)] = g.id;
      }
}

void EvidenceTable::load_rows(const store::Project& p, const std::vector<Id>* only, bool replace) {
  std::vector<bool> touched;
  if (replace && only) {  // drop the rows of the reloaded documents
    touched.assign(doc_id.size(), false);
    for (Id id : *only)
      if (int32_t d = doc_index(id); d >= 0) touched[static_cast<size_t>(d)] = true;
    size_t w = 0;
    for (size_t r = 0; r < row_id.size(); ++r) {
      if (touched[static_cast<size_t>(row_doc[r])]) continue;
      row_id[w] = row_id[r];
      row_doc[w] = row_doc[r];
      row_code[w] = row_code[r];
      row_coder[w] = row_coder[r];
      row_start[w] = row_start[r];
      row_end[w] = row_end[r];
      row_stance[w] = row_stance[r];
      ++w;
    }
    for (auto* v : {&row_doc, &row_code, &row_coder}) v->resize(w);
    for (auto* v : {&row_start, &row_end}) v->resize(w);
    row_id.resize(w);
    row_stance.resize(w);
  }
  const size_t from = row_id.size();
  FlatIndex docs(doc_index_), codes(code_index_);
  std::unordered_map<Id, int32_t> coder_map;
  for (size_t i = 0; i < coder_id.size(); ++i) coder_map.emplace(coder_id[i], static_cast<int32_t>(i));
  FlatIndex coders(coder_map);
  sqlite3* db = p.db().getHandle();
  auto read = [&](const std::string& where) {
    Stmt q(db, "SELECT id, doc_id, code_id, coder_id, start, end, stance FROM codings" + where);
    while (q.step()) {
      int32_t d = docs.get(doc_index_, q.i64(1));
      if (d < 0 || !doc_live[static_cast<size_t>(d)]) continue;
      int32_t c = codes.get(code_index_, q.i64(2));
      int32_t k = coders.get(coder_map, q.i64(3));
      if (c < 0 || k < 0) continue;  // foreign keys make this unreachable; a stale table must not crash
      row_id.push_back(q.i64(0));
      row_doc.push_back(d);
      row_code.push_back(c);
      row_coder.push_back(k);
      row_start.push_back(q.i64(4));
      row_end.push_back(q.i64(5));
      row_stance.push_back(stance_of(q.text(6)));
    }
  };
  if (!only) {
    size_t n = static_cast<size_t>(sqlite3_int64(p.db().execAndGet("SELECT count(*) FROM codings").getInt64()));
    for (auto* v : {&row_doc, &row_code, &row_coder}) v->reserve(n);
    for (auto* v : {&row_start, &row_end}) v->reserve(n);
    row_id.reserve(n);
    row_stance.reserve(n);
    read("");
  } else {
    for_chunks(*only, [&](const std::string& list) { read(" WHERE doc_id IN " + list); });
  }
  sort_rows(from);
  rebuild_doc_ranges();
}

// Rows [0, from) are sorted; [from, n) are new. Sorts the new part (a stable
// counting sort by document keeps coding-id order inside a document; a small
// sort per document does the rest) and merges it into place.
void EvidenceTable::sort_rows(size_t from) {
  const size_t n = row_id.size();
  if (from == n) return;
  auto less = [&](uint32_t a, uint32_t b) {
    if (row_doc[a] != row_doc[b]) return row_doc[a] < row_doc[b];
    if (row_start[a] != row_start[b]) return row_start[a] < row_start[b];
    if (row_end[a] != row_end[b]) return row_end[a] < row_end[b];
    return row_id[a] < row_id[b];
  };
  std::vector<uint32_t> fresh(n - from);
  {
    std::vector<uint32_t> count(doc_id.size() + 1, 0);
    for (size_t r = from; r < n; ++r) ++count[static_cast<size_t>(row_doc[r]) + 1];
    for (size_t d = 1; d < count.size(); ++d) count[d] += count[d - 1];
    for (size_t r = from; r < n; ++r) fresh[count[static_cast<size_t>(row_doc[r])]++] = static_cast<uint32_t>(r);
    for (size_t i = 0; i < fresh.size();) {
      size_t j = i + 1;
      while (j < fresh.size() && row_doc[fresh[j]] == row_doc[fresh[i]]) ++j;
      std::sort(fresh.begin() + static_cast<ptrdiff_t>(i), fresh.begin() + static_cast<ptrdiff_t>(j), less);
      i = j;
    }
  }
  std::vector<uint32_t> order;
  order.reserve(n);
  size_t a = 0, b = 0;
  while (a < from || b < fresh.size()) {
    if (b == fresh.size() || (a < from && !less(fresh[b], static_cast<uint32_t>(a))))
      order.push_back(static_cast<uint32_t>(a++));
    else
      order.push_back(fresh[b++]);
  }
  auto gather = [&](auto& v) {
    std::remove_reference_t<decltype(v)> out(n);
    for (size_t i = 0; i < n; ++i) out[i] = v[order[i]];
    v.swap(out);
  };
  gather(row_id);
  gather(row_doc);
  gather(row_code);
  gather(row_coder);
  gather(row_start);
  gather(row_end);
  gather(row_stance);
}

void EvidenceTable::rebuild_doc_ranges() {
  doc_first_.assign(doc_id.size() + 1, 0);
  for (int32_t d : row_doc) ++doc_first_[static_cast<size_t>(d) + 1];
  for (size_t d = 1; d < doc_first_.size(); ++d) doc_first_[d] += doc_first_[d - 1];
}

bool EvidenceTable::refresh(const store::Project& p) {
  auto changes = p.changes_since(revision_);
  if (changes.empty()) return false;
  std::set<Id> docs;
  for (const auto& c : changes) docs.insert(c.docs.begin(), c.docs.end());
  const int64_t rev = changes.back().rev;
  // Reloading a large share of the documents piecemeal is slower than one scan.
  if (docs.size() > 2000 && docs.size() * 4 > doc_id.size()) {
    *this = load(p);
    return true;
  }
  load_meta(p);  // codes, coders and source types are small: always read afresh
  if (!docs.empty()) {
    std::vector<Id> list(docs.begin(), docs.end());
    load_documents(p, &list);
    load_rows(p, &list, true);
  }
  load_duplicate_groups(p);
  revision_ = rev;
  return true;
}

// --- lookups ---
int32_t EvidenceTable::doc_index(Id id) const {
  auto it = doc_index_.find(id);
  return it == doc_index_.end() ? -1 : it->second;
}

int32_t EvidenceTable::code_index(Id id) const {
  auto it = code_index_.find(id);
  return it == code_index_.end() ? -1 : it->second;
}

int32_t EvidenceTable::coder_index(const std::string& name) const {
  auto it = std::find(coder_name.begin(), coder_name.end(), name);
  return it == coder_name.end() ? -1 : static_cast<int32_t>(it - coder_name.begin());
}

int32_t EvidenceTable::type_index(const std::string& name) const {
  auto it = std::find(type_name.begin(), type_name.end(), name);
  return it == type_name.end() ? -1 : static_cast<int32_t>(it - type_name.begin());
}

std::pair<size_t, size_t> EvidenceTable::doc_rows(int32_t doc) const {
  if (doc < 0 || static_cast<size_t>(doc) + 1 >= doc_first_.size()) return {0, 0};
  return {doc_first_[static_cast<size_t>(doc)], doc_first_[static_cast<size_t>(doc) + 1]};
}

std::string EvidenceTable::code_path(int32_t code) const {
  std::string path;
  for (int32_t cur = code, guard = 0; cur >= 0 && guard < 10000; cur = code_parent[static_cast<size_t>(cur)], ++guard)
    path = path.empty() ? code_name[static_cast<size_t>(cur)] : code_name[static_cast<size_t>(cur)] + "/" + path;
  return path;
}

std::vector<int32_t> EvidenceTable::code_subtree(int32_t code) const {
  std::vector<int32_t> out{code};
  for (size_t i = 0; i < out.size(); ++i)
    for (int32_t c : code_order)
      if (code_parent[static_cast<size_t>(c)] == out[i]) out.push_back(c);
  return out;
}

}  // namespace telaah::analysis
