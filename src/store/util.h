// Small helpers shared by the store's translation units.
#pragma once
#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/types.h"

namespace telaah::store {

class Project;
// The first column of every row `sql` gives with `value` bound to its one parameter.
std::vector<Id> ids_of(const Project& p, const std::string& sql, Id value);

std::string sha256_hex(std::string_view bytes);
nlohmann::json row_to_json(SQLite::Statement& st);  // the current row, all columns
void bind_json(SQLite::Statement& st, int index, const nlohmann::json& v);
void require_identifier(const std::string& name);  // table/column names are ours, never user input
bool valid_colour(const std::string& c);           // #RRGGBB

// Every string the model stores must be valid UTF-8 (the change log is JSON,
// the index and the exports need it). Throws ValidationError naming `what`
// and the byte position of the first bad sequence.
void require_text(const std::string& s, const std::string& what);
// The string with every invalid sequence replaced by U+FFFD (for names that
// come from the file system and are only shown, never matched).
std::string sanitise_utf8(const std::string& s);
// Empty or only white space (a name that shows as nothing).
bool is_blank(const std::string& s);
// YYYY-MM-DD, YYYY-MM, YYYY or empty, with real month lengths; throws ValidationError.
void validate_date(const std::string& date, const std::string& what = "date");
// A decimal id ("12"); nullopt for anything else, including numbers too long to be an id.
std::optional<int64_t> parse_id(const std::string& s);

}  // namespace telaah::store
