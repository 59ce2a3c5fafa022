// The coding view's document list at 100,000 documents: only the visible
// rows are drawn, the filter runs once per change (not per frame), and a
// click on a row opens that row's document.
#include <doctest/doctest.h>
#include <imgui.h>

#include <chrono>

#include "gui/fixture.h"
#include "ui/coding/doc_list.h"

using namespace telaah;

namespace {

ui::ProjectCache big_cache(int n) {
  ui::ProjectCache c;
  c.revision = 1;
  c.docs_version = 777001;
  c.source_types = {{1, "interview", "#4E79A7", 0}, {2, "news", "#F28E2B", 1}, {3, "official", "#59A14F", 2}};
  c.docs.resize(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) {
    auto& d = c.docs[static_cast<size_t>(i)];
    d.doc.id = i + 1;
    d.doc.source_type_id = i % 10 == 0 ? 1 : i % 10 < 8 ? 2 : 3;
    d.doc.source_type = c.source_types[static_cast<size_t>(d.doc.source_type_id - 1)].name;
    d.doc.title = "Berita " + std::to_string(i + 1);
    d.doc.date = "2015-03-01";
    d.codings = i % 7;
  }
  return c;
}

}  // namespace

TEST_CASE("a document list of 100,000 rows draws only the visible rows") {
  test::Headless h(1000, 700);
  const ui::ProjectCache cache = big_cache(100000);
  ui::DocList list;
  std::string filter;
  std::optional<store::Id> clicked;
  float scroll = 0;
  bool set_scroll = false;
  float max_scroll = 0;
  auto draw = [&] {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(300, 700));
    ImGui::Begin("list", nullptr, ImGuiWindowFlags_NoDecoration);
    list.update(cache, filter);
    ImGui::BeginChild("##doclist");
    if (set_scroll) ImGui::SetScrollY(scroll);
    set_scroll = false;
    if (auto id = list.draw(cache, 0)) clicked = id;
    max_scroll = ImGui::GetScrollMaxY();
    ImGui::EndChild();
    ImGui::End();
  };
  h.frames(3, draw);
  CHECK(list.shown(2) == 70000);
  CHECK(list.shown(1) == 10000);
  CHECK(list.shown(3) == 20000);
  // Rows are 2 lines + spacing (~40 px): 700 px show ~18; the clipper may add a few around them.
  const size_t visible = list.rows_drawn();
  MESSAGE("rows drawn in a frame: " << visible);
  CHECK(visible > 5);
  CHECK(visible < 60);
  CHECK(list.rebuilds() == 1);    // three frames, one filtering
  CHECK(max_scroll > 100000.0f);  // the scroll range is still the whole list

  // Scrolled to the middle and to the end: still only what is visible.
  for (float at : {max_scroll / 2, max_scroll}) {
    scroll = at;
    set_scroll = true;
    h.frames(2, draw);
    CHECK(list.rows_drawn() < 60);
  }
  CHECK(list.rebuilds() == 1);

  // Drawing 100k rows per frame took 80 ms; the clipped list costs what a short one does.
  const auto t0 = std::chrono::steady_clock::now();
  h.frames(20, draw);
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() / 20;
  MESSAGE("frame with the 100k list: " << ms << " ms");

  // A filter runs once, whatever the number of frames.
  filter = "Berita 4242";  // 4242 and 42420..42429
  scroll = 0;
  set_scroll = true;
  h.frames(3, draw);
  CHECK(list.rebuilds() == 2);
  CHECK(list.shown(1) + list.shown(2) + list.shown(3) == 11);
  CHECK(list.rows_drawn() == 11);

  // A click opens the row under the mouse: the first row of the first group is "Berita 4242"'s group's first.
  h.click(ImVec2(150, 60), draw);
  REQUIRE(clicked.has_value());
  const auto* d = cache.doc(*clicked);
  REQUIRE(d != nullptr);
  CHECK(d->doc.title.find("Berita 4242") == 0);
}
