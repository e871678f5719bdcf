"""ptyrun — run a program in a pseudo-terminal of a given size and keep every byte it
writes, for tests that check the raw output (charsets, control sequences)."""
import fcntl, os, pty, select, struct, termios, time


class Session:
    def __init__(self, argv, env, cols=80, rows=24):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execve(argv[0], argv, env)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.out = bytearray()

    def pump(self, secs):
        """Collect output for secs seconds."""
        end = time.time() + secs
        while time.time() < end:
            r, _, _ = select.select([self.fd], [], [], 0.05)
            if r:
                try:
                    self.out.extend(os.read(self.fd, 65536))
                except OSError:
                    return

    def send(self, data, wait=0.6):
        os.write(self.fd, data)
        self.pump(wait)

    def wait(self):
        os.waitpid(self.pid, 0)
