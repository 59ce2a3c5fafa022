// PDF extraction in a child process: a hostile or broken PDF can make a
// PDF library loop, allocate without bound or crash. The child gets an
// address-space limit (RLIMIT_AS, on top of what it inherits) and a CPU
// limit; the parent waits on the result pipe with a wall-clock deadline (a
// multiple of the CPU limit: a busy machine stretches wall time),
// kills the child when it passes, and turns every failure into a clear
// ImportError. The result comes back as a small length-prefixed record
// that the parent checks before trusting it.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <new>

#include "ingest/importer.h"
#include "text/utf8.h"

#if defined(__SANITIZE_ADDRESS__)
#define TELAAH_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TELAAH_ASAN 1
#endif
#endif

namespace telaah::ingest {

namespace {

constexpr uint64_t kMaxPayload = 1ull << 30;

// --- the result record --------------------------------------------------------
void put_u64(std::string& out, uint64_t v) {
  for (int k = 0; k < 8; ++k) out += static_cast<char>((v >> (8 * k)) & 0xFF);
}
void put_str(std::string& out, const std::string& s) {
  put_u64(out, s.size());
  out += s;
}

struct Reader {
  std::string_view in;
  bool ok = true;
  uint64_t u64() {
    if (in.size() < 8) {
      ok = false;
      return 0;
    }
    uint64_t v = 0;
    for (int k = 0; k < 8; ++k) v |= static_cast<uint64_t>(static_cast<unsigned char>(in[k])) << (8 * k);
    in.remove_prefix(8);
    return v;
  }
  std::string str() {
    const uint64_t n = u64();
    if (!ok || n > in.size()) {
      ok = false;
      return "";
    }
    std::string s(in.substr(0, n));
    in.remove_prefix(n);
    return s;
  }
};

std::string encode(const Extracted& e) {
  std::string out = "TLHP";
  out += '\0';  // status: ok
  for (const std::string* s : {&e.format, &e.title, &e.author, &e.date, &e.language, &e.text}) put_str(out, *s);
  put_u64(out, e.blocks.size());
  for (const auto& b : e.blocks) {
    put_u64(out, static_cast<uint64_t>(b.start));
    put_u64(out, static_cast<uint64_t>(b.end));
    put_str(out, b.kind);
    put_str(out, b.speaker);
    put_u64(out, static_cast<uint64_t>(b.page));
  }
  put_u64(out, e.pages.size());
  for (const auto& p : e.pages) {
    put_u64(out, static_cast<uint64_t>(p.page));
    put_u64(out, static_cast<uint64_t>(p.start));
  }
  put_u64(out, e.notes.size());
  for (const auto& n : e.notes) put_str(out, n);
  put_u64(out, e.word_boxes.size());
  for (const auto& b : e.word_boxes) {
    put_u64(out, static_cast<uint64_t>(b.start));
    put_u64(out, static_cast<uint64_t>(b.end));
    put_u64(out, static_cast<uint64_t>(b.page));
    for (double v : {b.x, b.y, b.w, b.h}) put_u64(out, static_cast<uint64_t>(std::llround(v * 1000.0)));
    put_u64(out, static_cast<uint64_t>(b.confidence + 1));
  }
  return out;
}

std::string encode_error(char status, const std::string& message) {
  std::string out = "TLHP";
  out += status;
  put_str(out, message);
  return out;
}

Extracted decode(std::string_view payload, const std::string& name) {
  auto damaged = [&] { return InternalError(name + ": the reader process returned a damaged result"); };
  if (payload.size() < 5 || payload.substr(0, 4) != "TLHP") throw damaged();
  const char status = payload[4];
  Reader r{payload.substr(5)};
  if (status != '\0') {
    std::string msg = r.str();
    if (!r.ok || text::find_invalid_utf8(msg)) throw damaged();
    if (status == 'U') throw ImportError(msg);
    if (status == 'M')
      throw ImportError(name +
                        ": reading the file needed more memory than allowed; the file may be damaged or hostile");
    throw ImportError(name + ": the PDF could not be read (" + msg + ")");
  }
  Extracted e;
  for (std::string* s : {&e.format, &e.title, &e.author, &e.date, &e.language, &e.text}) *s = r.str();
  const uint64_t nb = r.u64();
  for (uint64_t k = 0; r.ok && k < nb; ++k) {
    text::Block b;
    b.start = static_cast<int64_t>(r.u64());
    b.end = static_cast<int64_t>(r.u64());
    b.kind = r.str();
    b.speaker = r.str();
    b.page = static_cast<int>(r.u64());
    e.blocks.push_back(std::move(b));
  }
  const uint64_t np = r.u64();
  for (uint64_t k = 0; r.ok && k < np; ++k) {
    store::Page p;
    p.page = static_cast<int>(r.u64());
    p.start = static_cast<int64_t>(r.u64());
    e.pages.push_back(p);
  }
  const uint64_t nn = r.u64();
  for (uint64_t k = 0; r.ok && k < nn; ++k) e.notes.push_back(r.str());
  const uint64_t nw = r.u64();
  if (r.ok && nw > r.in.size() / 64) throw damaged();
  for (uint64_t k = 0; r.ok && k < nw; ++k) {
    store::WordBox b;
    b.start = static_cast<int64_t>(r.u64());
    b.end = static_cast<int64_t>(r.u64());
    b.page = static_cast<int>(r.u64());
    for (double* v : {&b.x, &b.y, &b.w, &b.h}) *v = static_cast<double>(r.u64()) / 1000.0;
    b.confidence = static_cast<int>(r.u64()) - 1;
    e.word_boxes.push_back(b);
  }
  if (!r.ok || !r.in.empty()) throw damaged();
  for (const std::string* s : {&e.format, &e.title, &e.author, &e.date, &e.language, &e.text})
    if (text::find_invalid_utf8(*s)) throw damaged();
  for (const auto& b : e.blocks)
    if (text::find_invalid_utf8(b.kind) || text::find_invalid_utf8(b.speaker)) throw damaged();
  for (const auto& n : e.notes)
    if (text::find_invalid_utf8(n)) throw damaged();
  finish(e, name);  // offsets, order, NFC: checked again on this side
  const auto len = static_cast<int64_t>(text::count_code_points(e.text));
  for (const auto& b : e.word_boxes)
    if (b.start < 0 || b.end <= b.start || b.end > len || b.page < 1 || b.confidence < -1 || b.confidence > 100)
      throw damaged();
  return e;
}

// --- the child ------------------------------------------------------------------
void write_all(int fd, const std::string& data) {
  size_t done = 0;
  while (done < data.size()) {
    ssize_t w = ::write(fd, data.data() + done, data.size() - done);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return;
    done += static_cast<size_t>(w);
  }
}

[[maybe_unused]] uint64_t current_address_space() {  // unused under ASan (no RLIMIT_AS there)
  std::ifstream statm("/proc/self/statm");
  uint64_t pages = 0;
  statm >> pages;
  return pages * static_cast<uint64_t>(sysconf(_SC_PAGESIZE));
}

using InProcess = Extracted (*)(const std::string&, std::string_view, const ImportOptions&);

[[noreturn]] void child(int fd, int progress_fd, const std::string& name, std::string_view bytes,
                        const ImportOptions& opt_in, InProcess fn) {
  ImportOptions opt = opt_in;
  // If a library calls exit() here, the parent's static destructors must not
  // run in this copy of the process: the last-registered handler runs first.
  std::atexit([] { _exit(3); });
#ifndef TELAAH_ASAN
  // Library chatter (libjpeg's "Premature end of JPEG file", Tesseract's
  // estimates) is not for the researcher: the result record says what matters.
  if (const int devnull = ::open("/dev/null", O_WRONLY | O_CLOEXEC); devnull >= 0) {
    ::dup2(devnull, 2);
    ::close(devnull);
  }
#endif
#ifndef TELAAH_ASAN
  // The child inherits the parent's mappings: the limit is what it may add.
  const uint64_t as = current_address_space() + opt.limits.pdf_memory;
  rlimit mem{as, as};
  setrlimit(RLIMIT_AS, &mem);
#endif
  // CPU: pdf_seconds for parsing, and ocr_page_seconds more for each page
  // read by OCR; the hard limit is what the page limit allows at most, the
  // soft one grows page by page as the pages are announced.
  const rlim_t hard = static_cast<rlim_t>(opt.limits.pdf_seconds) + 2 +
                      static_cast<rlim_t>(opt.limits.ocr_page_seconds) * opt.limits.max_pdf_pages;
  rlimit cpu{opt.limits.pdf_seconds + 1, hard};
  setrlimit(RLIMIT_CPU, &cpu);
  opt.cancelled = nullptr;
  opt.page_progress = [progress_fd, seconds = opt.limits.ocr_page_seconds](int done, int total) {
    if (done < total) {
      rlimit now{};
      getrlimit(RLIMIT_CPU, &now);
      now.rlim_cur = std::min(now.rlim_max, now.rlim_cur + seconds);
      setrlimit(RLIMIT_CPU, &now);
    }
    std::string msg;
    put_u64(msg, static_cast<uint64_t>(done));
    put_u64(msg, static_cast<uint64_t>(total));
    write_all(progress_fd, msg);
  };
  std::string out;
  try {
    out = encode(fn(name, bytes, opt));
  } catch (const UserError& e) {
    out = encode_error('U', e.what());
  } catch (const std::bad_alloc&) {
    out = encode_error('M', "out of memory");
  } catch (const std::exception& e) {
    out = encode_error('E', e.what());
  } catch (...) {
    out = encode_error('E', "unknown failure");
  }
  if (out.size() > kMaxPayload) out = encode_error('U', name + ": the PDF holds more text than one document may");
  write_all(fd, out);
  ::close(fd);
  ::close(progress_fd);
  _exit(0);  // no destructors, no atexit handlers, no stdio flush of the parent's buffers
}

// Runs `fn` in the bounded child; `noun` names the file kind in messages ("PDF", "image").
Extracted run_bounded(const std::string& name, std::string_view bytes, const ImportOptions& opt, InProcess fn,
                      const std::string& noun) {
  int fds[2], prog[2];
  if (::pipe2(fds, O_CLOEXEC) != 0)
    throw InternalError(name + ": cannot start the " + noun + " reader (" + std::strerror(errno) + ")");
  if (::pipe2(prog, O_CLOEXEC) != 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    throw InternalError(name + ": cannot start the " + noun + " reader (" + std::strerror(errno) + ")");
  }
  const pid_t pid = ::fork();
  if (pid < 0) {
    for (int f : {fds[0], fds[1], prog[0], prog[1]}) ::close(f);
    throw InternalError(name + ": cannot start the " + noun + " reader (" + std::strerror(errno) + ")");
  }
  if (pid == 0) {
    ::close(fds[0]);
    ::close(prog[0]);
    child(fds[1], prog[1], name, bytes, opt, fn);
  }
  ::close(fds[1]);
  ::close(prog[1]);
  // The CPU limit stops a looping reader; the wall-clock deadline only stops a
  // child that hangs without using the processor. On a busy machine the same
  // work takes several times its CPU time (a 10 MB PDF: 5.7 s of CPU, over 60 s
  // of wall time at load 13, docs/performance.md), so the deadline is
  // kPdfWallFactor times the CPU limit; each page announced for OCR moves it
  // on by kPdfWallFactor times ocr_page_seconds.
  constexpr unsigned kPdfWallFactor = 4;
  unsigned wall_seconds = opt.limits.pdf_seconds * kPdfWallFactor;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(wall_seconds);
  std::string payload, progress;
  bool timed_out = false, too_big = false, cancelled = false, prog_open = true;
  char buf[1 << 16];
  while (true) {
    if (opt.cancelled && opt.cancelled()) {
      cancelled = true;
      break;
    }
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
    if (left <= 0) {
      timed_out = true;
      break;
    }
    pollfd p[2] = {{fds[0], POLLIN, 0}, {prog_open ? prog[0] : -1, POLLIN, 0}};
    const int ready = ::poll(p, 2, static_cast<int>(std::min<long long>(left, opt.cancelled ? 200 : 1000)));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) continue;
    if (prog_open && (p[1].revents & (POLLIN | POLLHUP))) {
      const ssize_t got = ::read(prog[0], buf, sizeof buf);
      if (got <= 0 && !(got < 0 && errno == EINTR)) {
        prog_open = false;
      } else if (got > 0) {
        progress.append(buf, static_cast<size_t>(got));
        while (progress.size() >= 16) {
          Reader r{std::string_view(progress).substr(0, 16)};
          const uint64_t done = r.u64(), total = r.u64();
          progress.erase(0, 16);
          if (total > opt.limits.max_pdf_pages || done > total) continue;  // not what the child sends
          if (done < total) {
            wall_seconds += opt.limits.ocr_page_seconds * kPdfWallFactor;
            deadline = std::max(deadline, std::chrono::steady_clock::now() +
                                              std::chrono::seconds(opt.limits.ocr_page_seconds * kPdfWallFactor));
          }
          if (opt.page_progress) opt.page_progress(static_cast<int>(done), static_cast<int>(total));
        }
      }
    }
    if (!(p[0].revents & (POLLIN | POLLHUP | POLLERR))) continue;
    const ssize_t got = ::read(fds[0], buf, sizeof buf);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) break;  // EOF: the child is done (or died)
    payload.append(buf, static_cast<size_t>(got));
    if (payload.size() > kMaxPayload + 1024) {
      too_big = true;
      break;
    }
  }
  ::close(fds[0]);
  ::close(prog[0]);
  if (timed_out || too_big || cancelled) ::kill(pid, SIGKILL);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (cancelled) throw ImportError(name + ": reading the " + noun + " was cancelled");
  if (timed_out)
    throw ImportError(name + ": reading the " + noun + " took longer than " + std::to_string(wall_seconds) +
                      " s and was stopped; the file may be damaged or hostile");
  if (too_big) throw ImportError(name + ": the " + noun + " holds more text than one document may");
  if (WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    if (sig == SIGXCPU || sig == SIGKILL)
      throw ImportError(name + ": reading the " + noun + " used more processor time than allowed (" +
                        std::to_string(opt.limits.pdf_seconds) + " s, and " +
                        std::to_string(opt.limits.ocr_page_seconds) +
                        " s per page read by OCR) and was stopped; the file may be damaged or hostile");
    throw ImportError(name + ": the " + noun + " reader crashed on this file (signal " + std::to_string(sig) +
                      "); the file is damaged or hostile — nothing was imported from it");
  }
  if (payload.empty())
    throw ImportError(name + ": the " + noun +
                      " reader stopped without a result (out of memory?); the file may be damaged or hostile");
  return decode(payload, name);
}

}  // namespace

Extracted extract_pdf(const std::string& name, std::string_view bytes, const ImportOptions& opt) {
  return run_bounded(name, bytes, opt, &extract_pdf_in_process, "PDF");
}

Extracted extract_image(const std::string& name, std::string_view bytes, const ImportOptions& opt) {
  return run_bounded(name, bytes, opt, &extract_image_in_process, "image");
}

}  // namespace telaah::ingest
