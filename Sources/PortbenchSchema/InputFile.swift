import Foundation

/// Files portbench reads: a regular file (never a device, pipe or folder, which could be endless or block), and no
/// larger than a reader's cap. Checked before a byte is read.
public enum InputFile {
    /// Why `path` cannot be read as an input, or nil.
    public static func problem(_ path: String, maxBytes: Int? = nil) -> String? {
        var st = stat()
        guard stat(path, &st) == 0 else { return "cannot read the file: \(String(cString: strerror(errno)))" }
        guard st.st_mode & S_IFMT == S_IFREG else { return "is not a regular file (a folder, device, pipe or socket)" }
        if let maxBytes, Int(st.st_size) > maxBytes {
            return "the file is \(st.st_size) bytes; at most \(maxBytes) are read"
        }
        return nil
    }
}
