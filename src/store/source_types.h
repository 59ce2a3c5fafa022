// Managing a project's source types beyond adding one (Project::add_source_type):
// rename, recolour, reorder and merge. Each is one undoable action; a bad
// name or colour is a ValidationError / NotFound and changes nothing.
// Overrides keyed by source-type columns follow a rename; on a merge the
// overrides naming the merged type are removed (their judgement was about a
// column that no longer exists) in the same action.
#pragma once
#include <string>

#include "store/project.h"

namespace telaah::store {

void rename_source_type(Project& p, const std::string& from, const std::string& to);
void set_source_type_colour(Project& p, const std::string& name, const std::string& colour);
// Moves the type to position `pos` (0-based) of the display order.
void move_source_type(Project& p, const std::string& name, int pos);
// Every document of `from` becomes `into`; `from` is removed. Returns the
// number of documents moved.
int64_t merge_source_types(Project& p, const std::string& from, const std::string& into);

}  // namespace telaah::store
