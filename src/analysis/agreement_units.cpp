// Agreement counts of one document: character level by sweeping the event
// points of the coders' merged spans (cost grows with the number of codings,
// not with the length of the text), segment level by matching segments on
// their overlap ratio.
#include "analysis/agreement_units.h"

#include <algorithm>
#include <bit>
#include <numeric>

namespace telaah::analysis::detail {

bool reaches(double ratio, double threshold) {
  return ratio >= threshold - 1e-9;
}

std::vector<Span> merge_spans(std::vector<Span> spans) {
  std::sort(spans.begin(), spans.end(),
            [](const Span& x, const Span& y) { return x.start != y.start ? x.start < y.start : x.end < y.end; });
  std::vector<Span> out;
  for (const auto& s : spans) {
    if (s.end <= s.start) continue;
    if (!out.empty() && s.start <= out.back().end)
      out.back().end = std::max(out.back().end, s.end);
    else
      out.push_back(s);
  }
  return out;
}

int64_t total_length(const std::vector<Span>& spans) {
  int64_t n = 0;
  for (const auto& s : spans) n += s.end - s.start;
  return n;
}

namespace {

bool view_counts(uint64_t p, const View& v) {
  if (v.pair()) return (p >> v.a & 1) && (p >> v.b & 1);
  return std::popcount(p) >= 2;
}

// One unit (or a run of `weight` identical units) on which the coders in
// `present` said "present" and the other participants "absent".
void add_units(Tally& t, const View& v, uint64_t present, int participants, int64_t weight) {
  if (weight <= 0) return;
  t.units += weight;
  t.co.add_binary(std::popcount(present), participants, static_cast<double>(weight));
  if (!v.pair()) return;
  const bool a = present >> v.a & 1, b = present >> v.b & 1;
  if (a && b)
    t.table.both += weight;
  else if (a)
    t.table.only_a += weight;
  else if (b)
    t.table.only_b += weight;
  else
    t.table.neither += weight;
}

// [first, last) ranges of `segs` with one code each.
template <class F>
void for_each_code(const std::vector<Seg>& segs, F&& f) {
  for (size_t i = 0; i < segs.size();) {
    size_t j = i;
    while (j < segs.size() && segs[j].code == segs[i].code) ++j;
    f(segs[i].code, i, j);
    i = j;
  }
}

}  // namespace

void count_characters(const std::vector<Seg>& segs, int ncodes, int64_t doc_length, uint64_t participants,
                      const View& v, bool exclude_uncoded, std::vector<Tally>& tallies) {
  const uint64_t p = participants & v.mask;
  if (!view_counts(p, v)) return;
  const int m = std::popcount(p);

  // The units: the whole text, or only what some coder of the view coded.
  int64_t base = doc_length;
  if (exclude_uncoded) {
    std::vector<Span> all;
    for (const auto& s : segs)
      if (p >> s.coder & 1) all.push_back({s.start, s.end});
    base = total_length(merge_spans(std::move(all)));
  }
  if (base == 0) return;

  std::vector<bool> seen(static_cast<size_t>(ncodes), false);
  struct Event {
    int64_t pos;
    int coder;
    int delta;
  };
  std::vector<Event> ev;
  std::vector<Span> spans;
  for_each_code(segs, [&](int32_t code, size_t first, size_t last) {
    seen[static_cast<size_t>(code)] = true;
    ev.clear();
    for (size_t i = first; i < last;) {  // per coder: merged spans become events
      size_t j = i;
      spans.clear();
      while (j < last && segs[j].coder == segs[i].coder) {
        spans.push_back({segs[j].start, segs[j].end});
        ++j;
      }
      const int coder = segs[i].coder;
      if (p >> coder & 1)
        for (const auto& s : merge_spans(spans)) {
          ev.push_back({s.start, coder, +1});
          ev.push_back({s.end, coder, -1});
        }
      i = j;
    }
    std::sort(ev.begin(), ev.end(), [](const Event& x, const Event& y) { return x.pos < y.pos; });
    Tally& t = tallies[static_cast<size_t>(code)];
    uint64_t present = 0;
    int64_t covered = 0, prev = 0;
    for (const auto& e : ev) {
      if (present && e.pos > prev) {
        add_units(t, v, present, m, e.pos - prev);
        covered += e.pos - prev;
      }
      // Each coder's spans are merged, so a coder is either in or out.
      if (e.delta > 0)
        present |= uint64_t{1} << e.coder;
      else
        present &= ~(uint64_t{1} << e.coder);
      prev = e.pos;
    }
    add_units(t, v, 0, m, base - covered);
  });
  // Codes nobody used in this document: every unit is "absent" for all.
  for (int c = 0; c < ncodes; ++c)
    if (!seen[static_cast<size_t>(c)]) add_units(tallies[static_cast<size_t>(c)], v, 0, m, base);
}

std::vector<Group> match_segments(const std::vector<Seg>& in, const SegmentRule& rule) {
  // The same span coded twice by one coder is one decision.
  std::vector<size_t> idx;
  {
    std::vector<size_t> order(in.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](size_t x, size_t y) {
      const Seg &a = in[x], &b = in[y];
      if (a.start != b.start) return a.start < b.start;
      if (a.end != b.end) return a.end < b.end;
      return a.coder < b.coder;
    });
    for (size_t k : order)
      if (idx.empty() || in[idx.back()].start != in[k].start || in[idx.back()].end != in[k].end ||
          in[idx.back()].coder != in[k].coder)
        idx.push_back(k);
  }
  const size_t n = idx.size();
  auto ratio = [&](size_t x, size_t y) {
    const Seg &a = in[idx[x]], &b = in[idx[y]];
    return overlap_ratio(a.start, a.end, b.start, b.end, rule.overlap);
  };
  struct Pair {
    double r;
    size_t x, y;
  };
  std::vector<Pair> pairs;
  for (size_t x = 0; x < n; ++x)
    for (size_t y = x + 1; y < n && in[idx[y]].start < in[idx[x]].end; ++y)
      if (in[idx[y]].coder != in[idx[x]].coder) {
        double r = ratio(x, y);
        if (reaches(r, rule.threshold)) pairs.push_back({r, x, y});
      }
  std::stable_sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) { return a.r > b.r; });

  std::vector<size_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  std::vector<std::vector<size_t>> members(n);
  std::vector<uint64_t> mask(n);
  for (size_t x = 0; x < n; ++x) {
    members[x] = {x};
    mask[x] = uint64_t{1} << in[idx[x]].coder;
  }
  auto find = [&](size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (const auto& pr : pairs) {
    size_t gx = find(pr.x), gy = find(pr.y);
    if (gx == gy || (mask[gx] & mask[gy])) continue;  // one segment per coder in a group
    bool all = true;                                  // complete linkage: every cross pair matches
    for (size_t s : members[gx])
      for (size_t t : members[gy])
        if (!reaches(ratio(s, t), rule.threshold)) all = false;
    if (!all) continue;
    parent[gy] = gx;
    mask[gx] |= mask[gy];
    members[gx].insert(members[gx].end(), members[gy].begin(), members[gy].end());
    members[gy].clear();
  }
  std::vector<Group> out;
  for (size_t x = 0; x < n; ++x) {
    if (find(x) != x) continue;
    Group g;
    g.members = mask[x];
    g.start = INT64_MAX;
    g.end = INT64_MIN;
    for (size_t s : members[x]) {
      g.segs.push_back(idx[s]);
      g.start = std::min(g.start, in[idx[s]].start);
      g.end = std::max(g.end, in[idx[s]].end);
    }
    std::sort(g.segs.begin(), g.segs.end());
    out.push_back(std::move(g));
  }
  std::sort(out.begin(), out.end(),
            [](const Group& a, const Group& b) { return a.start != b.start ? a.start < b.start : a.end < b.end; });
  return out;
}

void count_segments(const std::vector<Seg>& segs, int ncodes, uint64_t participants, const View& v,
                    const SegmentRule& rule, std::vector<Tally>& tallies) {
  const uint64_t p = participants & v.mask;
  if (!view_counts(p, v)) return;
  const int m = std::popcount(p);

  struct Located {
    int32_t code;
    Group g;
  };
  std::vector<Located> groups;
  std::vector<Seg> one;
  for_each_code(segs, [&](int32_t code, size_t first, size_t last) {
    one.clear();
    for (size_t i = first; i < last; ++i)
      if (p >> segs[i].coder & 1) one.push_back(segs[i]);
    for (auto& g : match_segments(one, rule)) groups.push_back({code, std::move(g)});
  });
  if (groups.empty()) return;

  // Passages: groups of any code at the same place (matching the passage's
  // first group at the threshold). A passage where nobody coded code c is one
  // "neither" unit for c.
  std::sort(groups.begin(), groups.end(), [](const Located& a, const Located& b) {
    if (a.g.start != b.g.start) return a.g.start < b.g.start;
    if (a.g.end != b.g.end) return a.g.end < b.g.end;
    return a.code < b.code;
  });
  struct Passage {
    int64_t start, end;
    std::vector<int32_t> codes;
  };
  std::vector<Passage> passages;
  std::vector<size_t> active;  // passages whose anchor may still overlap what comes next
  for (const auto& lg : groups) {
    std::erase_if(active, [&](size_t k) { return passages[k].end <= lg.g.start; });
    size_t best = SIZE_MAX;
    double best_r = -1;
    for (size_t k : active) {
      double r = overlap_ratio(passages[k].start, passages[k].end, lg.g.start, lg.g.end, rule.overlap);
      if (reaches(r, rule.threshold) && r > best_r) best = k, best_r = r;
    }
    if (best == SIZE_MAX) {
      passages.push_back({lg.g.start, lg.g.end, {}});
      best = passages.size() - 1;
      active.push_back(best);
    }
    passages[best].codes.push_back(lg.code);
  }
  std::vector<int64_t> with_code(static_cast<size_t>(ncodes), 0);
  for (auto& ps : passages) {
    std::sort(ps.codes.begin(), ps.codes.end());
    ps.codes.erase(std::unique(ps.codes.begin(), ps.codes.end()), ps.codes.end());
    for (int32_t c : ps.codes) ++with_code[static_cast<size_t>(c)];
  }
  for (const auto& lg : groups) add_units(tallies[static_cast<size_t>(lg.code)], v, lg.g.members, m, 1);
  const int64_t n = static_cast<int64_t>(passages.size());
  for (int c = 0; c < ncodes; ++c)
    add_units(tallies[static_cast<size_t>(c)], v, 0, m, n - with_code[static_cast<size_t>(c)]);
}

}  // namespace telaah::analysis::detail
