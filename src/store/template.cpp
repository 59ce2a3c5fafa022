// The evaluation-framework template a new project starts with.
#include "store/template.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "store/errors.h"

namespace telaah::store {

const nlohmann::json& template_codebook() {
  static const nlohmann::json j = nlohmann::json::parse(R"JSON({
  "framework": "Evaluation of a sister-city cooperation (after Puspitasari & Hudalah 2013)",
  "codes": [
    {"name": "Input", "kind": "variable", "colour": "#4E79A7", "aliases": ["Masukan"],
     "definition": "What the cooperation starts from: its legal basis and its resources.",
     "children": [
       {"name": "Legal infrastructure", "kind": "indicator", "colour": "#2F6FB3", "aliases": ["Infrastruktur hukum", "I1"],
        "definition": "Whether the legal instruments underpinning the cooperation exist and contain what the rules require."},
       {"name": "Human and natural resources", "kind": "indicator", "colour": "#76B7E5", "aliases": ["Sumber daya manusia dan alam", "I2"],
        "definition": "Whether the staff and the natural resources needed to run the cooperation are available."}]},
    {"name": "Process", "kind": "variable", "colour": "#59A14F", "aliases": ["Proses"],
     "definition": "How the cooperation is carried out.",
     "children": [
       {"name": "Programme continuity", "kind": "indicator", "colour": "#3C8D3A", "aliases": ["Keberlanjutan program", "P1"],
        "definition": "Stability and continuity of the programmes actually implemented."},
       {"name": "Community involvement", "kind": "indicator", "colour": "#8CD17D", "aliases": ["Keterlibatan masyarakat", "P2"],
        "definition": "Involvement of employees, youth, students and business in the programmes."}]},
    {"name": "Output", "kind": "variable", "colour": "#E15759", "aliases": ["Keluaran"],
     "definition": "What the cooperation achieves.",
     "children": [
       {"name": "Trade goals reached", "kind": "indicator", "colour": "#C73E3A", "aliases": ["Tujuan perdagangan tercapai", "O1"],
        "definition": "Whether the agreed goals of the cooperation are reached."},
       {"name": "Continuity of cooperation", "kind": "indicator", "colour": "#FF9D9A", "aliases": ["Keberlanjutan kerja sama", "O2"],
        "definition": "Whether the cooperation continues or new cooperation is opened."}]},
    {"name": "Impediment", "kind": "code", "colour": "#F28E2B", "aliases": ["Hambatan"],
     "definition": "What hinders the cooperation, whichever indicator it concerns."}
  ]
})JSON");
  return j;
}

namespace {

// The deepest bracket nesting of JSON text, strings skipped; stops counting
// once past `limit`. Malformed text is left to the parser's message.
int json_depth(std::string_view t, int limit) {
  int depth = 0, deepest = 0;
  bool in_string = false;
  for (size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"')
      in_string = true;
    else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
      if (deepest > limit) return deepest;
    } else if (c == ']' || c == '}')
      --depth;
  }
  return deepest;
}

}  // namespace

nlohmann::json parse_codebook_json(std::string_view text, const std::string& what) {
  if (json_depth(text, kMaxCodebookJsonDepth) > kMaxCodebookJsonDepth)
    throw UserError(what + " is nested deeper than " + std::to_string(kMaxCodebookJsonDepth) +
                    " levels: refused (codes nested deeper than " + std::to_string(kMaxCodeDepth) +
                    " levels are Telaah's limit for a code tree)");
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    throw UserError(what + " is not valid JSON: " + e.what());
  }
  // The code tree's depth, walked without recursion.
  if (j.is_object() && j.contains("codes")) {
    std::vector<std::pair<const nlohmann::json*, int>> todo{{&j["codes"], 1}};
    while (!todo.empty()) {
      auto [arr, depth] = todo.back();
      todo.pop_back();
      if (!arr->is_array()) continue;
      for (const auto& c : *arr) {
        if (!c.is_object() || !c.contains("children")) continue;
        const auto& kids = c["children"];
        if (kids.is_array() && !kids.empty() && depth + 1 > kMaxCodeDepth)
          throw UserError(what + ": codes nested deeper than " + std::to_string(kMaxCodeDepth) +
                          " levels: refused (Telaah's limit for a code tree)");
        todo.push_back({&kids, depth + 1});
      }
    }
  }
  return j;
}

void insert_template_codebook(SQLite::Database& db) {
  if (db.execAndGet("SELECT count(*) FROM codes").getInt() > 0)
    throw InternalError("the template needs an empty codebook");
  SQLite::Statement ins(
      db, "INSERT INTO codes(parent_id, name, colour, definition, kind, ord, aliases) VALUES (?,?,?,?,?,?,?)");
  std::function<void(const nlohmann::json&, std::optional<int64_t>)> add = [&](const nlohmann::json& arr,
                                                                               std::optional<int64_t> parent) {
    int ord = 0;
    for (const auto& c : arr) {
      if (parent)
        ins.bind(1, *parent);
      else
        ins.bind(1);
      ins.bind(2, c["name"].get<std::string>());
      ins.bind(3, c["colour"].get<std::string>());
      ins.bind(4, c.value("definition", ""));
      ins.bind(5, c.value("kind", "code"));
      ins.bind(6, ord++);
      ins.bind(7, c.value("aliases", nlohmann::json::array()).dump());
      ins.exec();
      ins.reset();
      const int64_t id = db.getLastInsertRowid();
      if (c.contains("children")) add(c["children"], id);
    }
  };
  add(template_codebook()["codes"], std::nullopt);
}

}  // namespace telaah::store
