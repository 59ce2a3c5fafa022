// PDF page geometry to paragraphs (see pdf_layout.h).
#include "ingest/pdf_layout.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "text/utf8.h"

namespace telaah::ingest::pdf {

namespace {

struct Cell {
  double x0 = 0, x1 = 0;
  std::string text;
};

struct Line {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0, size = 0;
  bool bold = false;
  std::vector<Cell> cells;  // split at wide gaps
  std::string text;         // cells joined by spaces
  double height() const { return std::max(0.1, y1 - y0); }
};

char32_t first_cp(const std::string& s) {
  if (s.empty()) return 0;
  size_t i = 0;
  return text::decode_next(s, i);
}

char32_t last_cp(const std::string& s) {
  if (s.empty()) return 0;
  size_t i = s.size() - 1;
  while (i > 0 && text::is_continuation(static_cast<unsigned char>(s[i]))) --i;
  return text::decode_next(s, i);
}

bool is_lower(char32_t c) {
  return u_isULowercase(static_cast<UChar32>(c));
}
bool is_letter(char32_t c) {
  return u_isUAlphabetic(static_cast<UChar32>(c));
}

Line finish_line(const std::vector<const Word*>& ws) {
  Line l;
  l.x0 = ws.front()->x0;
  l.y0 = ws.front()->y0;
  l.x1 = ws.front()->x1;
  l.y1 = ws.front()->y1;
  std::map<double, size_t> size_chars;
  size_t bold_chars = 0, chars = 0;
  Cell cell{ws.front()->x0, ws.front()->x1, ""};
  for (size_t k = 0; k < ws.size(); ++k) {
    const Word& w = *ws[k];
    l.x0 = std::min(l.x0, w.x0);
    l.x1 = std::max(l.x1, w.x1);
    l.y0 = std::min(l.y0, w.y0);
    l.y1 = std::max(l.y1, w.y1);
    size_chars[std::round(w.size * 2) / 2] += w.text.size();
    chars += w.text.size();
    if (w.bold) bold_chars += w.text.size();
    if (k > 0) {
      const Word& p = *ws[k - 1];
      const double gap = w.x0 - p.x1;
      const double em = std::max({p.size, w.size, 1.0});
      if (gap > 0.8 * em) {  // a column gap: a new table cell
        l.cells.push_back(cell);
        cell = Cell{w.x0, w.x1, ""};
      } else if (p.space_after || gap > 0.15 * em) {
        cell.text += ' ';
      }
    }
    cell.text += w.text;
    cell.x1 = std::max(cell.x1, w.x1);
  }
  l.cells.push_back(cell);
  for (const auto& c : l.cells) l.text += (l.text.empty() ? "" : " ") + c.text;
  l.size = std::max_element(size_chars.begin(), size_chars.end(), [](auto& a, auto& b) {
             return a.second < b.second;
           })->first;
  l.bold = chars > 0 && bold_chars * 5 >= chars * 4;
  return l;
}

// Runs of words on one baseline, from words in poppler's reading order.
// Poppler reads a table column block by column block, so a run of words
// that starts on the baseline of a line a few lines back, to its right,
// belongs to that line. Whether such a run is a table cell or the next
// column of the page is decided later, by order_page().
std::vector<std::vector<const Word*>> build_runs(const Page& pg) {
  struct Building {
    std::vector<const Word*> words;
    double y0, y1, x1;
  };
  std::vector<Building> lines;
  auto on_line = [](const Building& b, const Word& w) {
    const double cy = (w.y0 + w.y1) / 2;
    return cy >= b.y0 - 0.5 && cy <= b.y1 + 0.5 && w.x0 >= b.x1 - 0.5 * std::max(1.0, w.size);
  };
  const Word* prev = nullptr;
  size_t cur = 0;  // the line the previous word went to
  for (const Word& w : pg.words) {
    if (w.text.empty() || !std::isfinite(w.x0) || !std::isfinite(w.x1) || !std::isfinite(w.y0) ||
        !std::isfinite(w.y1) || !std::isfinite(w.size))
      continue;  // geometry that cannot be ordered
    Building* target = nullptr;
    if (!lines.empty() && on_line(lines[cur], w)) {
      target = &lines[cur];
    } else if (prev && !prev->space_after && !lines.empty()) {
      // A new run: maybe the next cell of a line a few lines back.
      const Building& last = lines.back();
      const double h = std::max(1.0, last.y1 - last.y0);
      for (size_t k = lines.size(), seen = 0; k-- > 0 && seen < 8; ++seen) {
        if (std::fabs(lines[k].y0 - last.y0) > 4 * h) break;
        if (on_line(lines[k], w)) {
          target = &lines[k];
          break;
        }
      }
    }
    if (!target) {
      lines.push_back({{}, w.y0, w.y1, w.x1});
      target = &lines.back();
    }
    cur = static_cast<size_t>(target - lines.data());
    target->words.push_back(&w);
    target->y0 = std::min(target->y0, w.y0);
    target->y1 = std::max(target->y1, w.y1);
    target->x1 = std::max(target->x1, w.x1);
    prev = &w;
  }
  std::vector<std::vector<const Word*>> out;
  out.reserve(lines.size());
  for (auto& b : lines) out.push_back(std::move(b.words));
  return out;
}

// A piece of a line between gaps wider than a word space (a table cell, or
// the part of a line in one column of the page).
struct Seg {
  std::vector<const Word*> words;
  double x0 = 0, x1 = 0, y0 = 0, y1 = 0, size = 0;
  double height() const { return std::max(0.1, y1 - y0); }
};

std::vector<Seg> segments_of(const std::vector<std::vector<const Word*>>& runs) {
  std::vector<Seg> out;
  for (const auto& ws : runs) {
    Seg cur;
    for (size_t k = 0; k < ws.size(); ++k) {
      const Word& w = *ws[k];
      if (k > 0) {
        const Word& p = *ws[k - 1];
        if (w.x0 - p.x1 > 0.8 * std::max({p.size, w.size, 1.0})) {  // the cell gap of finish_line
          out.push_back(std::move(cur));
          cur = Seg{};
        }
      }
      if (cur.words.empty()) {
        cur.x0 = w.x0;
        cur.x1 = w.x1;
        cur.y0 = w.y0;
        cur.y1 = w.y1;
      }
      cur.x0 = std::min(cur.x0, w.x0);
      cur.x1 = std::max(cur.x1, w.x1);
      cur.y0 = std::min(cur.y0, w.y0);
      cur.y1 = std::max(cur.y1, w.y1);
      cur.size = std::max(cur.size, w.size);
      cur.words.push_back(&w);
    }
    if (!cur.words.empty()) out.push_back(std::move(cur));
  }
  return out;
}

// Reading order of a page's segments: a recursive XY cut. A region is cut
// at its widest vertical gap when that gap is a gutter between columns of
// text — running text (three lines or more, of four words or more) on both
// sides, or on one side with the other side's lines not on the same
// baselines or ending several lines before or after the text (a side
// column). A gap between short cells on shared baselines is a table's, and
// its rows stay whole. Otherwise the region is cut into horizontal strips,
// and runs of strips that share a gutter (two columns below a full-width
// title or abstract) are ordered as one region. Strips at the top or bottom
// of such a run whose every piece stands away from its column's left edge
// (centred author names above the columns) are read as strips, before or
// after it. The result is a list of leaves (one strip or segment each), in
// reading order.
// The x extent covered by a set of segments, as disjoint sorted intervals
// (as many as there are columns, so adding a strip stays cheap).
class Cover {
 public:
  void add(double a, double b) {
    std::vector<std::pair<double, double>> out;
    out.reserve(iv_.size() + 1);
    bool placed = false;
    for (const auto& x : iv_) {
      if (x.second < a) {
        out.push_back(x);
      } else if (x.first > b) {
        if (!placed) out.emplace_back(a, b);
        placed = true;
        out.push_back(x);
      } else {
        a = std::min(a, x.first);
        b = std::max(b, x.second);
      }
    }
    if (!placed) out.emplace_back(a, b);
    iv_ = std::move(out);
  }
  double widest_hole() const {
    double w = 0;
    for (size_t k = 1; k < iv_.size(); ++k) w = std::max(w, iv_[k].first - iv_[k - 1].second);
    return w;
  }

 private:
  std::vector<std::pair<double, double>> iv_;
};

class Orderer {
 public:
  Orderer(const std::vector<Seg>& s, double gutter) : s_(s), gutter_(gutter) {}
  std::vector<std::vector<size_t>> leaves;

  void order(std::vector<size_t> idx, int depth = 0) {
    if (idx.size() <= 1 || depth > 100) {
      leaf(std::move(idx));
      return;
    }
    std::vector<size_t> left, right;
    if (column_cut(idx, left, right)) {
      auto strips = strips_of(idx);
      const double el = min_x0(left), er = min_x0(right);
      std::set<size_t> on_left(left.begin(), left.end());
      auto away = [&](const std::vector<size_t>& strip) {
        for (size_t i : strip) {
          const bool in_left = on_left.count(i) > 0;
          if (s_[i].x0 <= (in_left ? el : er) + 3 * s_[i].size) return false;
        }
        return true;
      };
      size_t top = 0, bottom = strips.size();
      while (bottom - top > 1 && away(strips[top])) ++top;
      while (bottom - top > 1 && away(strips[bottom - 1])) --bottom;
      if (top > 0 || bottom < strips.size()) {
        for (size_t k = 0; k < top; ++k) order(strips[k], depth + 1);
        std::vector<size_t> mid;
        for (size_t k = top; k < bottom; ++k) mid.insert(mid.end(), strips[k].begin(), strips[k].end());
        order(std::move(mid), depth + 1);
        for (size_t k = bottom; k < strips.size(); ++k) order(strips[k], depth + 1);
        return;
      }
      order(std::move(left), depth + 1);
      order(std::move(right), depth + 1);
      return;
    }
    auto strips = strips_of(idx);
    if (strips.size() == 1) {
      leaf(std::move(idx));
      return;
    }
    for (size_t i = 0; i < strips.size();) {
      std::vector<size_t> group = strips[i];
      Cover cover;
      for (size_t k : strips[i]) cover.add(s_[k].x0, s_[k].x1);
      size_t j = i + 1;
      for (; j < strips.size(); ++j) {
        Cover wider = cover;
        for (size_t k : strips[j]) wider.add(s_[k].x0, s_[k].x1);
        if (wider.widest_hole() < gutter_) break;
        cover = std::move(wider);
        group.insert(group.end(), strips[j].begin(), strips[j].end());
      }
      std::vector<size_t> l, r;
      if (j - i >= 2 && column_cut(group, l, r)) {
        order(std::move(group), depth + 1);
      } else {
        for (size_t k = i; k < j; ++k) order(strips[k], depth + 1);
      }
      i = j;
    }
  }

 private:
  void leaf(std::vector<size_t> idx) {
    if (!idx.empty()) leaves.push_back(std::move(idx));
  }
  double min_x0(const std::vector<size_t>& idx) const {
    double m = 1e300;
    for (size_t i : idx) m = std::min(m, s_[i].x0);
    return m;
  }
  // The widest x interval no segment covers, if at least a gutter wide.
  std::optional<std::pair<double, double>> gap(const std::vector<size_t>& idx) const {
    std::vector<std::pair<double, double>> iv;
    iv.reserve(idx.size());
    for (size_t i : idx) iv.emplace_back(s_[i].x0, s_[i].x1);
    std::sort(iv.begin(), iv.end());
    double reach = iv.front().second;
    std::pair<double, double> best{0, 0};
    for (size_t k = 1; k < iv.size(); ++k) {
      if (iv[k].first - reach > best.second - best.first) best = {reach, iv[k].first};
      reach = std::max(reach, iv[k].second);
    }
    if (best.second - best.first < gutter_) return std::nullopt;
    return best;
  }
  bool running(const std::vector<size_t>& side) const {
    if (side.size() < 3) return false;
    std::vector<size_t> n;
    for (size_t i : side) n.push_back(s_[i].words.size());
    std::nth_element(n.begin(), n.begin() + static_cast<long>(n.size() / 2), n.end());
    return n[n.size() / 2] >= 4;
  }
  // Most lines of the smaller side sit on a baseline of the other side.
  bool aligned(const std::vector<size_t>& a, const std::vector<size_t>& b) const {
    const auto& small = a.size() <= b.size() ? a : b;
    const auto& large = a.size() <= b.size() ? b : a;
    size_t hit = 0;
    for (size_t i : small)
      for (size_t j : large)
        if (std::fabs(s_[i].y1 - s_[j].y1) <= 1.0) {
          ++hit;
          break;
        }
    return hit * 2 >= small.size();
  }
  bool column_cut(const std::vector<size_t>& idx, std::vector<size_t>& left, std::vector<size_t>& right) const {
    left.clear();
    right.clear();
    const auto g = gap(idx);
    if (!g) return false;
    for (size_t i : idx) (s_[i].x1 <= g->first + 1e-6 ? left : right).push_back(i);
    const bool rl = running(left), rr = running(right);
    if (rl && rr) return true;
    if (!rl && !rr) return false;
    // Running text on one side only: a side column when its lines do not
    // share baselines with the text, or when the text runs on for several
    // lines above or below the other side (a table's rows end together).
    return !aligned(left, right) || runs_beyond(rl ? left : right, rl ? right : left);
  }
  bool runs_beyond(const std::vector<size_t>& text, const std::vector<size_t>& other) const {
    double t0 = 1e300, t1 = -1e300, o0 = 1e300, o1 = -1e300, h = 0;
    for (size_t i : text) {
      t0 = std::min(t0, s_[i].y0);
      t1 = std::max(t1, s_[i].y1);
      h = std::max(h, s_[i].height());
    }
    for (size_t i : other) {
      o0 = std::min(o0, s_[i].y0);
      o1 = std::max(o1, s_[i].y1);
    }
    return std::max(0.0, o0 - t0) + std::max(0.0, t1 - o1) > 4 * h;
  }
  // Horizontal strips: segments whose middle bands overlap, top to bottom.
  std::vector<std::vector<size_t>> strips_of(std::vector<size_t> idx) const {
    auto core0 = [&](size_t i) { return s_[i].y0 + 0.25 * s_[i].height(); };
    auto core1 = [&](size_t i) { return s_[i].y1 - 0.25 * s_[i].height(); };
    std::sort(idx.begin(), idx.end(),
              [&](size_t a, size_t b) { return core0(a) != core0(b) ? core0(a) < core0(b) : s_[a].x0 < s_[b].x0; });
    std::vector<std::vector<size_t>> out;
    double bottom = -1e300;
    for (size_t i : idx) {
      if (out.empty() || core0(i) > bottom) {
        out.emplace_back();
        bottom = core1(i);
      }
      out.back().push_back(i);
      bottom = std::max(bottom, core1(i));
    }
    return out;
  }

  const std::vector<Seg>& s_;
  double gutter_;
};

// The page's lines in reading order: segments ordered by Orderer, and the
// segments of each leaf on one baseline joined into a line (cells of a table
// row), left to right.
std::vector<Line> build_lines(const std::vector<std::vector<const Word*>>& runs) {
  std::vector<Seg> segs = segments_of(runs);
  std::vector<std::vector<size_t>> leaves;
  if (segs.size() <= 5000) {
    std::vector<double> sizes;
    for (const auto& sg : segs) sizes.push_back(sg.size);
    double median = 10;
    if (!sizes.empty()) {
      std::nth_element(sizes.begin(), sizes.begin() + static_cast<long>(sizes.size() / 2), sizes.end());
      median = sizes[sizes.size() / 2];
    }
    Orderer o(segs, std::max(5.0, 0.9 * median));
    std::vector<size_t> all(segs.size());
    for (size_t i = 0; i < all.size(); ++i) all[i] = i;
    if (!all.empty()) o.order(std::move(all));
    leaves = std::move(o.leaves);
  } else {  // too many pieces to order: poppler's order, line by line
    std::vector<Line> out;
    for (const auto& ws : runs)
      if (!ws.empty()) out.push_back(finish_line(ws));
    return out;
  }
  std::vector<Line> out;
  for (auto& lf : leaves) {
    std::sort(lf.begin(), lf.end(), [&](size_t a, size_t b) {
      const double ca = (segs[a].y0 + segs[a].y1) / 2, cb = (segs[b].y0 + segs[b].y1) / 2;
      return ca != cb ? ca < cb : segs[a].x0 < segs[b].x0;
    });
    std::vector<std::vector<size_t>> rows;
    double row_bottom = -1e300;
    for (size_t i : lf) {
      const double c = (segs[i].y0 + segs[i].y1) / 2;
      if (rows.empty() || c > row_bottom) {
        rows.emplace_back();
        row_bottom = segs[i].y1;
      }
      rows.back().push_back(i);
      row_bottom = std::max(row_bottom, segs[i].y1);
    }
    for (auto& r : rows) {
      std::sort(r.begin(), r.end(), [&](size_t a, size_t b) { return segs[a].x0 < segs[b].x0; });
      std::vector<const Word*> ws;
      for (size_t i : r) ws.insert(ws.end(), segs[i].words.begin(), segs[i].words.end());
      out.push_back(finish_line(ws));
    }
  }
  return out;
}

// "Halaman 3 dari 7", "Page 3 of 7", "- 3 -", "iv": a line that is only a page number.
bool is_page_number(const std::string& t) {
  std::string s;
  for (char c : t) s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* w : {"halaman", "hal.", "hlm.", "page", "p.", "of", "dari", "-", "–", "/", " ", "|"}) {
    for (size_t p; (p = s.find(w)) != std::string::npos;) s.erase(p, std::strlen(w));
  }
  if (s.empty() || s.size() > 12) return false;
  return s.find_first_not_of("0123456789") == std::string::npos || s.find_first_not_of("ivxlc") == std::string::npos;
}

std::string furniture_key(const std::string& t) {
  std::string k;
  for (char c : t)
    k += std::isdigit(static_cast<unsigned char>(c)) ? '#'
                                                     : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return k;
}

// Drops running headers / footers and page numbers. A running header is a
// line in the top or bottom tenth of a page (one of the two outermost lines
// there) whose text, digits ignored, stands in the same place — the same
// margin, within half a line — on at least two pages and on at least half
// of the pages with text. The same words elsewhere (a journal name in a
// first-page citation at the foot of page 1, a header that moved) stay.
// pages: the runs of each page as lines; returns, per page, which to drop.
std::vector<std::vector<bool>> furniture(const std::vector<std::vector<Line>>& pages, const std::vector<Page>& src) {
  std::vector<std::pair<double, double>> outer(pages.size(), {0, 0});  // 2nd-highest top, 2nd-lowest bottom
  for (size_t p = 0; p < pages.size(); ++p) {
    std::vector<double> ys;
    for (const auto& l : pages[p]) ys.push_back(l.y0);
    std::sort(ys.begin(), ys.end());
    if (!ys.empty()) outer[p] = {ys[std::min<size_t>(1, ys.size() - 1)], ys[ys.size() >= 2 ? ys.size() - 2 : 0]};
  }
  // 0: not in a margin zone, 1: top, 2: bottom.
  auto zone = [&](size_t p, const Line& l) {
    double h = src[p].height;
    if (h <= 0)
      for (const auto& x : pages[p]) h = std::max(h, x.y1);
    if (h <= 0) return 0;
    if (l.y1 <= h * 0.1 && l.y0 <= outer[p].first) return 1;
    if (l.y0 >= h * 0.9 && l.y0 >= outer[p].second) return 2;
    return 0;
  };
  struct Seen {
    size_t page;
    double y0;
  };
  std::map<std::pair<int, std::string>, std::vector<Seen>> seen;  // (zone, key) -> where
  size_t with_text = 0;
  for (size_t p = 0; p < pages.size(); ++p) {
    if (!pages[p].empty()) ++with_text;
    for (const auto& l : pages[p])
      if (int z = zone(p, l)) seen[{z, furniture_key(l.text)}].push_back({p, l.y0});
  }
  auto repeats = [&](const Line& l, int z) {
    const auto& where = seen[{z, furniture_key(l.text)}];
    std::set<size_t> on;
    const double tol = std::max(2.0, 0.5 * l.height());
    for (const auto& w : where)
      if (std::fabs(w.y0 - l.y0) <= tol) on.insert(w.page);
    return on.size() >= 2 && on.size() * 2 >= with_text;
  };
  std::vector<std::vector<bool>> drop(pages.size());
  for (size_t p = 0; p < pages.size(); ++p)
    for (const Line& l : pages[p]) {
      const int z = zone(p, l);
      drop[p].push_back(z && (is_page_number(l.text) || repeats(l, z)));
    }
  return drop;
}

bool is_bullet(const std::string& w) {
  for (const char* b : {"•", "◦", "▪", "‣", "●", "○", "■", "□", "–", "-", "*", "·", "➢", "✓"})
    if (w == b) return true;
  return false;
}

std::string without_bullet(const std::string& t) {
  const size_t sp = t.find(' ');
  return sp != std::string::npos && is_bullet(t.substr(0, sp)) ? t.substr(sp + 1) : t;
}

bool starts_list_item(const std::string& t) {
  const std::string first = t.substr(0, t.find(' '));
  if (first.size() == t.size()) return false;  // a marker needs text after it
  if (is_bullet(first)) return true;
  if (first.size() < 2 || first.size() > 6) return false;
  const char end = first.back();
  if (end != '.' && end != ')') return false;
  std::string body = first.substr(first[0] == '(' ? 1 : 0);
  body.pop_back();
  if (body.empty()) return false;
  const bool digits = body.find_first_not_of("0123456789") == std::string::npos && body.size() <= 3;
  const bool letter = body.size() == 1 && std::islower(static_cast<unsigned char>(body[0]));
  const bool roman = body.find_first_not_of("ivx") == std::string::npos;
  return digits || letter || roman;
}

bool ends_sentence(const std::string& t) {
  // Only the tail matters (closing quotes and brackets, then the mark); never copy a long paragraph.
  std::string s = t.substr(t.size() > 32 ? t.size() - 32 : 0);
  while (!s.empty()) {
    const char32_t c = last_cp(s);
    if (c == '"' || c == ')' || c == 0x201D || c == 0x2019 || c == '\'') {
      size_t i = s.size() - 1;
      while (i > 0 && text::is_continuation(static_cast<unsigned char>(s[i]))) --i;
      s.resize(i);
      continue;
    }
    return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == 0x2026;
  }
  return false;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool is_word_edge_punct(char c) {
  return std::strchr("\"'()[]{}<>,.;:!?*", c) != nullptr;
}

// How often each word (lower-cased, punctuation around it dropped) occurs in
// the document's lines; a word cut by a hyphen at a line end is not counted.
class Attested {
 public:
  void add_line(const std::string& t) {
    size_t i = 0;
    while (i < t.size()) {
      while (i < t.size() && t[i] == ' ') ++i;
      size_t e = t.find(' ', i);
      if (e == std::string::npos) e = t.size();
      std::string_view w(t.data() + i, e - i);
      const bool last = e == t.size();
      i = e;
      while (!w.empty() && is_word_edge_punct(w.front())) w.remove_prefix(1);
      while (!w.empty() && is_word_edge_punct(w.back())) w.remove_suffix(1);
      if (w.empty() || (last && w.back() == '-')) continue;
      ++count_[lower_ascii(w)];
    }
  }
  size_t count(const std::string& w) const {
    auto it = count_.find(w);
    return it == count_.end() ? 0 : it->second;
  }

 private:
  std::unordered_map<std::string, size_t> count_;
};

// Parts before a line-end hyphen that are prefixes written with a hyphen
// (e-mail, x-ray, self-evident, non-governmental) rather than broken words.
bool hyphen_prefix(const std::string& low) {
  for (const char* p : {"e", "x", "self", "non"})
    if (low == p) return true;
  return false;
}

// Appends the next line of a paragraph. A line that ends in a hyphen:
//   soft hyphen (U+00AD) after a letter             -> joined, hyphen dropped;
//   digit-digit ("2011-" / "2015")                  -> kept, no space: 2011-2015;
//   letter-letter, the parts the same word ("kota-" / "kota") -> kept (reduplication);
//   letter-letter, the document has the word elsewhere with the hyphen
//     ("sister-city") at least as often as without it -> kept;
//     without it more often ("TraceMonkey")        -> joined;
//   lower-case letter, hyphen, lower-case letter ("Compila-" / "tion")
//     -> joined ("Compilation"), unless the part before is one letter or a
//     prefix written with a hyphen (e-, x-, self-, non-) -> kept;
//   any other letter-letter ("Jakarta-" / "Seoul") -> kept, no space;
//   anything else (a dash after a space or a sign)  -> a space, as between words.
void join_line(std::string& para, const std::string& next, size_t& repaired, const Attested* attested) {
  if (para.empty()) {
    para = next;
    return;
  }
  const char32_t last = last_cp(para);
  const bool hyphen = last == '-' || last == 0x2010 || last == 0xAD;
  if (hyphen && !next.empty()) {
    const size_t cut = para.size() - (last == '-' ? 1 : last == 0xAD ? 2 : 3);
    // Views, not copies: a paragraph can be long and this runs for every line.
    const std::string_view before = std::string_view(para).substr(0, cut);
    const char32_t b = last_cp(std::string(before.substr(before.size() >= 8 ? before.size() - 8 : 0)));
    const char32_t a = first_cp(next);
    auto join = [&] {
      para.resize(cut);
      para += next;
      ++repaired;
    };
    if (is_letter(b) && last == 0xAD) return join();
    if (u_isdigit(static_cast<UChar32>(b)) && u_isdigit(static_cast<UChar32>(a))) {
      para += next;
      return;
    }
    if (is_letter(b) && is_letter(a)) {
      const size_t ws = before.find_last_of(' ');
      std::string_view left = before.substr(ws == std::string_view::npos ? 0 : ws + 1);
      while (!left.empty() && is_word_edge_punct(left.front())) left.remove_prefix(1);
      const std::string l_low = lower_ascii(left);
      const std::string r_low = lower_ascii(next.substr(0, next.find_first_of(" ,.;:!?)\"'")));
      if (!l_low.empty() && r_low.rfind(l_low, 0) == 0) {  // "negara-" / "negara": Indonesian plural
        para += next;
        return;
      }
      if (attested && !l_low.empty()) {
        const size_t with = attested->count(l_low + "-" + r_low), without = attested->count(l_low + r_low);
        if (with > 0 && with >= without) {
          para += next;
          return;
        }
        if (without > with) return join();
      }
      if (is_lower(b) && is_lower(a) && text::count_code_points(l_low) > 1 && !hyphen_prefix(l_low)) return join();
      para += next;  // "Jakarta-\nSeoul", "e-\nmail": a real hyphen, no space
      return;
    }
  }
  para += ' ';
  para += next;
}

// A table in progress: rows of cells with their x positions.
struct Table {
  struct Row {
    double y0 = 0, y1 = 0;
    int page = 0;
    std::vector<Cell> cells;
  };
  std::vector<Row> rows;
  std::vector<double> columns;  // left edges seen so far

  bool active() const { return !rows.empty(); }
  void add_columns(const std::vector<Cell>& cells) {
    for (const auto& c : cells)
      if (columns.size() < 64 &&
          std::none_of(columns.begin(), columns.end(), [&](double x) { return std::fabs(x - c.x0) < 4; }))
        columns.push_back(c.x0);
    std::sort(columns.begin(), columns.end());
  }
  // The column a cell belongs to, if it starts at or inside one.
  int column_of(const Cell& c) const {
    int best = -1;
    for (size_t k = 0; k < columns.size(); ++k)
      if (c.x0 >= columns[k] - 4) best = static_cast<int>(k);
    return best;
  }
  // A line that continues the cells of the last row (wrapped cell text).
  bool continues(const Line& l) const {
    const Row& r = rows.back();
    // A line with several cells, one in the first column, is the next row.
    if (l.cells.size() > 1 && column_of(l.cells.front()) == 0) return false;
    if (l.y0 < r.y0 - 1 || l.y0 > r.y1 + 1.0 * l.height()) return false;
    for (const auto& c : l.cells) {
      const int col = column_of(c);
      if (col < 0 || std::fabs(columns[col] - c.x0) > 4) return false;
      if (col + 1 < static_cast<int>(columns.size()) && c.x1 > columns[col + 1] + 2) return false;
    }
    return true;
  }
  void add(const Line& l, int page) {
    add_columns(l.cells);
    if (active() && std::fabs(l.y0 - rows.back().y0) < 0.5 * l.height()) {  // more cells on the row's first line
      for (const auto& c : l.cells) rows.back().cells.push_back(c);
      rows.back().y1 = std::max(rows.back().y1, l.y1);
      return;
    }
    if (active() && continues(l)) {
      Row& r = rows.back();
      for (const auto& c : l.cells) {
        auto it =
            std::find_if(r.cells.begin(), r.cells.end(), [&](const Cell& x) { return std::fabs(x.x0 - c.x0) < 4; });
        if (it == r.cells.end())
          r.cells.push_back(c);
        else {
          size_t dummy = 0;
          join_line(it->text, c.text, dummy, nullptr);
        }
      }
      r.y1 = std::max(r.y1, l.y1);
      return;
    }
    rows.push_back({l.y0, l.y1, page, l.cells});
  }
  // Rows as tab-separated lines, cells placed in their columns.
  void flush(std::vector<Block>& out) {
    for (auto& r : rows) {
      std::vector<std::string> slots(columns.size());
      for (const auto& c : r.cells) {
        const int col = std::max(0, column_of(c));
        slots[col] += (slots[col].empty() ? "" : " ") + c.text;
      }
      std::string line;
      for (size_t k = 0; k < slots.size(); ++k) line += (k ? "\t" : "") + slots[k];
      while (!line.empty() && line.back() == '\t') line.pop_back();
      if (!line.empty()) out.push_back({"row", line, r.page});
    }
    rows.clear();
    columns.clear();
  }
};

struct Para {
  std::string text;
  int page = 0;
  double size = 0, x0 = 0;
  bool bold = true, list = false;
  size_t lines = 0;
  Line last;
};

}  // namespace

Layout layout(const std::vector<Page>& pages) {
  Layout out;
  // Running headers and page numbers go first (they are found on poppler's
  // lines, before the columns are ordered); the rest is ordered into lines.
  std::vector<std::vector<std::vector<const Word*>>> runs;
  std::vector<std::vector<Line>> raw(pages.size());
  for (size_t p = 0; p < pages.size(); ++p) {
    runs.push_back(build_runs(pages[p]));
    for (const auto& r : runs[p]) raw[p].push_back(finish_line(r));
  }
  const auto drop = furniture(raw, pages);
  std::vector<std::vector<Line>> lines;
  for (size_t p = 0; p < pages.size(); ++p) {
    std::vector<std::vector<const Word*>> kept;
    for (size_t k = 0; k < runs[p].size(); ++k) {
      if (drop[p][k])
        ++out.furniture_removed;
      else
        kept.push_back(std::move(runs[p][k]));
    }
    lines.push_back(build_lines(kept));
  }

  // The body font size (most characters) and the usual gap between its lines.
  std::map<double, size_t> chars_by_size;
  for (const auto& ls : lines)
    for (const auto& l : ls) chars_by_size[l.size] += l.text.size();
  double body = 10;
  if (!chars_by_size.empty())
    body = std::max_element(chars_by_size.begin(), chars_by_size.end(), [](auto& a, auto& b) {
             return a.second < b.second;
           })->first;
  std::vector<double> gaps;
  for (const auto& ls : lines)
    for (size_t k = 1; k < ls.size(); ++k) {
      const Line &a = ls[k - 1], &b = ls[k];
      if (std::fabs(a.size - body) < 0.5 && std::fabs(b.size - body) < 0.5 && b.y0 > a.y0 &&
          b.y0 - a.y1 < 2 * a.height())
        gaps.push_back(b.y0 - a.y1);
    }
  double usual_gap = 0.25 * body;
  if (!gaps.empty()) {
    std::nth_element(gaps.begin(), gaps.begin() + static_cast<long>(gaps.size() / 2), gaps.end());
    usual_gap = gaps[gaps.size() / 2];
  }

  Attested attested;
  for (const auto& ls : lines)
    for (const auto& l : ls) attested.add_line(l.text);

  std::vector<Para> paras;                     // closed paragraphs (tables interleaved as blocks)
  std::vector<std::pair<size_t, Block>> rows;  // table rows, positioned before paras[first]
  Table table;
  Para cur;
  bool open = false;
  int cur_page = 0;  // the page of cur's last line
  // Lines in smaller type (footnotes, captions, a first-page citation) met
  // while a body paragraph is open in mid-sentence: set aside, so that the
  // paragraph can go on in the next column or page, and placed after it.
  struct Float {
    Line line;
    int page;
  };
  std::vector<Float> floats;
  std::vector<std::pair<size_t, PageStart>> starts;  // para index, page start (offset into that para)
  int page = 0;
  bool page_started = false;
  auto mark_page = [&](size_t para_index, size_t offset) {
    if (!page_started) starts.emplace_back(para_index, PageStart{page, 0, offset});
    page_started = true;
  };
  auto flush_table = [&] {
    if (!table.active()) return;
    std::vector<Block> rs;
    table.flush(rs);
    for (auto& r : rs) rows.emplace_back(paras.size(), std::move(r));
  };
  std::function<void(const Line&, int, bool)> feed;
  auto close_para = [&] {
    if (open && !cur.text.empty()) paras.push_back(cur);
    open = false;
    cur = Para{};
    if (floats.empty()) return;
    auto fl = std::move(floats);
    floats.clear();
    for (const auto& f : fl) feed(f.line, f.page, true);
    if (open && !cur.text.empty()) paras.push_back(cur);
    open = false;
    cur = Para{};
  };
  // One line in reading order; `replay`: a set-aside line placed now (it
  // marks no page start: its page began earlier).
  feed = [&](const Line& l, int pg, bool replay) {
    // Tables: lines with column gaps, and the lines that wrap inside their cells.
    const bool multi = l.cells.size() >= 2;
    if (multi || (table.active() && table.continues(l))) {
      close_para();
      table.add(l, pg);
      // Blocks are counted in output order: closed paragraphs, flushed rows, then this table's rows.
      if (!replay) mark_page(paras.size() + rows.size() + table.rows.size() - 1, 0);
      return;
    }
    flush_table();
    const bool list = starts_list_item(l.text);
    const bool small = l.size < 0.9 * body - 0.05;
    if (open && !replay && small && cur.size >= 0.9 * body - 0.05 && !cur.list && !ends_sentence(cur.text)) {
      floats.push_back({l, pg});
      return;
    }
    if (open) {
      const Line& prev = cur.last;
      const bool same_font = std::fabs(l.size - cur.size) <= 0.1 * std::max(l.size, cur.size) && l.bold == prev.bold;
      const bool moved_up = l.y0 < prev.y0 - 1 || pg != cur_page;  // new column or page
      const bool continues_text = same_font && !list && !ends_sentence(cur.text) && is_lower(first_cp(l.text));
      bool brk;
      if (moved_up || !floats.empty()) {
        brk = !continues_text;
      } else {
        const double gap = l.y0 - prev.y1;
        const bool wide_gap = gap > usual_gap + 0.35 * std::min(l.height(), prev.height());
        const bool indent = !cur.list && l.x0 > cur.x0 + 0.8 * l.size && cur.lines >= 1 && prev.x0 <= cur.x0 + 1;
        brk = !same_font || wide_gap || list || indent;
      }
      if (!brk) {
        join_line(cur.text, l.text, out.hyphens_repaired, &attested);
        // A page that begins inside this paragraph begins where this line's text does.
        if (!replay) mark_page(paras.size() + rows.size(), cur.text.size() - l.text.size());
        cur.bold = cur.bold && l.bold;
        cur.last = l;
        cur_page = pg;
        ++cur.lines;
        return;
      }
      close_para();
      if (open) {  // the last set-aside line's paragraph ends here
        paras.push_back(cur);
        open = false;
        cur = Para{};
      }
    }
    if (!replay) mark_page(paras.size() + rows.size(), 0);
    open = true;
    cur.text = l.text;
    cur.page = pg;
    cur.size = l.size;
    cur.x0 = l.x0;
    cur.bold = l.bold;
    cur.list = list;
    cur.lines = 1;
    cur.last = l;
    cur_page = pg;
  };

  for (size_t p = 0; p < lines.size(); ++p) {
    page = static_cast<int>(p) + 1;
    page_started = false;
    for (const Line& l : lines[p]) feed(l, page, false);
    if (!page_started) starts.emplace_back(SIZE_MAX, PageStart{page, 0, 0});  // a page without text
  }
  close_para();
  flush_table();

  // Headings: larger than the body by size rank; bold short lines at body size next.
  std::set<double, std::greater<>> heading_sizes;
  for (const auto& pa : paras)
    if (pa.size > body * 1.12 && pa.text.size() < 300) heading_sizes.insert(pa.size);
  auto kind_of = [&](const Para& pa) -> std::string {
    if (pa.size > body * 1.12 && pa.text.size() < 300) {
      const auto rank = static_cast<int>(std::distance(heading_sizes.begin(), heading_sizes.find(pa.size)));
      return "h" + std::to_string(std::min(6, rank + 1));
    }
    if (pa.bold && pa.lines <= 2 && pa.text.size() < 150 && !ends_sentence(pa.text) && pa.size >= body - 0.5)
      return "h" + std::to_string(std::min(6, static_cast<int>(heading_sizes.size()) + 1));
    return pa.list ? "li" : "p";
  };

  // Paragraphs and table rows in output order (the order mark_page counted in).
  size_t r = 0;
  for (size_t k = 0; k <= paras.size(); ++k) {
    while (r < rows.size() && rows[r].first == k) out.blocks.push_back(rows[r++].second);
    if (k == paras.size()) break;
    std::string kind = kind_of(paras[k]);
    std::string t = paras[k].text;
    if (kind == "li") t = without_bullet(t);  // numbers ("3.", "b)") stay: they are cited
    out.blocks.push_back({kind, t, paras[k].page});
  }
  for (size_t k = 0; k < starts.size(); ++k) {
    PageStart s = starts[k].second;
    size_t index = starts[k].first;
    if (index == SIZE_MAX) {  // a page without text starts where the next page's text does
      s.offset = 0;
      for (size_t j = k + 1; j < starts.size() && index == SIZE_MAX; ++j)
        if (starts[j].first != SIZE_MAX) {
          index = starts[j].first;
          s.offset = starts[j].second.offset;
        }
    }
    s.block = std::min(index, out.blocks.size());
    if (s.block == out.blocks.size()) s.offset = 0;
    out.starts.push_back(s);
  }
  return out;
}

}  // namespace telaah::ingest::pdf
