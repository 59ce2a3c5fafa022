// Facet filters as part of the query text (issue 9): clicking a facet value
// adds `field:value` to the query the user sees, clicking it again removes
// it, so the query box always says what is searched. Pure functions over
// the query string (the index's parser finds the filters), tested alone.
#pragma once
#include <string>

namespace telaah::ui {

// `type:news`, `outlet:"Warta Niaga"`: the value quoted when it needs it.
std::string filter_token(const std::string& field, const std::string& value);
// Whether the query filters on field = value at its top level (any case).
bool has_filter(const std::string& query, const std::string& field, const std::string& value);
// The query with the filter removed if it was there, else added (a query
// whose top level is an OR is put in parentheses first).
std::string toggle_filter(const std::string& query, const std::string& field, const std::string& value);

}  // namespace telaah::ui
