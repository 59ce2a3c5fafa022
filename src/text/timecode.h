// Time in a recording and its transcript (issue 28): clock strings as
// transcripts write them, and the mapping between a code-point offset of the
// transcript and a time in the recording through its sync points.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace telaah::text {

// A place in the transcript (code points) tied to a time in the recording.
struct SyncPoint {
  int64_t pos = 0;
  int64_t time_ms = 0;
  bool operator==(const SyncPoint&) const = default;
};

// "h:mm:ss", "hh:mm:ss", "mm:ss", each with an optional fraction after '.'
// or ',' (milliseconds: ".5" is 500 ms, ".123" 123 ms) or after '-' (f4/f5:
// tenths, "-4" is 400 ms). Minutes and seconds below 60; nullopt otherwise.
std::optional<int64_t> parse_clock(std::string_view s);

// "1:02:03.450" (hours only when nonzero: "02:03.450"; no fraction when 0).
std::string format_clock(int64_t ms);

// The rule (README, "Recordings"): points are taken in order of position;
// one whose time is earlier than a point before it is ignored, and of two at
// one position the first holds. Between two
// points the time grows linearly with the position (rounded down). Before the
// first point the text runs from time 0 at position 0; after the last point it
// runs to the recording's end (`duration_ms`) at the text's end when the
// recording is longer, else the time stays at the last point's.
int64_t time_at(const std::vector<SyncPoint>& points, int64_t pos, int64_t text_len, int64_t duration_ms);

// The inverse: the position spoken at `time_ms` (linear within a stretch,
// rounded down; a time where two points share one goes to the later stretch);
// clamped to [0, text_len].
int64_t pos_at(const std::vector<SyncPoint>& points, int64_t time_ms, int64_t text_len, int64_t duration_ms);

}  // namespace telaah::text
