// Small helpers shared by the store's translation units.
#pragma once
#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace telaah::store {

std::string sha256_hex(std::string_view bytes);
nlohmann::json row_to_json(SQLite::Statement& st);  // the current row, all columns
void bind_json(SQLite::Statement& st, int index, const nlohmann::json& v);
void require_identifier(const std::string& name);  // table/column names are ours, never user input
bool valid_colour(const std::string& c);           // #RRGGBB

}  // namespace telaah::store
