// The study's metadata shown on the report's first page: title, research
// question, period studied and the evaluation framework's citation. Kept as
// project settings (project.title, project.question, project.period,
// project.citation; no schema change); set with `telaah project P FIELD VALUE`
// (one undoable action each). `telaah codes P --load F.json` keeps the
// framework's "citation" when the JSON names one.
#pragma once
#include <string>
#include <vector>

namespace telaah::store {
class Project;
}

namespace telaah::exchange {

struct ProjectMeta {
  std::string title, question, period, citation;
};

// The fields in order: "title", "question", "period", "citation".
const std::vector<std::string>& meta_fields();
std::string meta_key(const std::string& field);  // "title" -> "project.title"; ValidationError for another name
ProjectMeta load_meta(const store::Project& p);
// Sets one field (an empty value clears it); one undoable action. A bad field
// name or a value with control characters: ValidationError, nothing changed.
void set_meta(store::Project& p, const std::string& field, const std::string& value);

}  // namespace telaah::exchange
