// Transcripts with time (issue 28): SRT, WebVTT, and plain/DOCX/ODT text with
// timestamps in the forms transcription tools write. The timestamps become
// sync points (text/timecode.h), not text; speaker turns are marked as the
// other importers mark them. The forms are listed in README ("Recordings").
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "ingest/importer.h"
#include "text/timecode.h"

namespace telaah::ingest {

struct Transcript {
  Extracted doc;
  std::vector<text::SyncPoint> sync;  // positions in doc.text, in order
};

// By extension: .srt, .vtt, else any document format extract() reads, its
// timestamps taken out. A transcript without a single time is still a
// transcript (it gets the recording's start and end as its only anchors).
Transcript extract_transcript(const std::string& name, std::string_view bytes, const ImportOptions& opt = {});

Transcript parse_srt(const std::string& name, std::string_view text);
Transcript parse_vtt(const std::string& name, std::string_view text);
// Takes the timestamps out of an extracted document's paragraphs; a line that
// opens with a timestamp starts a paragraph of its own.
Transcript strip_timestamps(const Extracted& in, const std::string& name);

// Is this a file name of a transcript format of its own (srt, vtt)?
bool is_timed_text_name(const std::string& name);

}  // namespace telaah::ingest
