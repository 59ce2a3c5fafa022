// Recordings on the command line (issue 28): `telaah import` of audio and
// video files with their transcripts, and the media part of `show --json`.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "ingest/importer.h"
#include "store/types.h"

namespace telaah::cli {

struct RecordingArgs {
  std::string project, type, lang, date, title, author;
  std::vector<std::string> files, transcripts;
  std::vector<store::Attribute> attributes;
  ingest::ImportOptions import;
  bool allow_duplicates = false;
};

// Does this import go to the recordings importer (a recording among the files, or --transcript)?
bool is_recording_import(const std::vector<std::string>& files, const std::vector<std::string>& transcripts);
void import_recordings_cmd(const RecordingArgs& a, Context& ctx);

// The document's recording for `show --json`: null when it has none.
nlohmann::json media_json(const store::Project& p, store::Id doc);

}  // namespace telaah::cli
