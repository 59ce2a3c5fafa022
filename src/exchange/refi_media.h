// Recordings in REFI-QDA (issue 28): a transcript document of a recording is
// exported as an AudioSource / VideoSource holding its media file, a
// Transcript with SyncPoints, TranscriptSelections for text codings and
// AudioSelections / VideoSelections for media codings; and read back.
#pragma once
#include <pugixml.hpp>
#include <string>

#include "store/project.h"

namespace telaah::exchange {

class ZipWriter;

// Turns the TextSources of transcripts (already written under `sources`) into
// media sources, in the order the standard wants their children.
void media_sources_export(const store::Project& p, pugi::xml_node sources);
// The media files into the archive ("sources/<sha256>.<ext>"); a missing file is an error naming it.
void media_files_export(const store::Project& p, ZipWriter& z);
// The name of a recording's file inside the archive.
std::string media_internal_name(const std::string& sha256, const std::string& original_name);

}  // namespace telaah::exchange
