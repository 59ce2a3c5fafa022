// The search view: query box, facets, virtualised hits, code-from-search review (issue 9).
#include "ui/view_search.h"

#include "ui/app.h"

namespace telaah::ui {

SearchView::SearchView(App& app) : app_(app) {}
SearchView::~SearchView() = default;

void SearchView::draw() { app_.draw_not_available(S::view_search_about); }
void SearchView::on_project_changed() {}
void SearchView::focus_query() {}
void SearchView::set_query(const std::string&) {}

void App::draw_search_view() { search_view_->draw(); }

}  // namespace telaah::ui
