// PDF page geometry to paragraphs (see pdf_layout.h).
#include "ingest/pdf_layout.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <map>
#include <set>

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

// Visual lines from words in poppler's reading order. Poppler reads a table
// column block by column block, so a run of words that starts on the
// baseline of a line a few lines back, to its right, belongs to that line;
// looking back only a few nearby lines keeps the columns of a two-column
// page apart.
std::vector<Line> build_lines(const Page& pg) {
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
    if (w.text.empty()) continue;
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
  std::vector<Line> out;
  out.reserve(lines.size());
  for (const auto& b : lines) out.push_back(finish_line(b.words));
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

// Drops running headers / footers (the same line at the top or bottom of
// most pages, digits ignored) and page numbers.
size_t remove_furniture(std::vector<std::vector<Line>>& pages, const std::vector<Page>& src) {
  // Furniture sits in the top or bottom tenth of the page, and is one of the
  // two outermost lines there (body lines near the margin are not).
  std::vector<std::pair<double, double>> outer(pages.size(), {0, 0});  // 2nd-highest top, 2nd-lowest bottom
  for (size_t p = 0; p < pages.size(); ++p) {
    std::vector<double> ys;
    for (const auto& l : pages[p]) ys.push_back(l.y0);
    std::sort(ys.begin(), ys.end());
    if (!ys.empty()) outer[p] = {ys[std::min<size_t>(1, ys.size() - 1)], ys[ys.size() >= 2 ? ys.size() - 2 : 0]};
  }
  auto in_zone = [&](size_t p, const Line& l) {
    double h = src[p].height;
    if (h <= 0)
      for (const auto& x : pages[p]) h = std::max(h, x.y1);
    const bool top = l.y1 <= h * 0.1 && l.y0 <= outer[p].first;
    const bool bottom = l.y0 >= h * 0.9 && l.y0 >= outer[p].second;
    return h > 0 && (top || bottom);
  };
  std::map<std::string, size_t> count;
  size_t with_text = 0;
  for (size_t p = 0; p < pages.size(); ++p) {
    if (!pages[p].empty()) ++with_text;
    std::set<std::string> keys;
    for (const auto& l : pages[p])
      if (in_zone(p, l)) keys.insert(furniture_key(l.text));
    for (const auto& k : keys) ++count[k];
  }
  size_t removed = 0;
  for (size_t p = 0; p < pages.size(); ++p) {
    auto& ls = pages[p];
    const size_t before = ls.size();
    ls.erase(std::remove_if(ls.begin(), ls.end(),
                            [&](const Line& l) {
                              if (!in_zone(p, l)) return false;
                              const size_t c = count[furniture_key(l.text)];
                              return is_page_number(l.text) || (c >= 2 && c * 2 >= with_text);
                            }),
             ls.end());
    removed += before - ls.size();
  }
  return removed;
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

// Appends the next line of a paragraph: hyphenation at the line end
// repaired when the next line starts in lowercase, reduplication kept.
void join_line(std::string& para, const std::string& next, size_t& repaired) {
  if (para.empty()) {
    para = next;
    return;
  }
  const char32_t last = last_cp(para);
  const bool hyphen = last == '-' || last == 0x2010 || last == 0xAD;
  if (hyphen) {
    const size_t cut = para.size() - (last == '-' ? 1 : last == 0xAD ? 2 : 3);
    // Views, not copies: a paragraph can be long and this runs for every line.
    const std::string_view before = std::string_view(para).substr(0, cut);
    if (is_letter(last_cp(std::string(before.substr(before.size() >= 8 ? before.size() - 8 : 0))))) {
      if (last == 0xAD || is_lower(first_cp(next))) {
        // "negara-\nnegara" is a reduplicated word (Indonesian plural), not a hyphenated one.
        const size_t ws = before.find_last_of(' ');
        std::string l_low(before.substr(ws == std::string_view::npos ? 0 : ws + 1));
        std::string r_low = next.substr(0, next.find_first_of(" ,.;:!?)"));
        for (char& c : l_low) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        for (char& c : r_low) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (last != 0xAD && !l_low.empty() && r_low.rfind(l_low, 0) == 0) {
          para += next;  // keep the hyphen, no space
          return;
        }
        para.resize(cut);
        para += next;
        ++repaired;
        return;
      }
      para += next;  // "Jakarta-\nSeoul": a real hyphen, no space
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
          join_line(it->text, c.text, dummy);
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
  std::vector<std::vector<Line>> lines;
  for (const auto& p : pages) lines.push_back(build_lines(p));
  out.furniture_removed = remove_furniture(lines, pages);

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

  std::vector<Para> paras;                     // closed paragraphs (tables interleaved as blocks)
  std::vector<std::pair<size_t, Block>> rows;  // table rows, positioned before paras[first]
  Table table;
  Para cur;
  bool open = false;
  std::vector<std::pair<size_t, PageStart>> starts;  // para index, page start (offset into that para)
  auto close_para = [&] {
    if (open && !cur.text.empty()) paras.push_back(cur);
    open = false;
    cur = Para{};
  };
  auto flush_table = [&] {
    if (!table.active()) return;
    std::vector<Block> rs;
    table.flush(rs);
    for (auto& r : rs) rows.emplace_back(paras.size(), std::move(r));
  };

  for (size_t p = 0; p < lines.size(); ++p) {
    const int page = static_cast<int>(p) + 1;
    bool page_started = false;
    auto mark_page = [&](size_t para_index, size_t offset) {
      if (!page_started) starts.emplace_back(para_index, PageStart{page, 0, offset});
      page_started = true;
    };
    for (const Line& l : lines[p]) {
      // Tables: lines with column gaps, and the lines that wrap inside their cells.
      const bool multi = l.cells.size() >= 2;
      if (multi || (table.active() && table.continues(l))) {
        close_para();
        table.add(l, page);
        // Blocks are counted in output order: closed paragraphs, flushed rows, then this table's rows.
        mark_page(paras.size() + rows.size() + table.rows.size() - 1, 0);
        continue;
      }
      flush_table();
      const bool list = starts_list_item(l.text);
      if (open) {
        const Line& prev = cur.last;
        const bool same_font = std::fabs(l.size - cur.size) <= 0.1 * std::max(l.size, cur.size) && l.bold == prev.bold;
        const bool moved_up = l.y0 < prev.y0 - 1 || page_started == false;  // new column or page
        const bool continues_text = same_font && !list && !ends_sentence(cur.text) && is_lower(first_cp(l.text));
        bool brk;
        if (moved_up) {
          brk = !continues_text;
        } else {
          const double gap = l.y0 - prev.y1;
          const bool wide_gap = gap > usual_gap + 0.35 * std::min(l.height(), prev.height());
          const bool indent = !cur.list && l.x0 > cur.x0 + 0.8 * l.size && cur.lines >= 1 && prev.x0 <= cur.x0 + 1;
          brk = !same_font || wide_gap || list || indent;
        }
        if (!brk) {
          join_line(cur.text, l.text, out.hyphens_repaired);
          // A page that begins inside this paragraph begins where this line's text does.
          mark_page(paras.size() + rows.size(), cur.text.size() - l.text.size());
          cur.bold = cur.bold && l.bold;
          cur.last = l;
          ++cur.lines;
          continue;
        }
        close_para();
      }
      mark_page(paras.size() + rows.size(), 0);
      open = true;
      cur.text = l.text;
      cur.page = page;
      cur.size = l.size;
      cur.x0 = l.x0;
      cur.bold = l.bold;
      cur.list = list;
      cur.lines = 1;
      cur.last = l;
    }
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
