package io.signaldesk.load;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Which local process listens on a TCP port, from /proc (Linux), without ss or lsof. */
final class Listeners {
    private Listeners() {}

    static long pidListeningOn(int port) throws IOException {
        String inode = null;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table))) {
                String[] f = line.trim().split("\\s+");
                // local_address is HEXADDR:HEXPORT; state 0A is LISTEN
                if (f.length > 9
                        && f[1].contains(":")
                        && "0A".equals(f[3])
                        && Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16) == port) {
                    inode = f[9];
                }
            }
        }
        if (inode == null) {
            throw new IllegalStateException("nothing listens on port " + port);
        }
        String target = "socket:[" + inode + "]";
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path proc : procs) {
                try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("fd"))) {
                    for (Path fd : fds) {
                        try {
                            if (target.equals(Files.readSymbolicLink(fd).toString())) {
                                return Long.parseLong(proc.getFileName().toString());
                            }
                        } catch (IOException gone) {
                            // the fd closed meanwhile
                        }
                    }
                } catch (IOException | SecurityException notOurs) {
                    // a process that ended, or one we may not read
                }
            }
        }
        throw new IllegalStateException("no process found for the listener on port " + port);
    }
}
