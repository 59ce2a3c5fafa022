// Area codings (issue 24): a coding row like any other (so it counts as
// evidence, in retrieval, agreement and the report) plus its rectangle in
// coding_areas. The text span rule is in project.h.
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <cmath>

#include "store/areas.h"
#include "store/project.h"
#include "store/util.h"

namespace telaah::store {

namespace {
void check_rectangle(const CodingArea& area) {
  if (area.page < 1 || !(area.x >= 0) || !(area.y >= 0) || !(area.w > 0) || !(area.h > 0) || !std::isfinite(area.x) ||
      !std::isfinite(area.y) || !std::isfinite(area.w) || !std::isfinite(area.h))
    throw ValidationError("an area needs a page from 1 and a rectangle with a width and a height");
}
}  // namespace

std::pair<int64_t, int64_t> area_span(const Project& p, Id doc, const CodingArea& area, bool any_page) {
  const Document d = p.document(doc);
  check_rectangle(area);
  const auto pg = p.pages(doc);
  if (!pg.empty() && std::none_of(pg.begin(), pg.end(), [&](const Page& x) { return x.page == area.page; }))
    throw ValidationError("'" + d.title + "' has no page " + std::to_string(area.page));
  if (pg.empty() && area.page != 1 && !any_page) throw ValidationError("'" + d.title + "' has one page only");
  int64_t start = -1, end = -1;
  for (const auto& b : p.word_boxes(doc)) {
    if (b.page != area.page) continue;
    const double cx = b.x + b.w / 2, cy = b.y + b.h / 2;
    if (cx < area.x || cx > area.x + area.w || cy < area.y || cy > area.y + area.h) continue;
    start = start < 0 ? b.start : std::min(start, b.start);
    end = std::max(end, b.end);
  }
  if (start < 0) {  // no words there (a chart, a stamp, no OCR): the page's first character
    start = 0;
    for (const auto& x : pg)
      if (x.page == area.page) start = x.start;
    start = std::min(start, std::max<int64_t>(0, d.length_cp - 1));
    end = start + 1;
  }
  return {start, end};
}

void add_area(Project& p, Id coding, const CodingArea& area) {
  check_rectangle(area);
  const Coding c = p.coding(coding);
  auto a = p.begin_action("Code an area of page " + std::to_string(area.page) + " with " + p.code(c.code).name);
  a.insert("coding_areas",
           {{"coding_id", coding}, {"page", area.page}, {"x", area.x}, {"y", area.y}, {"w", area.w}, {"h", area.h}});
  a.commit();
}

Id Project::add_area_coding(const Coding& in, const CodingArea& area) {
  const auto [start, end] = area_span(*this, in.doc, area);
  Coding c = in;
  c.start = start;
  c.end = end;
  auto a = begin_action("Code an area of page " + std::to_string(area.page) + " with " + code(in.code).name);
  const Id id = add_coding(c);
  add_area(*this, id, area);
  a.commit();
  return id;
}

std::optional<CodingArea> Project::coding_area(Id coding) const {
  SQLite::Statement q(*db_, "SELECT coding_id, page, x, y, w, h FROM coding_areas WHERE coding_id=?");
  q.bind(1, coding);
  if (!q.executeStep()) return std::nullopt;
  return CodingArea{q.getColumn(0).getInt64(),  q.getColumn(1).getInt(),    q.getColumn(2).getDouble(),
                    q.getColumn(3).getDouble(), q.getColumn(4).getDouble(), q.getColumn(5).getDouble()};
}

std::vector<CodingArea> Project::coding_areas(Id doc) const {
  std::vector<CodingArea> out;
  SQLite::Statement q(*db_,
                      "SELECT a.coding_id, a.page, a.x, a.y, a.w, a.h FROM coding_areas a JOIN codings c ON "
                      "c.id = a.coding_id WHERE c.doc_id=? ORDER BY a.page, a.y, a.x");
  q.bind(1, doc);
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt(), q.getColumn(2).getDouble(),
                   q.getColumn(3).getDouble(), q.getColumn(4).getDouble(), q.getColumn(5).getDouble()});
  return out;
}

}  // namespace telaah::store
