// Importing recordings (issue 28): audio or video files with their
// transcripts. Every file is read and checked first; then the recordings are
// copied into the media folder beside the project and added as one action.
// Anything wrong leaves the project and the media folder as they were.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "ingest/importer.h"
#include "ingest/media_probe.h"
#include "store/project.h"

namespace telaah::ingest {

struct RecordingSpec {
  std::filesystem::path media;
  std::vector<std::filesystem::path> transcripts;  // none: one document with empty text
  std::string source_type, language, date, title, author;
  std::vector<store::Attribute> attributes;
};

struct RecordingOptions {
  ImportOptions import;
  ProbeLimits probe;
  std::string default_type = "interview";
  bool allow_duplicates = false;
};

struct RecordingResult {
  std::filesystem::path media;
  std::string stored;  // path relative to the project's folder
  MediaInfo info;
  std::vector<store::Id> docs;
  std::vector<std::filesystem::path> transcripts;
  std::vector<std::string> notes;
};

// Recordings among files and folders (folders recursively, sorted, hidden
// files skipped), each with the transcripts of the same name beside it
// (.srt .vtt .txt .md .docx .odt). Everything else goes to `others`.
std::vector<RecordingSpec> pair_recordings(const std::vector<std::filesystem::path>& paths,
                                           std::vector<std::filesystem::path>& others);

// Does any of these name a recording, or a folder holding one?
bool has_recordings(const std::vector<std::filesystem::path>& paths);

std::vector<RecordingResult> import_recordings(store::Project& p, const std::vector<RecordingSpec>& specs,
                                               const RecordingOptions& opt = {});

// SHA-256 of a file read in pieces (recordings can be large).
std::string sha256_file(const std::filesystem::path& f);

}  // namespace telaah::ingest
