// probe_media: libavformat opens the file (never trusting the extension),
// reads the stream headers within a time limit, and gives kind and duration.
#include "ingest/media_probe.h"

#include <algorithm>
#include <chrono>

#include "ingest/importer.h"

extern "C" {
#include <libavformat/avformat.h>
#include <libavutil/log.h>
}

namespace telaah::ingest {

namespace {

struct Deadline {
  std::chrono::steady_clock::time_point until;
};

int interrupt(void* p) {
  return std::chrono::steady_clock::now() > static_cast<Deadline*>(p)->until ? 1 : 0;
}

}  // namespace

bool is_media_name(const std::string& name) {
  const size_t dot = name.find_last_of('.'), slash = name.find_last_of('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return false;
  std::string ext = name.substr(dot + 1);
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  static const char* known[] = {"mp3", "m4a", "aac", "wav",  "ogg", "oga", "opus", "flac",
                                "mp4", "m4v", "mov", "webm", "mkv", "avi", "wma",  "wmv"};
  return std::any_of(std::begin(known), std::end(known), [&](const char* k) { return ext == k; });
}

MediaInfo probe_media(const std::filesystem::path& file, const std::string& shown, const ProbeLimits& lim) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(file, ec);
  if (ec) throw ImportError(shown + ": cannot be read (" + ec.message() + ")");
  if (size == 0) throw ImportError(shown + ": the file is empty; it holds no recording");
  av_log_set_level(AV_LOG_QUIET);
  Deadline dl{std::chrono::steady_clock::now() + std::chrono::milliseconds(static_cast<int64_t>(lim.seconds * 1000))};
  AVFormatContext* ctx = avformat_alloc_context();
  if (!ctx) throw InternalError("out of memory reading " + shown);
  ctx->interrupt_callback.callback = interrupt;
  ctx->interrupt_callback.opaque = &dl;
  AVDictionary* opts = nullptr;
  av_dict_set(&opts, "probesize", "5000000", 0);
  av_dict_set(&opts, "analyzeduration", "10000000", 0);
  const int rc = avformat_open_input(&ctx, file.c_str(), nullptr, &opts);  // frees ctx on failure
  av_dict_free(&opts);
  if (rc < 0) throw ImportError(shown + ": not an audio or video file Telaah can read (whatever its extension says)");
  struct Closer {
    AVFormatContext** c;
    ~Closer() { avformat_close_input(c); }
  } closer{&ctx};
  if (avformat_find_stream_info(ctx, nullptr) < 0)
    throw ImportError(shown + ": its streams cannot be read; the file may be damaged");
  bool audio = false, video = false;
  for (unsigned i = 0; i < ctx->nb_streams; ++i) {
    const auto* par = ctx->streams[i]->codecpar;
    if (par->codec_type == AVMEDIA_TYPE_AUDIO) audio = true;
    // A still picture (an MP3's cover art) is not a video.
    if (par->codec_type == AVMEDIA_TYPE_VIDEO && !(ctx->streams[i]->disposition & AV_DISPOSITION_ATTACHED_PIC))
      video = true;
  }
  if (!audio && !video) throw ImportError(shown + ": holds neither sound nor pictures");
  MediaInfo info;
  info.kind = video ? "video" : "audio";
  info.container = ctx->iformat && ctx->iformat->name ? ctx->iformat->name : "";
  int64_t us = ctx->duration;
  if (us == AV_NOPTS_VALUE || us <= 0) {
    for (unsigned i = 0; i < ctx->nb_streams; ++i) {
      const auto* st = ctx->streams[i];
      if (st->duration != AV_NOPTS_VALUE && st->duration > 0)
        us = std::max<int64_t>(us, av_rescale_q(st->duration, st->time_base, AVRational{1, 1000000}));
    }
  }
  if (us == AV_NOPTS_VALUE || us <= 0)
    throw ImportError(shown + ": its length cannot be read; the file may be damaged");
  if (us / 1000 > lim.max_duration_ms)
    throw ImportError(shown + ": says it lasts " + std::to_string(us / 3600000000) + " hours, longer than the " +
                      std::to_string(lim.max_duration_ms / 3600000) +
                      " hours a recording may have; the file is damaged or not what its name says");
  info.duration_ms = us / 1000;
  // A header that promises far more than the file holds (a truncated or forged
  // file): at the streams' own bit rates (a frame header's, not one derived
  // from the claimed duration) the bytes last this long at most. A variable
  // bit rate can make the first frame's rate up to 20 times the average
  // (MPEG-2 audio: 8 to 160 kbit/s), hence the margin.
  int64_t rate = 0;
  for (unsigned i = 0; i < ctx->nb_streams; ++i) rate += std::max<int64_t>(0, ctx->streams[i]->codecpar->bit_rate);
  if (rate > 0) {
    const double holds_ms = static_cast<double>(size) * 8.0 * 1000.0 / static_cast<double>(rate);
    if (static_cast<double>(info.duration_ms) > 20 * holds_ms + 2000)
      throw ImportError(shown + ": says it lasts " + std::to_string(info.duration_ms / 1000) +
                        " s but holds sound for about " + std::to_string(static_cast<int64_t>(holds_ms / 1000)) +
                        " s; the file is truncated or damaged");
  }
  return info;
}

}  // namespace telaah::ingest
