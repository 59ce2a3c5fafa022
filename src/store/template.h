// The codebook a new project starts with: the evaluation framework of the
// study Telaah grew from (Puspitasari & Hudalah 2013: three variables, two
// indicators each) plus the cross-cutting Impediment code. `telaah new`
// uses it unless asked for an empty project; loading a fuller framework
// (corpus/framework.json) merges into it by code path.
#pragma once
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

namespace SQLite {
class Database;
}

namespace telaah::store {

// The deepest code tree a file may bring (a framework JSON, a REFI-QDA
// codebook): deeper files are refused with "codes nested deeper than 64
// levels". Real frameworks use a handful of levels; the bound keeps every
// walk over the tree (loading, roll-ups, triangulation) small.
inline constexpr int kMaxCodeDepth = 64;
// JSON nesting that a codebook file of kMaxCodeDepth levels can need: the top
// object and its "codes" array, an object and a "children" array per level,
// and one more array ("aliases") inside the deepest code.
inline constexpr int kMaxCodebookJsonDepth = 2 * kMaxCodeDepth + 2;

// Parses a codebook/framework file ({"codes":[{name, children:[...]}]})
// without recursing on its nesting: the bracket depth is checked first
// (kMaxCodebookJsonDepth), then the depth of the code tree (kMaxCodeDepth).
// Throws UserError naming `what` and the limit; the result is safe to give
// to Project::load_codebook.
nlohmann::json parse_codebook_json(std::string_view text, const std::string& what);

// The template in the codebook-file format that Project::load_codebook reads.
const nlohmann::json& template_codebook();

// Writes the template into an empty codebook inside the caller's transaction,
// without a change-log row: it is the project's starting state.
void insert_template_codebook(SQLite::Database& db);

}  // namespace telaah::store
