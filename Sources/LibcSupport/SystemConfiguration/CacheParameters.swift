/// Size, associativity and line size of one CPU cache, as CPUID describes it.
public struct CacheParameters: Sendable, Equatable {
    /// Total size in bytes.
    public var size: Int
    /// Ways of associativity; nil where the source gives none.
    public var associativity: Int?
    /// Line size in bytes.
    public var lineSize: Int

    public init(size: Int, associativity: Int?, lineSize: Int) {
        self.size = size
        self.associativity = associativity
        self.lineSize = lineSize
    }

    /// `attribute` of this cache; nil if it is not known.
    public func value(_ attribute: CacheGeometry.Attribute) -> Int? {
        switch attribute {
        case .size: return size
        case .associativity: return associativity
        case .lineSize: return lineSize
        }
    }
}
