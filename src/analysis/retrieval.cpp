// Retrieval sets, code queries and matrices over the evidence table (see retrieval.h).
#include "analysis/retrieval.h"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <set>

#include "analysis/judgement.h"
#include "store/errors.h"
#include "store/project.h"
#include "text/utf8.h"

namespace telaah::analysis {

const char* to_string(CodeOp op) {
  switch (op) {
    case CodeOp::only_a:
      return "A";
    case CodeOp::and_overlap:
      return "A AND B (overlapping)";
    case CodeOp::and_paragraph:
      return "A AND B (same paragraph)";
    case CodeOp::or_:
      return "A OR B";
    case CodeOp::not_:
      return "A NOT B";
  }
  return "A";
}

bool RetrievalFilter::empty() const {
  return source_types.empty() && attributes.empty() && coders.empty() && stances.empty() && date_from.empty() &&
         date_to.empty() && cases.empty() && !docs;
}

namespace {

// The filter resolved against one table: per document and per row flags.
struct Resolved {
  std::vector<char> doc_ok;    // dense document index -> passes the document filters
  std::vector<char> coder_ok;  // dense coder index
  char stance_ok[3] = {1, 1, 1};
  std::vector<char> case_ok;  // row -> in one of the filter's cases; empty: no case filter
  bool row_ok(const EvidenceTable& t, size_t r) const {
    return coder_ok[static_cast<size_t>(t.row_coder[r])] && stance_ok[static_cast<int>(t.row_stance[r])] &&
           (case_ok.empty() || case_ok[r]);
  }
};

// The cases a filter or a matrix names, resolved (NotFound for an unknown one).
std::vector<store::Case> named_cases(const store::Project& p, const std::vector<std::string>& names) {
  std::vector<store::Case> out;
  for (const auto& n : names) {
    store::Case c = store::find_case(p, n);
    if (std::none_of(out.begin(), out.end(), [&](const store::Case& x) { return x.id == c.id; }))
      out.push_back(std::move(c));
  }
  return out;
}

Resolved resolve(const EvidenceTable& t, const store::Project& p, const RetrievalFilter& f) {
  Resolved r;
  int32_t lo = 0, hi = 0;
  const bool dated = !f.date_from.empty() || !f.date_to.empty();
  if (dated) {
    lo = f.date_from.empty() ? 0 : date_range(f.date_from).first;
    hi = f.date_to.empty() ? 99999999 : date_range(f.date_to).second;
    if (lo > hi)
      throw ValidationError("the date range ends (" + f.date_to + ") before it starts (" + f.date_from + ")");
  }
  std::vector<char> type_ok(t.type_id.size(), f.source_types.empty() ? 1 : 0);
  for (const auto& name : f.source_types)
    if (int32_t ti = t.type_index(name); ti >= 0) type_ok[static_cast<size_t>(ti)] = 1;
  // Each attribute condition: the attribute's column and the value's string id
  // (-1 when nobody has that value: the condition then excludes every document).
  std::vector<std::pair<int32_t, int32_t>> attrs;
  for (const auto& [name, value] : f.attributes) attrs.emplace_back(t.attr_names.find(name), t.strings.find(value));
  std::vector<char> member;  // a document set: its members (dense index)
  if (f.docs) {
    member.assign(t.doc_count(), 0);
    for (Id id : *f.docs)
      if (int32_t d = t.doc_index(id); d >= 0) member[static_cast<size_t>(d)] = 1;
  }
  r.doc_ok.assign(t.doc_count(), 0);
  for (size_t d = 0; d < t.doc_count(); ++d) {
    if (f.docs && !member[d]) continue;
    if (!t.doc_live[d] || t.doc_type[d] < 0 || !type_ok[static_cast<size_t>(t.doc_type[d])]) continue;
    if (dated && (t.doc_date[d] == 0 || t.doc_date[d] < lo || t.doc_date[d] > hi)) continue;
    bool ok = true;
    for (auto [a, v] : attrs) ok = ok && a >= 0 && v >= 0 && t.attr_values[static_cast<size_t>(a)][d] == v;
    r.doc_ok[d] = ok ? 1 : 0;
  }
  r.coder_ok.assign(t.coder_id.size(), f.coders.empty() ? 1 : 0);
  for (Id c : f.coders) {
    auto it = std::find(t.coder_id.begin(), t.coder_id.end(), c);
    if (it != t.coder_id.end()) r.coder_ok[static_cast<size_t>(it - t.coder_id.begin())] = 1;
  }
  if (!f.stances.empty()) {
    std::fill(std::begin(r.stance_ok), std::end(r.stance_ok), 0);
    for (auto s : f.stances) r.stance_ok[static_cast<int>(s)] = 1;
  }
  if (!f.cases.empty()) {
    // A document passes when some part of it is in one of the cases; a row when it belongs to one.
    r.case_ok.assign(t.size(), 0);
    std::vector<char> doc_in(t.doc_count(), 0);
    for (const auto& c : named_cases(p, f.cases)) {
      const auto keep = case_rows(t, c);
      for (size_t i = 0; i < keep.size(); ++i) r.case_ok[i] |= keep[i];
      for (const auto& m : c.members)
        if (int32_t d = t.doc_index(m.doc); d >= 0) doc_in[static_cast<size_t>(d)] = 1;
    }
    for (size_t d = 0; d < t.doc_count(); ++d) r.doc_ok[d] = r.doc_ok[d] && doc_in[d];
  }
  return r;
}

int32_t live_code(const EvidenceTable& t, Id id) {
  int32_t c = t.code_index(id);
  if (c < 0 || !t.code_live[static_cast<size_t>(c)])
    throw NotFound("code " + std::to_string(id) + " does not exist (any more)");
  return c;
}

// Dense code index -> member of the set (the codes, with their sub-codes when asked).
std::vector<char> code_set(const EvidenceTable& t, const std::vector<Id>& codes, bool subcodes) {
  std::vector<char> in(t.code_count(), 0);
  for (Id id : codes) {
    int32_t c = live_code(t, id);
    if (subcodes)
      for (int32_t s : t.code_subtree(c)) in[static_cast<size_t>(s)] = 1;
    else
      in[static_cast<size_t>(c)] = 1;
  }
  return in;
}

// The blocks (paragraphs) a span intersects, as indices into `blocks` (sorted by start).
std::pair<size_t, size_t> blocks_of(const std::vector<text::Block>& blocks, int64_t start, int64_t end) {
  auto first = std::partition_point(blocks.begin(), blocks.end(), [&](const text::Block& b) { return b.end <= start; });
  auto last = first;
  while (last != blocks.end() && last->start < end) ++last;
  return {static_cast<size_t>(first - blocks.begin()), static_cast<size_t>(last - blocks.begin())};
}

// Does A row `a` overlap some B row other than itself? `b` holds the B rows of
// the document sorted by start, with the prefix maxima of their ends (the row
// holding the largest end, and the second largest end).
struct BSweep {
  std::vector<int64_t> start;
  std::vector<int64_t> max1, max2;
  std::vector<size_t> max1_row;
  void build(const EvidenceTable& t, const std::vector<size_t>& rows) {
    start.clear(), max1.clear(), max2.clear(), max1_row.clear();
    int64_t m1 = INT64_MIN, m2 = INT64_MIN;
    size_t m1r = SIZE_MAX;
    for (size_t r : rows) {  // rows are in start order already
      const int64_t e = t.row_end[r];
      if (e > m1) {
        m2 = m1;
        m1 = e;
        m1r = r;
      } else if (e > m2) {
        m2 = e;
      }
      start.push_back(t.row_start[r]);
      max1.push_back(m1);
      max2.push_back(m2);
      max1_row.push_back(m1r);
    }
  }
  bool overlaps(const EvidenceTable& t, size_t a) const {
    // B rows with start < a.end; among them one with end > a.start that is not a itself.
    const auto k = static_cast<size_t>(std::lower_bound(start.begin(), start.end(), t.row_end[a]) - start.begin());
    if (k == 0) return false;
    const int64_t best = max1_row[k - 1] == a ? max2[k - 1] : max1[k - 1];
    return best > t.row_start[a];
  }
};

}  // namespace

std::vector<Hit> retrieve(const EvidenceTable& t, const store::Project& p, const RetrievalQuery& q) {
  const bool needs_b = q.op != CodeOp::only_a;
  if (needs_b && q.codes_b.empty())
    throw ValidationError(std::string(to_string(q.op)) + " needs at least one code for B");
  const Resolved f = resolve(t, p, q.filter);
  std::vector<char> in_a =
      q.codes_a.empty() ? std::vector<char>(t.code_count(), 1) : code_set(t, q.codes_a, q.subcodes);
  std::vector<char> in_b = needs_b ? code_set(t, q.codes_b, q.subcodes) : std::vector<char>(t.code_count(), 0);
  auto is_a = [&](size_t r) { return in_a[static_cast<size_t>(t.row_code[r])] != 0; };
  auto is_b = [&](size_t r) { return in_b[static_cast<size_t>(t.row_code[r])] != 0; };

  std::vector<Hit> out;
  std::vector<size_t> brows;
  BSweep sweep;
  std::vector<int> block_count;
  for (size_t d = 0; d < t.doc_count(); ++d) {
    if (!f.doc_ok[d]) continue;
    const auto [first, last] = t.doc_rows(static_cast<int32_t>(d));
    if (first == last) continue;
    switch (q.op) {
      case CodeOp::only_a:
        for (size_t r = first; r < last; ++r)
          if (is_a(r) && f.row_ok(t, r)) out.push_back({r, t.row_id[r]});
        break;
      case CodeOp::or_:
        for (size_t r = first; r < last; ++r)
          if ((is_a(r) || is_b(r)) && f.row_ok(t, r)) out.push_back({r, t.row_id[r]});
        break;
      case CodeOp::and_overlap:
      case CodeOp::not_: {
        brows.clear();
        for (size_t r = first; r < last; ++r)
          if (is_b(r)) brows.push_back(r);
        sweep.build(t, brows);
        const bool want = q.op == CodeOp::and_overlap;
        for (size_t r = first; r < last; ++r)
          if (is_a(r) && f.row_ok(t, r) && sweep.overlaps(t, r) == want) out.push_back({r, t.row_id[r]});
        break;
      }
      case CodeOp::and_paragraph: {
        bool any_a = false, any_b = false;
        for (size_t r = first; r < last && !(any_a && any_b); ++r) {
          any_a |= is_a(r) && f.row_ok(t, r);
          any_b |= is_b(r);
        }
        if (!any_a || !any_b) break;
        const auto blocks = p.blocks(t.doc_id[d]);
        block_count.assign(blocks.size(), 0);
        for (size_t r = first; r < last; ++r)
          if (is_b(r)) {
            auto [b0, b1] = blocks_of(blocks, t.row_start[r], t.row_end[r]);
            for (size_t b = b0; b < b1; ++b) ++block_count[b];
          }
        for (size_t r = first; r < last; ++r) {
          if (!is_a(r) || !f.row_ok(t, r)) continue;
          const int self = is_b(r) ? 1 : 0;  // a coding does not pair with itself
          auto [b0, b1] = blocks_of(blocks, t.row_start[r], t.row_end[r]);
          bool hit = false;
          for (size_t b = b0; b < b1 && !hit; ++b) hit = block_count[b] - self > 0;
          if (hit) out.push_back({r, t.row_id[r]});
        }
        break;
      }
    }
  }
  return out;
}

// --- matrices ---

namespace {

// Dense code -> the matrix rows (selected codes) it counts for.
std::vector<std::vector<uint32_t>> members(const EvidenceTable& t, const std::vector<Id>& codes, bool subcodes) {
  std::vector<std::vector<uint32_t>> m(t.code_count());
  for (size_t i = 0; i < codes.size(); ++i) {
    int32_t c = live_code(t, codes[i]);
    for (int32_t s : subcodes ? t.code_subtree(c) : std::vector<int32_t>{c}) {
      auto& v = m[static_cast<size_t>(s)];
      if (std::find(v.begin(), v.end(), i) == v.end()) v.push_back(static_cast<uint32_t>(i));
    }
  }
  return m;
}

void finish(const EvidenceTable& t, MatrixCell& c) {
  std::sort(c.codings.begin(), c.codings.end(), [](const Hit& a, const Hit& b) { return a.row < b.row; });
  c.codings.erase(std::unique(c.codings.begin(), c.codings.end()), c.codings.end());
  int32_t prev = -1;
  for (const Hit& h : c.codings)  // rows are in document order
    if (t.row_doc[h.row] != prev) {
      prev = t.row_doc[h.row];
      ++c.documents;
    }
}

}  // namespace

CodeMatrix cooccurrence_matrix(const EvidenceTable& t, const store::Project& p, const std::vector<Id>& codes,
                               bool subcodes, const RetrievalFilter& filter) {
  const Resolved f = resolve(t, p, filter);
  const auto mem = members(t, codes, subcodes);
  const size_t n = codes.size();
  CodeMatrix m;
  m.rows = m.columns = codes;
  m.cells.resize(n * n);
  std::vector<size_t> active;
  std::vector<std::pair<uint32_t, uint32_t>> keys;
  for (size_t d = 0; d < t.doc_count(); ++d) {
    if (!f.doc_ok[d]) continue;
    const auto [first, last] = t.doc_rows(static_cast<int32_t>(d));
    active.clear();
    for (size_t r = first; r < last; ++r) {
      const auto& mr = mem[static_cast<size_t>(t.row_code[r])];
      if (mr.empty() || !f.row_ok(t, r)) continue;
      const int64_t start = t.row_start[r];
      std::erase_if(active, [&](size_t a) { return t.row_end[a] <= start; });
      for (size_t a : active) {
        keys.clear();  // each cell counts this pair once, however the codes are nested
        for (uint32_t x : mem[static_cast<size_t>(t.row_code[a])])
          for (uint32_t y : mr) keys.emplace_back(std::min(x, y), std::max(x, y));
        std::sort(keys.begin(), keys.end());
        keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
        for (auto [x, y] : keys) {
          for (auto* c : {&m.cells[x * n + y], &m.cells[y * n + x]}) {
            ++c->count;
            c->codings.push_back({a, t.row_id[a]});
            c->codings.push_back({r, t.row_id[r]});
            if (x == y) break;
          }
        }
      }
      active.push_back(r);
    }
  }
  for (auto& c : m.cells) finish(t, c);
  return m;
}

AttributeMatrix attribute_matrix(const EvidenceTable& t, const store::Project& p, const std::vector<Id>& codes,
                                 bool subcodes, const std::string& by, const RetrievalFilter& filter) {
  const Resolved f = resolve(t, p, filter);
  const auto mem = members(t, codes, subcodes);
  AttributeMatrix m;
  m.by = by;
  m.rows = codes;
  if (by == kByCase) {
    const std::vector<store::Case> cases = filter.cases.empty() ? store::cases(p) : named_cases(p, filter.cases);
    std::vector<std::vector<char>> keep;
    for (const auto& c : cases) {
      m.columns.push_back(c.name);
      keep.push_back(case_rows(t, c));
    }
    m.cells.resize(codes.size() * (cases.size() + 1));
    const size_t nc = cases.size() + 1;
    for (size_t d = 0; d < t.doc_count(); ++d) {
      if (!f.doc_ok[d]) continue;
      const auto [first, last] = t.doc_rows(static_cast<int32_t>(d));
      for (size_t r = first; r < last; ++r) {
        if (!f.row_ok(t, r)) continue;
        for (uint32_t i : mem[static_cast<size_t>(t.row_code[r])]) {
          bool any = false;
          for (size_t c = 0; c <= cases.size(); ++c) {
            if (c < cases.size() ? !keep[c][r] : any) continue;
            any = true;
            auto& cell = m.cells[i * nc + c];
            ++cell.count;
            cell.codings.push_back({r, t.row_id[r]});
          }
        }
      }
    }
    for (auto& c : m.cells) finish(t, c);
    // The "" column only when some coding is in no case.
    bool used = false;
    for (size_t i = 0; i < codes.size(); ++i) used |= m.cells[i * nc + cases.size()].count > 0;
    if (used) {
      m.columns.emplace_back();
    } else {
      std::vector<MatrixCell> cells;
      for (size_t i = 0; i < codes.size(); ++i)
        for (size_t c = 0; c < cases.size(); ++c) cells.push_back(std::move(m.cells[i * nc + c]));
      m.cells = std::move(cells);
    }
    return m;
  }
  // The value of every document, as a column name.
  std::vector<std::string> value(t.doc_count());
  if (by == kBySourceType) {
    for (size_t d = 0; d < t.doc_count(); ++d)
      if (t.doc_type[d] >= 0) value[d] = t.type_name[static_cast<size_t>(t.doc_type[d])];
  } else {
    const int32_t a = t.attr_names.find(by);
    if (a < 0) throw NotFound("no document has the attribute '" + by + "'");
    for (size_t d = 0; d < t.doc_count(); ++d)
      if (int32_t v = t.attr_values[static_cast<size_t>(a)][d]; v >= 0) value[d] = t.strings.name(v);
  }
  std::set<std::string> used;
  bool none = false;
  for (size_t d = 0; d < t.doc_count(); ++d)
    if (f.doc_ok[d]) {
      if (value[d].empty())
        none = true;
      else
        used.insert(value[d]);
    }
  if (by == kBySourceType) {  // the project's order of source types, not the alphabet
    for (int32_t ti : t.type_order)
      if (used.count(t.type_name[static_cast<size_t>(ti)])) m.columns.push_back(t.type_name[static_cast<size_t>(ti)]);
  } else {
    m.columns.assign(used.begin(), used.end());
  }
  if (none) m.columns.emplace_back();
  std::map<std::string, size_t> col;
  for (size_t i = 0; i < m.columns.size(); ++i) col[m.columns[i]] = i;
  const size_t nc = m.columns.size();
  m.cells.resize(codes.size() * nc);
  for (size_t d = 0; d < t.doc_count(); ++d) {
    if (!f.doc_ok[d]) continue;
    const size_t c = col.at(value[d]);
    const auto [first, last] = t.doc_rows(static_cast<int32_t>(d));
    for (size_t r = first; r < last; ++r) {
      if (!f.row_ok(t, r)) continue;
      for (uint32_t i : mem[static_cast<size_t>(t.row_code[r])]) {
        auto& cell = m.cells[i * nc + c];
        ++cell.count;
        cell.codings.push_back({r, t.row_id[r]});
      }
    }
  }
  for (auto& c : m.cells) finish(t, c);
  return m;
}

std::map<std::string, std::vector<std::string>> attribute_values(const EvidenceTable& t) {
  std::map<std::string, std::vector<std::string>> out;
  for (size_t a = 0; a < t.attr_names.size(); ++a) {
    std::set<std::string> vals;
    for (size_t d = 0; d < t.doc_count(); ++d)
      if (t.doc_live[d] && t.attr_values[a][d] >= 0) vals.insert(t.strings.name(t.attr_values[a][d]));
    if (!vals.empty()) out[t.attr_names.name(static_cast<int32_t>(a))].assign(vals.begin(), vals.end());
  }
  return out;
}

// --- row details ---

struct RowDescriber::DocData {
  store::Document meta;
  std::string text;
  text::OffsetMap map;  // views `text`: DocData never moves (held by shared_ptr)
  std::vector<text::Block> blocks;
  std::vector<store::Page> pages;
  std::map<Id, std::string> memos;
  std::map<Id, int> area_page;  // area codings (issue 24)
};

const RowDescriber::DocData& RowDescriber::doc(int32_t d) {
  if (auto it = docs_.find(d); it != docs_.end()) return *it->second;
  constexpr size_t kKeep = 32;  // documents kept; the visible rows rarely span more
  if (recent_.size() >= kKeep) {
    docs_.erase(recent_.front());
    recent_.erase(recent_.begin());
  }
  auto data = std::make_shared<DocData>();
  const Id id = t_.doc_id[static_cast<size_t>(d)];
  data->meta = p_.document(id);
  data->text = p_.text(id);
  data->map = text::OffsetMap(data->text);
  data->blocks = p_.blocks(id);
  data->pages = p_.pages(id);
  store::CodingFilter cf;
  cf.doc = id;
  for (const auto& c : p_.codings(cf))
    if (!c.memo.empty()) data->memos[c.id] = c.memo;
  for (const auto& a : p_.coding_areas(id)) data->area_page[a.coding] = a.page;
  recent_.push_back(d);
  return *docs_.emplace(d, std::move(data)).first->second;
}

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\t';
}

std::string one_line(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c == '\n' || c == '\t') c = ' ';
  return out;
}

}  // namespace

RetrievalRow RowDescriber::describe(const Hit& h) {
  const size_t r = h.row;
  const auto d = t_.row_doc[r];
  const DocData& dd = doc(d);
  RetrievalRow row;
  row.coding = t_.row_id[r];
  row.doc = dd.meta.id;
  row.code = t_.code_id[static_cast<size_t>(t_.row_code[r])];
  row.coder = t_.coder_id[static_cast<size_t>(t_.row_coder[r])];
  row.document = dd.meta.title;
  row.source_type = dd.meta.source_type;
  row.date = dd.meta.date;
  row.code_path = t_.code_path(t_.row_code[r]);
  row.coder_name = t_.coder_name[static_cast<size_t>(t_.row_coder[r])];
  row.stance = t_.row_stance[r];
  row.start = t_.row_start[r];
  row.end = t_.row_end[r];
  if (auto it = dd.memos.find(row.coding); it != dd.memos.end()) row.memo = it->second;
  if (auto it = dd.area_page.find(row.coding); it != dd.area_page.end()) row.area_page = it->second;
  const auto n = static_cast<int64_t>(dd.map.size_cp());
  const int64_t s = std::clamp<int64_t>(row.start, 0, n), e = std::clamp<int64_t>(row.end, s, n);
  auto slice = [&](int64_t a, int64_t b) {
    return text::slice_cp(dd.text, dd.map, static_cast<size_t>(a), static_cast<size_t>(b));
  };
  row.quote = std::string(slice(s, e));
  for (const auto& pg : dd.pages)
    if (pg.start <= s) row.page = pg.page;
  // Context stays inside the paragraphs the quote starts and ends in.
  int64_t lo = 0, hi = n;
  for (size_t i = 0; i < dd.blocks.size(); ++i) {
    const auto& b = dd.blocks[i];
    if (b.start <= s && s < std::max(b.end, b.start + 1)) {
      row.paragraph = static_cast<int>(i) + 1;
      row.speaker = b.speaker;
      if (row.page == 0) row.page = b.page;
      lo = b.start;
    }
    if (b.start < e && e <= b.end) hi = b.end;
  }
  if (row.paragraph == 0 && !dd.blocks.empty()) {  // between paragraphs: context up to the nearest ones
    lo = std::max<int64_t>(0, s - context_);
  }
  const int64_t from = std::max(lo, s - context_), to = std::min(hi, e + context_);
  std::string_view before = slice(from, s), after = slice(e, to);
  if (from > lo) {  // cut: start at a word
    size_t k = 0;
    while (k < before.size() && !is_space(before[k])) ++k;
    before = k < before.size() ? before.substr(k + 1) : std::string_view();
    row.before = "\xE2\x80\xA6" + one_line(before);
  } else {
    row.before = one_line(before);
  }
  if (to < hi) {
    size_t k = after.size();
    while (k > 0 && !is_space(after[k - 1])) --k;
    after = k > 0 ? after.substr(0, k - 1) : std::string_view();
    row.after = one_line(after) + "\xE2\x80\xA6";
  } else {
    row.after = one_line(after);
  }
  return row;
}

std::vector<RetrievalRow> RowDescriber::describe_all(const std::vector<Hit>& hits) {
  std::vector<RetrievalRow> out;
  out.reserve(hits.size());
  for (const Hit& h : hits) out.push_back(describe(h));
  return out;
}

}  // namespace telaah::analysis
