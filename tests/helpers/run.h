// Runs a program (the real `telaah` binary in the CLI and crash suites) with
// arguments, no shell in between, and captures stdout, stderr and the exit
// status. Header-only.
#pragma once
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace telaah::test {

struct Result {
  int status = -1;  // exit status, or 128 + signal
  std::string out, err;
};

// Starts `argv` with stdout and stderr on pipes; returns the child's pid and
// the two read ends. `env` entries ("NAME=value") are added to the environment.
inline pid_t spawn(const std::vector<std::string>& argv, int* out_fd, int* err_fd,
                   const std::vector<std::string>& env = {}) {
  int o[2], e[2];
  if (::pipe2(o, O_CLOEXEC) != 0 || ::pipe2(e, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    ::dup2(o[1], 1);
    ::dup2(e[1], 2);
    int devnull = ::open("/dev/null", O_RDONLY);
    if (devnull >= 0) ::dup2(devnull, 0);
    for (const auto& kv : env) ::putenv(const_cast<char*>(kv.c_str()));
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  ::close(o[1]);
  ::close(e[1]);
  *out_fd = o[0];
  *err_fd = e[0];
  return pid;
}

// Reads both pipes to their end, then reaps the child.
inline Result collect(pid_t pid, int out_fd, int err_fd) {
  Result r;
  pollfd fds[2] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}};
  int open_fds = 2;
  char buf[65536];
  while (open_fds > 0) {
    if (::poll(fds, 2, -1) < 0) continue;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t n = ::read(fds[i].fd, buf, sizeof buf);
      if (n > 0)
        (i == 0 ? r.out : r.err).append(buf, static_cast<size_t>(n));
      else {
        ::close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      }
    }
  }
  int st = 0;
  ::waitpid(pid, &st, 0);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
  return r;
}

inline Result run(const std::vector<std::string>& argv, const std::vector<std::string>& env = {}) {
  int o, e;
  pid_t pid = spawn(argv, &o, &e, env);
  return collect(pid, o, e);
}

}  // namespace telaah::test
