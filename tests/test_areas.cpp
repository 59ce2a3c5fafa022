// Area codings (issue 24): a rectangle on a page coded as evidence; its text
// span from the word boxes inside it (project.h), undo and redo.
#include <doctest/doctest.h>

#include "helpers/project_fixture.h"
#include "helpers/temp_dir.h"

using namespace telaah;

TEST_CASE("Area codings: the span of the words inside, the page's start when none; undoable") {
  test::TempDir dir;
  auto p = store::Project::create(dir / "p.telaah");
  p->set_coder("ana");
  // Page 1: "Ekspor naik" (0-11); page 2 starts at 13: "Tabel 2015 2016" (13-28).
  auto nd = test::new_doc("Scan", "Ekspor naik\n\nTabel 2015 2016", "official");
  nd.pages = {{1, 0}, {2, 13}};
  auto box = [](int64_t s, int64_t e, int page, double x, double y) {
    store::WordBox b;
    b.start = s;
    b.end = e;
    b.page = page;
    b.x = x;
    b.y = y;
    b.w = 40;
    b.h = 10;
    b.confidence = 90;
    return b;
  };
  nd.word_boxes = {box(0, 6, 1, 50, 50), box(7, 11, 1, 100, 50), box(13, 18, 2, 50, 300), box(19, 23, 2, 100, 300),
                   box(24, 28, 2, 150, 300)};
  const store::Id doc = p->add_document(nd);
  store::Code k;
  k.name = "Ekspor";
  const store::Id code = p->add_code(k);
  const std::string before = test::dump(*p);

  struct Case {
    int page;
    double x, y, w, h;
    int64_t start, end;  // hand-computed from the boxes above
  };
  const Case cases[] = {
      {2, 90, 290, 120, 30, 19, 28},  // centres of "2015" (120,305) and "2016" (170,305) inside
      {2, 0, 0, 595, 842, 13, 28},    // the whole page: all three words
      {1, 45, 45, 50, 20, 0, 6},      // "Ekspor" only (the centre of "naik" at 120 is outside)
      {2, 400, 600, 50, 50, 13, 14},  // no words there: page 2's first character
  };
  for (const auto& c : cases) {
    CAPTURE(c.x);
    store::Coding cd;
    cd.doc = doc;
    cd.code = code;
    const store::Id id = p->add_area_coding(cd, {0, c.page, c.x, c.y, c.w, c.h});
    const auto got = p->coding(id);
    CHECK(got.start == c.start);
    CHECK(got.end == c.end);
    const auto area = p->coding_area(id);
    REQUIRE(area);
    CHECK(area->page == c.page);
    CHECK(area->w == doctest::Approx(c.w));
    // Counted like any coding of the code.
    CHECK(p->codings(store::CodingFilter{doc, {code}, {}, {}, {}}).size() >= 1);
  }
  CHECK(p->coding_areas(doc).size() == 4);
  const std::string with_areas = test::dump(*p);
  // Each area was one action: four undos bring the project back.
  for (int k2 = 0; k2 < 4; ++k2) p->undo();
  CHECK(test::dump(*p) == before);
  CHECK(p->coding_areas(doc).empty());
  for (int k2 = 0; k2 < 4; ++k2) p->redo();
  CHECK(test::dump(*p) == with_areas);
  CHECK(p->coding_areas(doc).size() == 4);

  // Removing the coding removes its area; undo brings both back.
  const store::Id first = p->coding_areas(doc).front().coding;
  p->remove_coding(first);
  CHECK(!p->coding_area(first));
  p->undo();
  CHECK(p->coding_area(first));

  // Bad input: a page the document does not have, an empty rectangle.
  store::Coding cd;
  cd.doc = doc;
  cd.code = code;
  CHECK_THROWS_WITH_AS(p->add_area_coding(cd, {0, 3, 0, 0, 10, 10}), doctest::Contains("has no page 3"),
                       ValidationError);
  CHECK_THROWS_AS(p->add_area_coding(cd, {0, 1, 0, 0, 0, 10}), ValidationError);
  CHECK(p->coding_areas(doc).size() == 4);
  CHECK(p->check().empty());
}
