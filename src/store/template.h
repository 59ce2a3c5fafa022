// The codebook a new project starts with: the evaluation framework of the
// study Telaah grew from (Puspitasari & Hudalah 2013: three variables, two
// indicators each) plus the cross-cutting Impediment code. `telaah new`
// uses it unless asked for an empty project; loading a fuller framework
// (corpus/framework.json) merges into it by code path.
#pragma once
#include <nlohmann/json_fwd.hpp>

namespace SQLite {
class Database;
}

namespace telaah::store {

// The template in the codebook-file format that Project::load_codebook reads.
const nlohmann::json& template_codebook();

// Writes the template into an empty codebook inside the caller's transaction,
// without a change-log row: it is the project's starting state.
void insert_template_codebook(SQLite::Database& db);

}  // namespace telaah::store
