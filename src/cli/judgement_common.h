// Helpers shared by the judgement commands (links, impediments, summaries, cases).
#pragma once
#include <string>
#include <vector>

#include "store/project.h"
#include "text/utf8.h"

namespace telaah::cli {

// "#12 interview 'Transcript B' Input/Legal infrastructure: “the quote…”"
inline std::string coding_line(const store::Project& p, store::Id id) {
  store::Coding c;
  try {
    c = p.coding(id);
  } catch (const NotFound&) {
    return "#" + std::to_string(id) + " (gone)";
  }
  const store::Document d = p.document(c.doc);
  const std::string text = p.text(c.doc);
  const text::OffsetMap map(text);
  const std::string quote =
      text::one_line(text::slice_cp(text, map, static_cast<size_t>(c.start), static_cast<size_t>(c.end)), 80, "…");
  return "#" + std::to_string(id) + " " + d.source_type + " '" + d.title + "' " + p.code_path(c.code) + ": \"" + quote +
         "\"";
}

// A list of ids "3,5 7" (commas or repeats) as numbers, or a UserError naming `what`.
inline std::vector<store::Id> id_list(const std::vector<std::string>& given, const std::string& what) {
  std::vector<store::Id> out;
  for (const auto& g : given) {
    size_t i = 0;
    while (i <= g.size()) {
      size_t j = g.find(',', i);
      if (j == std::string::npos) j = g.size();
      std::string part = g.substr(i, j - i);
      while (!part.empty() && part.front() == ' ') part.erase(part.begin());
      while (!part.empty() && part.back() == ' ') part.pop_back();
      if (!part.empty()) {
        std::string digits = part[0] == '#' ? part.substr(1) : part;
        if (digits.empty() || digits.size() > 18 || digits.find_first_not_of("0123456789") != std::string::npos)
          throw UserError(what + " must be a number, not '" + part + "'");
        out.push_back(std::stoll(digits));
      }
      i = j + 1;
    }
  }
  return out;
}

}  // namespace telaah::cli
