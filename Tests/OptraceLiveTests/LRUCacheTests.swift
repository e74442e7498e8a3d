import Testing
@testable import OptraceLive

@Suite struct LRUCacheTests {
    @Test func keepsTheMostRecentlyUsedAndMakesEachValueOnce() {
        let cache = LRUCache<Int, String>(capacity: 2)
        var made = 0
        func get(_ k: Int) -> String { cache.value(for: k) { made += 1; return "v\(k)" } }
        #expect(get(1) == "v1" && get(2) == "v2" && made == 2)
        #expect(get(1) == "v1" && made == 2, "a hit makes nothing")
        #expect(get(3) == "v3" && made == 3 && cache.count == 2)
        #expect(get(1) == "v1" && made == 3, "1 was used after 2, so 2 was dropped")
        #expect(get(2) == "v2" && made == 4)
    }

    @Test func aFailureStoresNothing() {
        struct Refused: Error {}
        let cache = LRUCache<Int, Int>(capacity: 4)
        #expect(throws: Refused.self) { try cache.value(for: 1) { () throws(Refused) -> Int in throw Refused() } }
        #expect(cache.count == 0)
        #expect(cache.value(for: 1) { 7 } == 7)
    }
}
