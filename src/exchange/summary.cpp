// Export summaries and import reports: as JSON (--json) and as text.
#include <nlohmann/json.hpp>

#include "exchange/exchange.h"

namespace telaah::exchange {

nlohmann::json ExportSummary::to_json() const {
  nlohmann::json c = nlohmann::json::object();
  for (const auto& [k, v] : counts) c[k] = v;
  return {{"file", file}, {"format", format}, {"counts", c}, {"encoded", encoded}, {"lost", lost}};
}

std::string ExportSummary::to_text() const {
  std::string s = "wrote " + file + " (" + format + ")\n";
  for (const auto& [k, v] : counts) s += "  " + std::to_string(v) + " " + k + "\n";
  if (!encoded.empty()) {
    s += "how Telaah's concepts were written:\n";
    for (const auto& e : encoded) s += "  - " + e + "\n";
  }
  s += lost.empty() ? "nothing was left out\n" : "not in the file (the format cannot hold it):\n";
  for (const auto& l : lost) s += "  - " + l + "\n";
  return s;
}

static nlohmann::json count_json(const Count& c) {
  return {{"found", c.found}, {"imported", c.imported}};
}

nlohmann::json ImportReport::to_json() const {
  nlohmann::json src = nlohmann::json::array();
  for (const auto& s : source_details)
    src.push_back({{"name", s.name},
                   {"guid", s.guid},
                   {"imported", s.imported},
                   {"text_from", s.text_from},
                   {"convention", s.convention},
                   {"selections", s.selections},
                   {"selections_imported", s.selections_imported},
                   {"off_word_boundary", s.off_word_boundary}});
  return {{"file", file},
          {"format", format},
          {"origin", origin},
          {"project_name", project_name},
          {"users", count_json(users)},
          {"codes", count_json(codes)},
          {"sources", count_json(sources)},
          {"text_selections", count_json(text_selections)},
          {"other_selections", count_json(other_selections)},
          {"codings", count_json(codings)},
          {"notes", count_json(notes)},
          {"source_details", src},
          {"deviations", deviations},
          {"losses", losses},
          {"revision", revision}};
}

std::string ImportReport::to_text() const {
  std::string s = "imported " + file + " (" + format + (origin.empty() ? "" : ", made by " + origin) + ")\n";
  auto line = [&](const char* what, const Count& c) {
    if (c.found == 0 && c.imported == 0) return;
    s += "  " + std::string(what) + ": " + std::to_string(c.imported) + " of " + std::to_string(c.found) + "\n";
  };
  line("users", users);
  line("codes", codes);
  line("sources", sources);
  line("text selections", text_selections);
  line("picture/PDF-area/media selections", other_selections);
  line("codings", codings);
  line("notes", notes);
  // One line per source that needs a look; the rest summed up.
  int64_t plain = 0;
  for (const auto& d : source_details) {
    if (!d.imported || d.selections == 0) continue;
    const bool converted = d.text_from.find("converted") != std::string::npos;
    if (d.convention.find("(the standard)") != std::string::npos && d.off_word_boundary == 0 &&
        d.selections_imported == d.selections && !converted) {
      ++plain;
      continue;
    }
    s += "  source '" + d.name + "': " + std::to_string(d.selections_imported) + " of " + std::to_string(d.selections) +
         " selections, positions in " + d.convention +
         (d.off_word_boundary ? ", " + std::to_string(d.off_word_boundary) + " inside words" : "") +
         (converted ? "; text: " + d.text_from : "") + "\n";
  }
  if (plain) s += "  " + std::to_string(plain) + " sources with selections in code points as the standard says\n";
  s += deviations.empty() ? "no deviations from the standard\n" : "deviations from the standard (handled):\n";
  for (const auto& d : deviations) s += "  - " + d + "\n";
  s += losses.empty() ? "nothing was lost\n" : "not imported:\n";
  for (const auto& l : losses) s += "  - " + l + "\n";
  return s;
}

}  // namespace telaah::exchange
