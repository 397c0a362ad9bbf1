import Foundation

/// Writes the command's own messages. FileHandle's `write(_:)` traps when the write fails, and a
/// closed or full standard error (`2>&-`, a pipe whose reader left, `2>/dev/full`) must cost the
/// person a message, not the batch: a message that cannot be written is dropped.
enum Console {
    static func write(_ text: String, to handle: FileHandle = .standardError) {
        try? handle.write(contentsOf: Data(text.utf8))
    }

    /// Started with standard input, output or error closed (`2>&-`), the next file opened would take
    /// that number: a photo or the `-o` report would receive the messages meant for the terminal.
    /// Each closed one is pointed at /dev/null first, as a daemon does.
    static func reopenClosedStandardStreams() {
        for fd in Int32(0)...2 where fcntl(fd, F_GETFD) == -1 {
            let null = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY)
            if null >= 0, null != fd {
                dup2(null, fd)
                close(null)
            }
        }
    }
}
