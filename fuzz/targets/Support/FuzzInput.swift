import LibcSupport

/// The fuzzer's input as the library sees file contents: borrowed bytes.
/// libFuzzer may pass a null pointer for an empty input.
@inline(__always)
func fuzzBytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> ByteString {
    ByteString(start: size == 0 ? nil : data, count: size)
}

/// Keeps a value alive and observable, so the optimizer cannot drop the
/// work that produced it (the targets only care that parsing does not fail).
@inline(never)
func consume<T>(_ value: T) {
    withExtendedLifetime(value) {}
}
