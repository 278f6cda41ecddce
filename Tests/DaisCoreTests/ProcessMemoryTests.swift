import Testing
@testable import DaisCore

@Suite("Process memory")
struct ProcessMemoryTests {
    @Test("once freed memory is kept, a 48 MB block comes from the heap, not a mapping of its own that freeing would hand back")
    func largeBlocksStayInTheHeap() {
        #expect(ProcessMemory.keepFreedMemory())
        let before = ProcessMemory.mappedBlockBytes
        // 48 MB: above the largest threshold glibc would raise itself to (32 MB), so mapped without
        // the setting; below the 64 MB of a thread's own heap (a test runs on a worker thread).
        var block = [UInt8](repeating: 1, count: 48 << 20)
        block[block.count - 1] = 2
        // No block is mapped after the call; other tests can only free ones mapped before it.
        #expect(ProcessMemory.mappedBlockBytes <= before)
        #expect(block.last == 2)
    }
}
