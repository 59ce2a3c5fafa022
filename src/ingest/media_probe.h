// What a recording is (issue 28): audio or video, and how long, read with
// libavformat. Kept in a file of its own so that it can move into a helper
// program when the command-line program sheds its heavy libraries.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>

namespace telaah::ingest {

struct MediaInfo {
  std::string kind;  // audio | video
  int64_t duration_ms = 0;
  std::string container;  // libavformat's name ("wav", "mp3", "matroska,webm", ...)
};

struct ProbeLimits {
  int64_t max_duration_ms = 48ll * 3600 * 1000;  // longer recordings are refused (a lying header, a wrong file)
  double seconds = 20;                           // reading the header may take this long
};

// Throws ImportError with a sentence naming the file: empty, not a recording
// libavformat reads (whatever its extension says), without an audio or video
// stream, with no duration or one over the limit.
MediaInfo probe_media(const std::filesystem::path& file, const std::string& shown_name, const ProbeLimits& lim = {});

// Recordings by extension: mp3 m4a aac wav ogg oga opus flac mp4 m4v mov webm mkv avi.
bool is_media_name(const std::string& name);

}  // namespace telaah::ingest
