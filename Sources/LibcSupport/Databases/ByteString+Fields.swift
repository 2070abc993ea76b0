import CLibc

/// Field-level helpers shared by the line parsers of the network databases.
///
/// The C library reads these files line by line into C strings, so a NUL
/// byte ends what its parsers see of a line, and `#` starts a comment. These
/// helpers reproduce that view over the mapped bytes without copying.
extension ByteString {
    /// The bytes before the first NUL: what a C parser sees of this line.
    @inlinable
    public var beforeNUL: ByteString {
        guard count > 0, let nul = memchr(start!, 0, count) else { return self }
        return prefix(UnsafeRawPointer(nul) - UnsafeRawPointer(start!))
    }

    /// The bytes before the first `#` (the rest of the line is a comment).
    @inlinable
    public var beforeComment: ByteString {
        guard count > 0, let hash = memchr(start!, 0x23, count) else { return self }
        return prefix(UnsafeRawPointer(hash) - UnsafeRawPointer(start!))
    }

    /// The line content a `#`-commented database parser works on: cut at the
    /// first NUL, then at the first `#`.
    @inlinable
    public var lineContent: ByteString { beforeNUL.beforeComment }

    /// Drops leading C-locale white space (`isspace`).
    @inlinable
    public var droppingLeadingSpace: ByteString {
        var i = 0
        while i < count && ASCII.isSpace(start![i]) { i += 1 }
        return dropFirst(i)
    }

    /// The offset of the first occurrence of `needle` at or after `from`
    /// (`memmem`), or nil. An empty needle is never found.
    ///
    /// Over a large mapped file the search runs in windows of
    /// `MappedFile.scanWindow` bytes (overlapping by the needle's length)
    /// and lets go of the pages of each window it passes without a match,
    /// so a lookup in a file of any size stays in bounded memory.
    @inlinable
    public func firstOffset(of needle: ByteString, from: Int = 0) -> Int? {
        guard needle.count > 0, from < count, needle.count <= count - from else { return nil }
        var position = from
        while count - position >= needle.count {
            let end = Swift.min(count, position + MappedFile.scanWindow + needle.count - 1)
            let base = start! + position
            if let hit = memmem(base, end - position, needle.start!, needle.count) {
                return position + (UnsafeRawPointer(hit) - UnsafeRawPointer(base))
            }
            if end == count { return nil }
            let next = end - needle.count + 1
            MappedFile.releasePages(slice(position, next))
            position = next
        }
        return nil
    }

    /// The start offset of the line containing `offset`.
    @inlinable
    public func lineStart(containing offset: Int) -> Int {
        guard offset > 0, let newline = memrchr(start!, 0x0A, offset) else { return 0 }
        return UnsafeRawPointer(newline) - UnsafeRawPointer(start!) + 1
    }

    /// The end offset (the `\n` or the end of the bytes) of the line
    /// containing `offset`.
    @inlinable
    public func lineEnd(containing offset: Int) -> Int {
        guard offset < count, let newline = memchr(start! + offset, 0x0A, count - offset) else { return count }
        return UnsafeRawPointer(newline) - UnsafeRawPointer(start!)
    }
}
