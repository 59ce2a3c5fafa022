// The parts of Project::add_area_coding (areas.cpp), for importers that add
// codings in bulk inside their own action (the REFI-QDA import).
#pragma once
#include <cstdint>
#include <utility>

#include "store/project.h"

namespace telaah::store {

// The span rule of project.h (the words whose box centre lies in the
// rectangle, else the page's first character). A document without a page map
// takes any page when `any_page` (an imported text whose pages are unknown).
// Throws ValidationError for a bad rectangle or page.
std::pair<int64_t, int64_t> area_span(const Project& p, Id doc, const CodingArea& area, bool any_page = false);
// The rectangle of an existing coding: one (nested) action.
void add_area(Project& p, Id coding, const CodingArea& area);

}  // namespace telaah::store
