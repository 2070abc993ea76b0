import CLibc
import Testing

/// The release binaries' allocator (CLibc's Heap.c), which is malloc and
/// friends in the musl builds. Here it runs beside glibc's allocator, through
/// its own names. The heap is not thread-safe, so the suite is serialized and
/// nothing else in the tests calls it.
@Suite("heap: the release binaries' malloc", .serialized)
struct HeapTests {
    /// Fills `count` bytes at `block` with a pattern derived from `seed`.
    private func fill(_ block: UnsafeMutableRawPointer, _ count: Int, seed: Int) {
        let bytes = block.assumingMemoryBound(to: UInt8.self)
        for i in 0..<count { bytes[i] = UInt8(truncatingIfNeeded: seed &* 131 &+ i &* 7) }
    }

    private func holds(_ block: UnsafeMutableRawPointer, _ count: Int, seed: Int) -> Bool {
        let bytes = block.assumingMemoryBound(to: UInt8.self)
        for i in 0..<count where bytes[i] != UInt8(truncatingIfNeeded: seed &* 131 &+ i &* 7) { return false }
        return true
    }

    @Test("every size from 0 to 5,000 bytes gives a 16-byte aligned block of at least that size")
    func sizes() throws {
        var blocks: [UnsafeMutableRawPointer] = []
        for size in 0...5_000 {
            let block = try #require(clibc_heap_allocate(size))
            #expect(Int(bitPattern: block) % 16 == 0, "size \(size)")
            #expect(clibc_heap_usable_size(block) >= size, "size \(size)")
            fill(block, size, seed: size)
            blocks.append(block)
        }
        // No block overlaps another: each still holds its own pattern.
        for (size, block) in blocks.enumerated() {
            #expect(holds(block, size, seed: size), "size \(size)")
            clibc_heap_free(block)
        }
    }

    @Test("a freed block is reused for the next request of its size class")
    func reuse() throws {
        let first = try #require(clibc_heap_allocate(100))
        clibc_heap_free(first)
        let second = try #require(clibc_heap_allocate(110))
        #expect(second == first)
        clibc_heap_free(second)
        clibc_heap_free(nil)
    }

    @Test("large blocks are mapped, usable to the end, grown in place or moved with their contents, and unmapped")
    func large() throws {
        let size = 3 << 20
        var block = try #require(clibc_heap_allocate(size))
        #expect(clibc_heap_usable_size(block) >= size)
        fill(block, size, seed: 3)
        block = try #require(clibc_heap_resize(block, 64 << 20))
        #expect(holds(block, size, seed: 3))
        #expect(clibc_heap_usable_size(block) >= 64 << 20)
        block.storeBytes(of: 0xAB, toByteOffset: (64 << 20) - 1, as: UInt8.self)
        clibc_heap_free(block)
    }

    @Test("resizing keeps the contents, from small to small, small to large, and within a block")
    func resize() throws {
        var block = try #require(clibc_heap_resize(nil, 24))
        fill(block, 24, seed: 9)
        let same = try #require(clibc_heap_resize(block, 30))
        #expect(same == block, "30 bytes still fit the 32-byte class")
        for size in [200, 5_000, 100_000, 300_000, 2_000_000] {
            block = try #require(clibc_heap_resize(block, size))
            #expect(holds(block, 24, seed: 9), "after growing to \(size)")
            #expect(clibc_heap_usable_size(block) >= size)
        }
        clibc_heap_free(block)
    }

    @Test("aligned blocks for every power of two up to 64 KiB, freed through their own address")
    func aligned() throws {
        var alignment = 1
        while alignment <= 65_536 {
            for size in [1, 100, 5_000, 300_000] {
                let block = try #require(clibc_heap_allocate_aligned(alignment, size))
                #expect(Int(bitPattern: block) % alignment == 0, "alignment \(alignment)")
                #expect(clibc_heap_usable_size(block) >= size)
                fill(block, size, seed: alignment)
                #expect(holds(block, size, seed: alignment))
                clibc_heap_free(block)
            }
            alignment <<= 1
        }
        clibc_set_errno(0)
        #expect(clibc_heap_allocate_aligned(24, 10) == nil)
        #expect(clibc_errno() == EINVAL)
    }

    @Test("zeroed blocks are zero even when they reuse a freed block")
    func zeroed() throws {
        let dirty = try #require(clibc_heap_allocate(64))
        dirty.initializeMemory(as: UInt8.self, repeating: 0xFF, count: 64)
        clibc_heap_free(dirty)
        let block = try #require(clibc_heap_allocate_zeroed(8, 8))
        #expect(block == dirty)
        #expect((0..<64).allSatisfy { block.load(fromByteOffset: $0, as: UInt8.self) == 0 })
        clibc_heap_free(block)
    }

    @Test("sizes that overflow fail with ENOMEM instead of wrapping")
    func overflow() {
        clibc_set_errno(0)
        #expect(clibc_heap_allocate_zeroed(Int.max, 4) == nil)
        #expect(clibc_errno() == ENOMEM)
        clibc_set_errno(0)
        #expect(clibc_heap_allocate(Int.max - 8) == nil)
        #expect(clibc_errno() == ENOMEM)
        clibc_set_errno(0)
        #expect(clibc_heap_allocate_aligned(4_096, Int.max - 100) == nil)
        #expect(clibc_errno() == ENOMEM)
    }

    @Test("100,000 random allocations, resizes and frees keep every live block's contents")
    func randomWork() throws {
        var generator = SystemRandomNumberGenerator()
        var live: [(block: UnsafeMutableRawPointer, size: Int, seed: Int)] = []
        for step in 0..<100_000 {
            let choice = Int.random(in: 0..<10, using: &generator)
            if choice < 5 || live.isEmpty {
                // One in 500 is a mapped block.
                let size = Int.random(in: 0...(step % 500 == 0 ? 400_000 : 600), using: &generator)
                let block = try #require(clibc_heap_allocate(size))
                fill(block, size, seed: step)
                live.append((block, size, step))
            } else if choice < 7 {
                let index = Int.random(in: 0..<live.count, using: &generator)
                let entry = live[index]
                let size = Int.random(in: 0...2_000, using: &generator)
                let block = try #require(clibc_heap_resize(entry.block, size))
                #expect(holds(block, min(size, entry.size), seed: entry.seed))
                fill(block, size, seed: step)
                live[index] = (block, size, step)
            } else {
                let entry = live.remove(at: Int.random(in: 0..<live.count, using: &generator))
                #expect(holds(entry.block, entry.size, seed: entry.seed))
                clibc_heap_free(entry.block)
            }
        }
        for entry in live {
            #expect(holds(entry.block, entry.size, seed: entry.seed))
            clibc_heap_free(entry.block)
        }
    }
}
